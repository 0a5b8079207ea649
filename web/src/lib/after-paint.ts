/**
 * Runs `work` once the browser has painted the frame being built: in the task after the next animation
 * frame. For reads below the fold that the first view does not show (a plan's submitted reports): started
 * during the mount, they were one more round trip before the page counted as painted on a slow phone, and
 * their answer one more render while the page was still settling (issue 17).
 */
export function afterPaint (work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0))
}
