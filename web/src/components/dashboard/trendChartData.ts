import { settledStatuses, type MeasureStatus } from '@eccar/shared'
import type { StatusDataset } from './distributionChartData'
import { statusesPresent, type TrendPoint } from './statusTrend'

export interface TrendData {
  labels: string[]
  statuses: MeasureStatus[]
  datasets: StatusDataset[]
}

/** One line per status that occurs in the span, one point per period. */
export function trendChartData (
  points: readonly TrendPoint[],
  periodLabel: (p: TrendPoint) => string,
  statusLabel: (s: MeasureStatus) => string,
): TrendData {
  const statuses = statusesPresent(points)
  return {
    labels: points.map(periodLabel),
    statuses,
    datasets: statuses.map((status) => ({ status, label: statusLabel(status), data: points.map((p) => p.counts[status]) })),
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
  const total = Object.values(last.counts).reduce((a, b) => a + b, 0)
  return { first, last, settledFirst: settledIn(first), settledLast: settledIn(last), total }
}
