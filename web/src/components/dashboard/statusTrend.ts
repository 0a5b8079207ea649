import { measureStatuses, type MeasureStatus, type PlanStatusHistory, type StatusCounts } from '@eccar/shared'
import { compareIso } from '@/lib/compare'
import { chartStatusOrder } from '@/lib/status-counts'

export type TrendInterval = 'month' | 'quarter'
type HistoryItem = PlanStatusHistory['items'][number]

/** One period of the trend: the measures per status as they stood on `date` (the period's last day, or today). */
export interface TrendPoint {
  year: number
  /** 1–12 for months, 1–4 for quarters */
  index: number
  date: string
  counts: StatusCounts
}

export const zeroCounts = (): StatusCounts =>
  Object.fromEntries(measureStatuses.map((s) => [s, 0])) as StatusCounts

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

/** Last day of a month (month 1–12), via day 0 of the next month. */
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * The periods from the one containing `from` to the one containing `to` (both `YYYY-MM-DD`). Each
 * period's date is its last day, except that no date lies after `to`: the running period stands "as of today".
 */
export function periodsBetween (from: string, to: string, interval: TrendInterval): Omit<TrendPoint, 'counts'>[] {
  const step = interval === 'month' ? 1 : 3
  const startMonth = Number(from.slice(5, 7))
  let year = Number(from.slice(0, 4))
  let month = interval === 'month' ? startMonth : Math.floor((startMonth - 1) / 3) * 3 + 1
  const periods: Omit<TrendPoint, 'counts'>[] = []
  while (iso(year, month, 1) <= to) {
    const endMonth = month + step - 1
    const end = iso(year, endMonth, lastDayOfMonth(year, endMonth))
    periods.push({ year, index: interval === 'month' ? month : (month + 2) / 3, date: end < to ? end : to })
    month += step
    if (month > 12) { month -= 12; year += 1 }
  }
  return periods
}

/**
 * Measures per status at the end of each period, derived from the plan's status history.
 *
 * - A measure's status on a day is the status of its last history entry up to that day.
 * - Before its first entry it had that entry's `fromStatus`, or `planned` when none was recorded
 *   (every measure enters a plan as planned).
 * - Measures without any history never changed: they are today's counts (`current`) minus the
 *   measures that do have history, and they count the same in every period.
 */
export function statusCountsOverTime (input: {
  history: readonly HistoryItem[]
  current: StatusCounts
  from: string
  to: string
  interval: TrendInterval
}): TrendPoint[] {
  const byMeasure = new Map<number, HistoryItem[]>()
  // Sort defensively by date (stable, so same-day entries keep the API's order).
  for (const item of [...input.history].sort((a, b) => compareIso(a.date, b.date))) {
    const list = byMeasure.get(item.measureId) ?? []
    list.push(item)
    byMeasure.set(item.measureId, list)
  }

  const unchanged = { ...input.current }
  for (const entries of byMeasure.values()) {
    const last = entries[entries.length - 1]!.status
    unchanged[last] = Math.max(0, unchanged[last] - 1)
  }

  return periodsBetween(input.from, input.to, input.interval).map((period) => {
    const counts = { ...unchanged }
    for (const entries of byMeasure.values()) counts[statusOn(entries, period.date)] += 1
    return { ...period, counts }
  })
}

function statusOn (entries: readonly HistoryItem[], date: string): MeasureStatus {
  let status: MeasureStatus = entries[0]!.fromStatus ?? 'planned'
  for (const entry of entries) {
    if (entry.date > date) break
    status = entry.status
  }
  return status
}

/**
 * The span the trend covers: from the plan's start up to today. A closed
 * plan ends at the later of its period's end and its last recorded change.
 */
export function trendRange (
  plan: { periodStart: string, periodEnd: string, state: string },
  history: readonly HistoryItem[],
  today: string,
): { from: string, to: string } {
  const lastChange = history.map((h) => h.date).sort().at(-1)
  // From the plan's start, never before: changes recorded earlier only set where each measure stood then.
  const from = plan.periodStart
  let to = today
  if (plan.state === 'closed') {
    const end = lastChange && lastChange > plan.periodEnd ? lastChange : plan.periodEnd
    if (end < today) to = end
  }
  return { from, to: to < from ? from : to }
}

/** Statuses that occur in any period, in chart order; the chart and table show only these. */
export function statusesPresent (points: readonly { counts: StatusCounts }[]): MeasureStatus[] {
  return chartStatusOrder.filter((s) => points.some((p) => p.counts[s] > 0))
}
