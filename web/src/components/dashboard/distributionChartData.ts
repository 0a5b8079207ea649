import { measureStatuses, type MeasureStatus, type PlanProgress } from '@eccar/shared'
import type { DeepReadonly } from 'vue'
import { chartStatusOrder, settledCount, toStatusCounts } from '@/lib/status-counts'

export interface StatusDataset {
  status: MeasureStatus
  label: string
  data: number[]
}

export interface DistributionData {
  labels: string[]
  statuses: MeasureStatus[]
  datasets: StatusDataset[]
}

/**
 * Stacked bars: one bar per commitment, one segment per status in chart order. Only statuses that
 * occur in the plan get a segment (ten empty ones would only add noise to the legend).
 */
export function distributionChartData (
  progress: DeepReadonly<PlanProgress>,
  commitmentLabel: (n: number) => string,
  statusLabel: (s: MeasureStatus) => string,
): DistributionData {
  const totals = toStatusCounts(progress.total.byStatus)
  const statuses = chartStatusOrder.filter((s) => totals[s] > 0)
  return {
    labels: progress.commitments.map((c) => commitmentLabel(c.number)),
    statuses,
    datasets: statuses.map((status) => ({
      status,
      label: statusLabel(status),
      data: progress.commitments.map((c) => c.byStatus[status] ?? 0),
    })),
  }
}

/** The figures of the one-line summary under the chart. */
export interface DistributionSummary {
  total: number
  settled: number
  settledShare: number
  topStatus: MeasureStatus | null
  topCount: number
  /** The commitment with the highest share of settled measures, if any has one. */
  leader: { number: number, share: number } | null
}

export function distributionSummary (progress: DeepReadonly<PlanProgress>): DistributionSummary {
  const { measureCount } = progress.total
  const byStatus = toStatusCounts(progress.total.byStatus)
  const settled = settledCount(byStatus)
  let topStatus: MeasureStatus | null = null
  for (const s of measureStatuses) if (byStatus[s] > 0 && (topStatus === null || byStatus[s] > byStatus[topStatus])) topStatus = s
  let leader: DistributionSummary['leader'] = null
  for (const c of progress.commitments) {
    if (c.measureCount > 0 && c.settledShare > 0 && (leader === null || c.settledShare > leader.share)) {
      leader = { number: c.number, share: c.settledShare }
    }
  }
  return {
    total: measureCount,
    settled,
    settledShare: measureCount ? settled / measureCount : 0,
    topStatus,
    topCount: topStatus ? byStatus[topStatus] : 0,
    leader,
  }
}
