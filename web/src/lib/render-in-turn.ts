import { ref, type Ref } from 'vue'

/**
 * The first page of a visit renders in short turns: the part above the fold in the mount, every part
 * wrapped in `RenderInTurn` in a task of its own after it, in page order. On a slow phone the mount
 * was one long task (the measure page about 300 ms at four times slower CPU), all of it blocking input;
 * in turns, each part is short and the page answers a tap between them (issue 17, total blocking time).
 * Later navigations and component tests render at once: only main.ts starts the first visit's turns.
 */
let firstVisit = false
const waiting: Ref<boolean>[] = []
let turning = false
/** The page's main region, marked `aria-busy` while parts are still to come, so screen readers wait for the whole. */
let busyRegion: Element | null = null

function nextTurn () {
  setTimeout(() => {
    const part = waiting.shift()
    if (!part) {
      turning = false
      busyRegion?.removeAttribute('aria-busy')
      busyRegion = null
      return
    }
    // The render this causes runs in Vue's next flush, within this task, before the next turn's.
    part.value = true
    nextTurn()
  }, 0)
}

/** Whether the calling part may render now; during the first visit's mount it waits for its turn. */
export function awaitTurn (): Readonly<Ref<boolean>> {
  const shown = ref(!firstVisit)
  if (firstVisit) {
    waiting.push(shown)
    if (!turning) {
      turning = true
      nextTurn()
    }
  }
  return shown
}

/**
 * Runs the first visit's mount with its parts in turns; parts made after it render at once. An address
 * with a fragment renders whole: the browser scrolls to its target, which may be in a later part.
 */
export function mountInTurns (mount: () => void): void {
  firstVisit = location.hash === ''
  try {
    mount()
  } finally {
    firstVisit = false
  }
  if (turning) {
    busyRegion = document.querySelector('main')
    busyRegion?.setAttribute('aria-busy', 'true')
  }
}
