import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/session'
import './styles/main.css'
import './styles/workspace.css'

const i18n = createAppI18n()
// index.html says German; a remembered English choice must reach screen readers before the first paint.
document.documentElement.lang = i18n.global.locale.value

const pinia = createPinia()
createApp(App).use(pinia).use(createAppRouter()).use(i18n).mount('#app')
// Who is signed in, once at start (the header shows it; the router guard waits for it on members' pages).
void useSessionStore(pinia).load()
