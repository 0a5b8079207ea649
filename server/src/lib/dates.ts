/** Calendar arithmetic on ISO dates (YYYY-MM-DD), which compare correctly as text. */

const pad = (value: number, width: number) => String(value).padStart(width, '0')
const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
const daysInMonth = (year: number, month: number) => (month === 2 && isLeapYear(year) ? 29 : monthLengths[month - 1]!)

/**
 * Adds calendar months; a day past the target month's end becomes its last day (31 Aug + 6 → 28/29 Feb).
 * Arithmetic on the text's digits, without a `Date`: "needs attention" calls it once per measure.
 */
export function addMonths (date: string, months: number): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12 + 1
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, daysInMonth(targetYear, targetMonth)), 2)}`
}

/** The calendar date of an instant, in UTC as everywhere in the API. */
export const isoDate = (instant: Date) => instant.toISOString().slice(0, 10)

/** Whether `Intl` knows the IANA zone (the runtime's own database decides, as it does for every date we format). */
export function isKnownTimeZone (timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone }).format(0)
    return /\//.test(timeZone) || timeZone === 'UTC'
  } catch {
    return false
  }
}

/**
 * One formatter per zone: building an `Intl.DateTimeFormat` costs far more than formatting with it, and
 * "needs attention" asks for today's date on every request. The zones are the cities' (a few dozen at most).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** The calendar date of an instant in an IANA time zone ("2026-01-15T23:30Z" is 16 January in Europe/Berlin). */
export function dayInZone (instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(timeZone, format)
  }
  return format.format(instant)
}

/** Adds (or with a negative number subtracts) calendar days. */
export function addDays (date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + days)
  return isoDate(next)
}
