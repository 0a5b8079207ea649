import { statusesRequiringReason, type MeasureStatus, type SuccessorDecision } from '@eccar/shared'
import {
  SuccessorDecisionDuplicateError, SuccessorDecisionInvalidError, SuccessorDecisionMissingError, SuccessorDecisionUnknownError,
} from './successor-plans.errors.ts'

/** Statuses a measure may end with when the plan is updated without it (DOMAIN.md §3.3). */
export const finalStatuses: readonly MeasureStatus[] = ['done', 'ongoing', 'dropped', 'exam_done_no']

export interface Resolved<M> {
  measure: M
  decision: SuccessorDecision
  /** The old measure's status after the update. */
  finalStatus: MeasureStatus
  /** Its reason, where the vocabulary needs one (or one was given). */
  reason: string | null
}

const reasonOf = (decision: SuccessorDecision) => (decision.reason?.trim() ? decision.reason : null)

function finalStatusOf (code: string, decision: SuccessorDecision): MeasureStatus {
  const invalid = (why: string) => new SuccessorDecisionInvalidError(code, why)
  if (decision.action !== 'replace' && decision.replacement) throw invalid('only "replace" takes a replacement')
  if (decision.action === 'carry_over') {
    if (decision.finalStatus !== undefined) throw invalid('a carried-over measure ends as carried_over; leave out finalStatus')
    return 'carried_over'
  }
  if (decision.action === 'replace' && !decision.replacement) throw invalid('"replace" needs a replacement')
  const status = decision.finalStatus ?? (decision.action === 'replace' ? 'carried_over' : undefined)
  if (status === undefined) throw invalid(`"close" needs a final status: ${finalStatuses.join(', ')}`)
  const allowed = decision.action === 'replace' ? [...finalStatuses, 'carried_over'] : finalStatuses
  if (!allowed.includes(status)) throw invalid(`"${status}" is not a final status; use ${allowed.join(', ')}`)
  if (statusesRequiringReason.includes(status) && !reasonOf(decision)) throw invalid(`the status "${status}" needs a reason`)
  return status
}

/**
 * Pairs every measure of the old plan with exactly one decision, in plan order. Refuses decisions
 * for unknown codes, several decisions for one measure, and names the first measure left without one.
 */
export function resolveDecisions<M extends { code: string }> (measures: readonly M[], decisions: readonly SuccessorDecision[]): Resolved<M>[] {
  const known = new Set(measures.map((measure) => measure.code))
  const byCode = new Map<string, SuccessorDecision>()
  for (const decision of decisions) {
    if (!known.has(decision.code)) throw new SuccessorDecisionUnknownError(decision.code)
    if (byCode.has(decision.code)) throw new SuccessorDecisionDuplicateError(decision.code)
    byCode.set(decision.code, decision)
  }
  const missing = measures.find((measure) => !byCode.has(measure.code))
  if (missing) throw new SuccessorDecisionMissingError(missing.code)
  return measures.map((measure) => {
    const decision = byCode.get(measure.code)!
    const finalStatus = finalStatusOf(measure.code, decision)
    return { measure, decision, finalStatus, reason: decision.action === 'carry_over' ? null : reasonOf(decision) }
  })
}
