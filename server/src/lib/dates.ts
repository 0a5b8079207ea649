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
