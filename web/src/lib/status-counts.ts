import { measureStatuses, settledStatuses, type MeasureStatus, type StatusCounts } from '@eccar/shared'

/**
 * The API's counts by status as a complete `StatusCounts`. The contract builds its schema from the
 * status list, so its static type is a plain string record; this restores the keys (absent ones count 0).
 */
export function toStatusCounts (byStatus: Readonly<Record<string, number>>): StatusCounts {
  return Object.fromEntries(measureStatuses.map((s) => [s, byStatus[s] ?? 0])) as StatusCounts
}

/** Measures completed or ongoing ("settled"), the share the plan overview and dashboard report. */
export function settledCount (counts: Readonly<Record<string, number>>): number {
  return settledStatuses.reduce((sum, s) => sum + (counts[s] ?? 0), 0)
}

/**
 * The order of statuses in charts and their tables: finished first, so in stacked bars the settled part
 * grows from the baseline, then work under way, then not started, then the ones that ended otherwise.
 */
export const chartStatusOrder: readonly MeasureStatus[] = [
  'done', 'ongoing', 'in_progress', 'exam_done_go', 'examining', 'planned', 'delayed', 'exam_done_no', 'dropped', 'carried_over',
]
