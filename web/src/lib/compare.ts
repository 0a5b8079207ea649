/**
 * Orders ISO dates and timestamps, which sort correctly as plain text. `localeCompare` would do the
 * same more slowly, and its first call loads the browser's collation data (about 20 ms on a desktop,
 * four times that on a phone) while the page is drawn. Names of people and bodies still use it.
 */
export const compareIso = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The letters a name is ordered by: without accents and case, ß as ss (as German dictionaries do). */
const sortKey = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss')

/**
 * Orders names as a German or English reader expects (Ämter with Amt, not after Z), without
 * localeCompare: its first call builds a collator, 20–35 ms on a desktop, while the page is drawn.
 * compare.test.ts checks it against Intl.Collator on every name of the Jena plan.
 */
export function compareNames (a: string, b: string): number {
  return compareIso(sortKey(a), sortKey(b)) || compareIso(a, b)
}

/** The visitor's calendar day as `YYYY-MM-DD`, so "as of today" and "ended" mean their today. */
export function localToday (now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}
