/** Calendar arithmetic on ISO dates (YYYY-MM-DD), which compare correctly as text. */

const pad = (value: number, width: number) => String(value).padStart(width, '0')
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** Adds calendar months; a day past the target month's end becomes its last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths (date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12 + 1
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, daysInMonth(targetYear, targetMonth)), 2)}`
}

/** The calendar date of an instant, in UTC as everywhere in the API. */
export const isoDate = (instant: Date) => instant.toISOString().slice(0, 10)

/** Today's date in UTC; timeline entries and reports are dated with it. */
export const today = () => isoDate(new Date())

/** Adds (or with a negative number subtracts) calendar days. */
export function addDays (date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + days)
  return isoDate(next)
}
