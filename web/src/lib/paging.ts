// Lists the server hands out page by page, with the page in the address (`?seite=2`), so a page
// survives a reload and the way back from a record.

/** Pages of a list of `total` items, at least one (an empty list still has its first page). */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize))

/** A page number from the address (`?seite=3`): whole and at least 1, else the first page. */
export function pageFromQuery (value: unknown): number {
  const raw = Array.isArray(value) ? value[0] : value
  const page = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1
  return page >= 1 ? page : 1
}

/** The `limit` and `offset` of page `page` (1-based). */
export const pageWindow = (page: number, pageSize: number) => ({ limit: pageSize, offset: (page - 1) * pageSize })

/** The address query of page `n`: none for the first. */
export const pageQuery = (n: number): Record<string, string> => (n > 1 ? { seite: String(n) } : {})
