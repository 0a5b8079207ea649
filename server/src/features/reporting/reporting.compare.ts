import type { CycleComparison, MeasureStatus, ReportMeasure, ReportSnapshot } from '@eccar/shared'

/** Statuses with which a measure's work in the plan ends. `ongoing` continues as a permanent task and is not among them. */
export const closingStatuses: readonly MeasureStatus[] = ['done', 'dropped', 'exam_done_no', 'carried_over']

const measuresOf = (snapshot: ReportSnapshot) => snapshot.commitments.flatMap((commitment) => commitment.measures)
const label = (measure: ReportMeasure) => ({ code: measure.code, titleDe: measure.titleDe, titleEn: measure.titleEn })
const cycleOf = (snapshot: ReportSnapshot) => ({
  id: snapshot.cycle.id, title: snapshot.cycle.title, periodStart: snapshot.cycle.periodStart, periodEnd: snapshot.cycle.periodEnd, planId: snapshot.plan.id,
})

/**
 * What changed between two reports, from their snapshots alone. Measures are matched by code, so a
 * plan update's carried-over measures (same code) compare across plans; indicators by German name.
 * Lists follow the later report's order, closed measures the earlier one's.
 */
export function compareSnapshots (from: ReportSnapshot, to: ReportSnapshot): CycleComparison {
  const before = new Map(measuresOf(from).map((measure) => [measure.code, measure]))
  const after = new Map(measuresOf(to).map((measure) => [measure.code, measure]))

  const statusTransitions: CycleComparison['statusTransitions'] = []
  const newMeasures: CycleComparison['newMeasures'] = []
  for (const measure of after.values()) {
    const earlier = before.get(measure.code)
    if (!earlier) newMeasures.push({ ...label(measure), status: measure.status })
    else if (earlier.status !== measure.status) statusTransitions.push({ ...label(measure), from: earlier.status, to: measure.status })
  }

  const closedMeasures: CycleComparison['closedMeasures'] = []
  for (const earlier of before.values()) {
    const later = after.get(earlier.code)
    if (!later) closedMeasures.push({ ...label(earlier), status: earlier.status, stillReported: false })
    else if (closingStatuses.includes(later.status) && !closingStatuses.includes(earlier.status)) {
      closedMeasures.push({ ...label(later), status: later.status, stillReported: true })
    }
  }

  const earlierIndicators = new Map(from.indicators.map((indicator) => [indicator.nameDe, indicator]))
  const laterNames = new Set(to.indicators.map((indicator) => indicator.nameDe))
  const indicatorChanges: CycleComparison['indicatorChanges'] = []
  for (const indicator of to.indicators) {
    const earlier = earlierIndicators.get(indicator.nameDe)?.latestValue ?? null
    if (earlier !== indicator.latestValue) {
      indicatorChanges.push({ nameDe: indicator.nameDe, nameEn: indicator.nameEn, unit: indicator.unit, unitEn: indicator.unitEn, from: earlier, to: indicator.latestValue })
    }
  }
  for (const indicator of from.indicators) {
    if (!laterNames.has(indicator.nameDe) && indicator.latestValue !== null) {
      indicatorChanges.push({ nameDe: indicator.nameDe, nameEn: indicator.nameEn, unit: indicator.unit, unitEn: indicator.unitEn, from: indicator.latestValue, to: null })
    }
  }

  return { from: cycleOf(from), to: cycleOf(to), statusTransitions, newMeasures, closedMeasures, indicatorChanges }
}
