/** The day after an ISO date (`2023-12-31` → `2024-01-01`), where a following plan usually starts. */
export function dayAfter (iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 1)
  return day.toISOString().slice(0, 10)
}
