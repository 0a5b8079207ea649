import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { installMessageBundles } from './i18n/bundles'
import { mountInTurns } from './lib/render-in-turn'
import { createAppRouterInTurns } from './router'
import { firstReadsOf } from './router/first-reads'
import { useSessionStore } from './stores/session'
import './styles/main.css'
import './styles/public.css'
import './styles/workspace.css'

/**
 * The app is set up in short tasks, each after the one before has let the browser breathe: evaluating
 * the modules is one long task already, and the texts and the router (about a hundred addresses to
 * compile) added to it made one task that blocked a slow phone for a quarter of a second (issue 17).
 * The router's addresses are themselves added in groups, a task each (`createAppRouterInTurns`).
 * The first page's code and reads are under way meanwhile (announced in index.html).
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

async function start () {
  await nextTask()
  // In the language the server wrote into <html lang> (the remembered choice), so screen readers have it from the start.
  const i18n = createAppI18n()
  const pinia = createPinia()
  // Who is signed in, once at start (the header shows it; the router guard waits for it on members' pages).
  void useSessionStore(pinia).load()
  const router = await createAppRouterInTurns(nextTask)
  installMessageBundles(router, i18n)
  const app = createApp(App).use(pinia).use(router).use(i18n)
  // Mount once the first page's code and its first reads are in (the server announced both in index.html,
  // so this is quick): the first paint then shows that page, not an empty or loading frame that a long
  // second render replaces a moment later. Its parts below the fold follow in short turns (RenderInTurn).
  // A failed first navigation (its code did not load) still mounts: the header and footer work, and a
  // link or a reload tries again.
  try {
    await router.isReady()
    await firstReadsOf(router)
  } finally {
    mountInTurns(() => app.mount('#app'))
  }
}

void start()
