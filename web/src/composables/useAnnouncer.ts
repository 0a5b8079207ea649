import { readonly, ref } from 'vue'

const message = ref('')
let clearTimer: ReturnType<typeof setTimeout> | undefined
// Set after a client-side page change: the next page title is read out (screen readers do not notice it).
let titlePending = false

/**
 * One polite live region for the whole app (rendered by App.vue). It exists from the first paint,
 * which is what makes screen readers announce later changes reliably.
 */
export function useAnnouncer () {
  function announce (text: string) {
    // Clearing first makes a repeated message ("Loading…" twice) count as a change.
    message.value = ''
    clearTimeout(clearTimer)
    setTimeout(() => { message.value = text }, 50)
    clearTimer = setTimeout(() => { message.value = '' }, 5000)
  }
  /** After a client-side page change: announce the new page's title as soon as it is known. */
  function expectPageTitle () { titlePending = true }
  function pageTitleKnown (title: string) {
    if (!titlePending) return
    titlePending = false
    announce(title)
  }
  return { message: readonly(message), announce, expectPageTitle, pageTitleKnown }
}
