import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { mountInTurns } from './lib/render-in-turn'
import { installMessageBundles } from './i18n/bundles'
import { createAppRouter } from './router'
import { firstReadsOf } from './router/first-reads'
import { useSessionStore } from './stores/session'
import './styles/main.css'
import './styles/public.css'
import './styles/workspace.css'

// In the language the server wrote into <html lang> (the remembered choice), so screen readers have it from the start.
const i18n = createAppI18n()

const pinia = createPinia()
const router = createAppRouter()
installMessageBundles(router, i18n)
const app = createApp(App).use(pinia).use(router).use(i18n)
// Mount once the first page's code and its first reads are in (the server announced both in index.html,
// so this is quick): the first paint then shows that page, not an empty or loading frame that a long
// second render replaces a moment later. Its parts below the fold follow in short turns (RenderInTurn).
void router.isReady().then(() => firstReadsOf(router)).finally(() => mountInTurns(() => app.mount('#app')))
// Who is signed in, once at start (the header shows it; the router guard waits for it on members' pages).
void useSessionStore(pinia).load()
