/** Formats a stored value for the comparison tables (conflicts, audit trail): text as it is, the rest readable. */
export function formatValue (value: unknown, words: { empty: string, yes: string, no: string }): string {
  if (value === null || value === undefined || value === '') return words.empty
  if (typeof value === 'boolean') return value ? words.yes : words.no
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (Array.isArray(value)) {
    if (!value.length) return words.empty
    return value.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')
  }
  return JSON.stringify(value, null, 1)
}
