import { nextTick, ref, type Ref } from 'vue'

/**
 * The first page of a visit renders in short turns: the part above the fold in the mount, every part
 * wrapped in `RenderInTurn` in a task of its own after it, in page order. On a slow phone the mount
 * was one long task (the measure page about 300 ms at four times slower CPU), all of it blocking input;
 * in turns, each part is short and the page answers a tap between them (issue 17, total blocking time).
 * A part may hold parts of its own (the plan page's commitment cards, about 12 ms each at four times
 * slower CPU, were one 115–160 ms turn together); they take their turns right after it, so the page
 * still fills in its order. Later navigations and component tests render at once: only main.ts starts
 * the first visit's turns.
 */
let firstVisit = false
const waiting: Ref<boolean>[] = []
let turning = false
/** True while a turn's part renders (Vue's flush after it was shown): the parts it makes wait their turn. */
let renderingTurn = false
/** Where a part made now joins the queue: after those its turn's render made before it, ahead of the rest. */
let insertAt = 0
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
    // The render this causes runs in Vue's next flush, within this task, before the next turn's; the
    // parts it makes queue up front, in their order.
    insertAt = 0
    renderingTurn = true
    part.value = true
    void nextTick(() => { renderingTurn = false })
    nextTurn()
  }, 0)
}

/** Whether the calling part may render now; during the first visit's mount it waits for its turn. */
export function awaitTurn (): Readonly<Ref<boolean>> {
  const inTurns = firstVisit || renderingTurn
  const shown = ref(!inTurns)
  if (inTurns) {
    waiting.splice(insertAt++, 0, shown)
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
  insertAt = waiting.length
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
