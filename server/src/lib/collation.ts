/**
 * The orders the server sorts by, as kept collators. `localeCompare` with options builds a new ICU
 * collator on every call (4.3 µs against 0.08 µs here), and a measure read sorts its links with it.
 */

/** Names of people and organisations, as German readers expect them (ä beside a). */
export const compareNames = new Intl.Collator('de').compare

/** Measure codes and example-action keys: the numbers in them by value, so 1.2 comes before 1.10. */
export const compareCodes = new Intl.Collator('en', { numeric: true }).compare

/** Records by their code (measures, links to measures), in `compareCodes` order. */
export const byCode = (a: { code: string }, b: { code: string }) => compareCodes(a.code, b.code)

/** Records by their name (organisations), in `compareNames` order. */
export const byName = (a: { name: string }, b: { name: string }) => compareNames(a.name, b.name)
