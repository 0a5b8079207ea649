/**
 * A full page load at `path` (same origin only). Used when the session changes: signing in or out
 * must not leave another person's data, or the public view of member data, in the app's memory.
 */
export function reloadAt (path: string): void {
  window.location.assign(path)
}
