import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import './styles/main.css'

const i18n = createAppI18n()
// index.html says German; a remembered English choice must reach screen readers before the first paint.
document.documentElement.lang = i18n.global.locale.value

createApp(App).use(createPinia()).use(createAppRouter()).use(i18n).mount('#app')
