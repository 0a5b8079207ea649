import type { AttentionGroup, AttentionMeasure, AttentionReason, PlanAttention } from '@eccar/shared'

/** Whole months from one `YYYY-MM-DD` to another (a month counts once the same day of the month is reached). */
export function monthsBetween (from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number]
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0)
  return Math.max(0, months)
}

/** One reason as the page words it: the i18n key under workspace.reason and its values. */
export interface ReasonText { key: string, params: Record<string, string | number> }

/** Why a measure is listed, in the API's order (delayed, overdue, stale), with the figures each sentence needs. */
export function reasonTexts (
  measure: Pick<AttentionMeasure, 'endDate' | 'lastUpdate'> & { reasons: readonly AttentionReason[] }, today: string, staleMonths: number,
): ReasonText[] {
  return measure.reasons.map((reason: AttentionReason): ReasonText => {
    if (reason === 'delayed') return { key: 'delayed', params: {} }
    if (reason === 'overdue') return { key: 'overdue', params: { date: measure.endDate } }
    if (measure.lastUpdate === null) return { key: 'neverUpdated', params: { months: staleMonths } }
    return { key: 'stale', params: { months: monthsBetween(measure.lastUpdate, today), date: measure.lastUpdate } }
  })
}

const compareCodes = (a: string, b: string) => a.localeCompare(b, 'de', { numeric: true })

/**
 * Several answers (one per organisation of a limited editor) as one: groups by lead body, each measure
 * once, in plan order; groups by name, the group without a lead body last.
 */
export function mergeAttention (answers: readonly PlanAttention[]): PlanAttention | null {
  const [first] = answers
  if (!first) return null
  if (answers.length === 1) return first
  const groups = new Map<number | null, AttentionGroup>()
  const seen = new Set<number>()
  for (const answer of answers) {
    for (const group of answer.groups) {
      const key = group.organisation?.id ?? null
      const target = groups.get(key) ?? { organisation: group.organisation, measures: [] }
      groups.set(key, target)
      for (const measure of group.measures) {
        if (seen.has(measure.id)) continue
        seen.add(measure.id)
        target.measures.push(measure)
      }
    }
  }
  const merged = [...groups.values()].filter((g) => g.measures.length > 0)
  for (const group of merged) group.measures.sort((a, b) => compareCodes(a.code, b.code))
  merged.sort((a, b) => {
    if (!a.organisation || !b.organisation) return a.organisation ? -1 : b.organisation ? 1 : 0
    return a.organisation.name.localeCompare(b.organisation.name, 'de')
  })
  return { ...first, total: seen.size, groups: merged }
}
