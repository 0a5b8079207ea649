import { addMonths, isoDate } from '../../lib/dates.ts'
import { attentionSettledStatuses, type AttentionReason, type MeasureStatus, type OrganisationRef } from '@eccar/shared'
import { compareNames } from '../../lib/collation.ts'

/** What the classification looks at; dates are calendar dates `YYYY-MM-DD`. */
export interface AttentionFacts {
  status: MeasureStatus
  /** The measure's own end date, else the plan period's end. */
  endDate: string
  /** Date of the newest status update, null when there is none. */
  lastUpdate: string | null
  createdAt: Date
}

export interface AttentionHorizon {
  today: string
  staleMonths: number
}

export { isoDate }

export { addMonths }

export const isSettled = (status: MeasureStatus) => attentionSettledStatuses.includes(status)

/**
 * Why a measure needs the steering group's attention; empty when it does not.
 * ISO dates compare correctly as text.
 */
export function attentionReasons (measure: AttentionFacts, { today, staleMonths }: AttentionHorizon): AttentionReason[] {
  const reasons: AttentionReason[] = []
  if (measure.status === 'delayed') reasons.push('delayed')
  if (isSettled(measure.status)) return reasons
  if (measure.endDate < today) reasons.push('overdue')
  // Never reported on: the clock starts when the measure was entered.
  const since = measure.lastUpdate ?? isoDate(measure.createdAt)
  if (addMonths(since, staleMonths) <= today) reasons.push('stale')
  return reasons
}

/**
 * Groups items by their lead body: bodies by name in German order (Ä with A, case ignored), items
 * without a lead last. Items keep their order within a group.
 */
export function groupByLead<T> (items: T[], leadOf: (item: T) => OrganisationRef | null) {
  const groups = new Map<number | null, { organisation: OrganisationRef | null, items: T[] }>()
  for (const item of items) {
    const lead = leadOf(item)
    const key = lead?.id ?? null
    let group = groups.get(key)
    if (!group) {
      group = { organisation: lead, items: [] }
      groups.set(key, group)
    }
    group.items.push(item)
  }
  return [...groups.values()].sort((a, b) => {
    if (a.organisation === null) return b.organisation === null ? 0 : 1
    if (b.organisation === null) return -1
    return compareNames(a.organisation.name, b.organisation.name)
  })
}
