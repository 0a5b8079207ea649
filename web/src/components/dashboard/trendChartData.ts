import { settledStatuses, type MeasureStatus } from '@eccar/shared'
import type { StatusDataset } from './distributionChartData'
import type { TrendPoint } from './statusTrend'

/** The statuses the trend follows: the two that count as reached, and the work under way. */
export const trendStatuses: readonly MeasureStatus[] = ['done', 'ongoing', 'in_progress']

export interface TrendData {
  labels: string[]
  statuses: MeasureStatus[]
  /** Shares in percent (0–100) of all the plan's measures at the period's date, one series per followed status. */
  datasets: StatusDataset[]
  /** The same figures as counts, per period and status, for the table. */
  counts: Record<MeasureStatus, number>[]
  totals: number[]
}

const totalOf = (p: TrendPoint) => Object.values(p.counts).reduce((a, b) => a + b, 0)
const percentOf = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 1000) / 10)

/**
 * Shares over time, readable on a phone: three stacked series on a 0–100 % axis (completed, ongoing, in
 * progress) instead of ten counts, so a change of a few measures is a visible step, not a pixel.
 */
export function trendChartData (
  points: readonly TrendPoint[],
  periodLabel: (p: TrendPoint) => string,
  statusLabel: (s: MeasureStatus) => string,
): TrendData {
  const statuses = [...trendStatuses]
  const totals = points.map(totalOf)
  return {
    labels: points.map(periodLabel),
    statuses,
    datasets: statuses.map((status) => ({ status, label: statusLabel(status), data: points.map((p, i) => percentOf(p.counts[status], totals[i]!)) })),
    counts: points.map((p) => p.counts),
    totals,
  }
}

export interface TrendSummary {
  first: TrendPoint
  last: TrendPoint
  settledFirst: number
  settledLast: number
  total: number
}

const settledIn = (p: TrendPoint) => settledStatuses.reduce((sum, s) => sum + p.counts[s], 0)

/** Completed-or-ongoing measures at the start and the end of the span. */
export function trendSummary (points: readonly TrendPoint[]): TrendSummary | null {
  const first = points[0]
  const last = points[points.length - 1]
  if (!first || !last) return null
  return { first, last, settledFirst: settledIn(first), settledLast: settledIn(last), total: totalOf(last) }
}
