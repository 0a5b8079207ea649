import { addDays } from '../../lib/dates.ts'

export { isKnownTimeZone } from '../../lib/dates.ts'

/** The calendar date of an instant in the city's zone: "on the day" is the city's day. */
export { dayInZone } from '../../lib/dates.ts'

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` lies before. */
export function daysBetween (from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1

/** ISO week label like `2026-W49`: a weekly digest's key, so it goes out once a week whatever the day. */
export function isoWeek (date: string): string {
  const thursday = addDays(date, 4 - isoWeekday(date))
  const year = Number(thursday.slice(0, 4))
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** Who a reminder reaches, widening step by step. */
export type Tier = 'organisations' | 'steering' | 'office'

export interface DueStep { step: number, tier: Tier }

/** A step missed (the server was down) is caught up for this many days, never later. */
export const catchUpDays = 7

/**
 * The reminder step that is due on `today` for a deadline on `dueDate`, or null. Steps are days
 * before the due date (negative = after). The step is the lowest one not yet reached from above:
 * with 28/7/0/−7 and 20 days to go it is 28. Steps run from the responsible organisations' people
 * to the steering group (the second-last step) and to the office (the last step, the escalation).
 */
export function dueStep (today: string, dueDate: string, steps: readonly number[]): DueStep | null {
  const left = daysBetween(today, dueDate)
  const sorted = [...new Set(steps)].sort((a, b) => b - a)
  for (let index = sorted.length - 1; index >= 0; index--) {
    const step = sorted[index]!
    if (left <= step) {
      if (left < step - catchUpDays) return null
      return { step, tier: tierOf(index, sorted.length) }
    }
  }
  return null
}

export function tierOf (index: number, count: number): Tier {
  if (index === count - 1) return 'office'
  if (index === count - 2) return 'steering'
  return 'organisations'
}

/** Words for "in 7 days", "today", "7 days ago" in the mail's language. */
export function relativeDays (days: number, language: 'de' | 'en'): string {
  if (language === 'de') {
    if (days === 0) return 'heute'
    if (days > 0) return days === 1 ? 'morgen' : `in ${days} Tagen`
    return days === -1 ? 'seit gestern' : `seit ${-days} Tagen überfällig`
  }
  if (days === 0) return 'today'
  if (days > 0) return days === 1 ? 'tomorrow' : `in ${days} days`
  return days === -1 ? 'since yesterday' : `${-days} days overdue`
}

/** Meeting notices: four weeks ahead and on the day (overdue: office and group see it in the attention list). */
export const meetingSteps = [28, 0] as const
