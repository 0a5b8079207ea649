import {
  Limits, statusesRequiringReason, type CreatePlan, type CreatePlanSuccessor, type MeasureStatus, type SuccessorAction, type SuccessorDecision,
} from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'
import { textOrNull } from './form-diff'

// The plan's facts (new plan and plan update) and the plan update's decisions per measure: the values
// the forms hold, the checks made before anything is sent, and the request bodies.

export interface NewPlanValues {
  [key: string]: unknown
  titleDe: string
  titleEn: string
  periodStart: string
  periodEnd: string
  resolutionNumber: string
  resolutionDate: string
  /** Id of the predecessor as text ('' for none), as a select holds it. */
  predecessorId: string
}

export const newPlanFieldOrder = ['titleDe', 'titleEn', 'periodStart', 'periodEnd', 'resolutionNumber', 'resolutionDate', 'predecessorId'] as const

export const emptyNewPlan = (): NewPlanValues => ({
  titleDe: '', titleEn: '', periodStart: '', periodEnd: '', resolutionNumber: '', resolutionDate: '', predecessorId: '',
})

/** Title and period are needed; the plan update also needs the council resolution it carries out. */
export function validateNewPlan (values: NewPlanValues, { resolutionRequired = false } = {}): FieldErrors {
  const errors: FieldErrors = {}
  if (!values.titleDe.trim()) errors.titleDe = 'admin.validation.required'
  if (!values.periodStart) errors.periodStart = 'admin.validation.required'
  if (!values.periodEnd) errors.periodEnd = 'admin.validation.required'
  else if (values.periodStart && values.periodEnd < values.periodStart) errors.periodEnd = 'errors.PLAN_PERIOD_INVALID'
  if (resolutionRequired && !values.resolutionNumber.trim()) errors.resolutionNumber = 'admin.validation.required'
  if (resolutionRequired && !values.resolutionDate) errors.resolutionDate = 'admin.validation.required'
  return errors
}

export function newPlanToBody (values: NewPlanValues): CreatePlan {
  return {
    titleDe: values.titleDe.trim(),
    titleEn: textOrNull(values.titleEn),
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    resolutionNumber: textOrNull(values.resolutionNumber),
    resolutionDate: values.resolutionDate || null,
    predecessorId: values.predecessorId ? Number(values.predecessorId) : null,
  }
}

/** Statuses a closed measure may end with (the server's rule, DOMAIN.md §3.3). */
export const closingStatuses: readonly MeasureStatus[] = ['done', 'ongoing', 'dropped', 'exam_done_no']

export interface DecisionValues {
  code: string
  action: SuccessorAction
  finalStatus: MeasureStatus | ''
  reason: string
  newCode: string
  newTitleDe: string
  newTitleEn: string
}

/** Every measure starts as carried over: the usual case, so only the exceptions need a choice. */
export const initialDecision = (code: string): DecisionValues => ({
  code, action: 'carry_over', finalStatus: '', reason: '', newCode: code, newTitleDe: '', newTitleEn: '',
})

/** The error summary's field name for one entry of one decision (`d3-reason`), also the element id's tail. */
export const decisionField = (index: number, part: 'action' | 'finalStatus' | 'reason' | 'newCode' | 'newTitleDe') => `d${index}-${part}`

const codePattern = /^[0-9A-Za-z][0-9A-Za-z._-]*$/
const needsReason = (status: MeasureStatus | '') => status !== '' && (statusesRequiringReason as readonly string[]).includes(status)

/** What the server would refuse, found before sending: a closing status, its reason, a replacement's code and title. */
export function validateDecisions (decisions: readonly DecisionValues[]): FieldErrors {
  const errors: FieldErrors = {}
  const taken = new Map<string, number>()
  decisions.forEach((d, i) => {
    const code = d.action === 'carry_over' ? d.code : d.action === 'replace' ? d.newCode.trim() : null
    if (code !== null && code !== '') {
      if (taken.has(code)) errors[decisionField(i, d.action === 'replace' ? 'newCode' : 'action')] = 'plansAdmin.update.errors.codeTwice'
      else taken.set(code, i)
    }
    if (d.action === 'close') {
      if (!d.finalStatus) errors[decisionField(i, 'finalStatus')] = 'plansAdmin.update.errors.finalStatus'
      else if (needsReason(d.finalStatus) && !d.reason.trim()) errors[decisionField(i, 'reason')] = 'plansAdmin.update.errors.reason'
    }
    if (d.action === 'replace') {
      const newCode = d.newCode.trim()
      if (!newCode) errors[decisionField(i, 'newCode')] = 'admin.validation.required'
      else if (newCode.length > Limits.code || !codePattern.test(newCode)) errors[decisionField(i, 'newCode')] = 'admin.validation.code'
      if (!d.newTitleDe.trim()) errors[decisionField(i, 'newTitleDe')] = 'admin.validation.required'
    }
  })
  return errors
}

function toDecision (d: DecisionValues): SuccessorDecision {
  if (d.action === 'carry_over') return { code: d.code, action: 'carry_over' }
  const reason = textOrNull(d.reason)
  if (d.action === 'close') return { code: d.code, action: 'close', finalStatus: d.finalStatus as MeasureStatus, reason }
  return {
    code: d.code,
    action: 'replace',
    reason,
    replacement: { code: d.newCode.trim(), titleDe: d.newTitleDe.trim(), titleEn: textOrNull(d.newTitleEn) },
  }
}

export function successorToBody (facts: NewPlanValues, decisions: readonly DecisionValues[]): CreatePlanSuccessor {
  return {
    titleDe: facts.titleDe.trim(),
    titleEn: textOrNull(facts.titleEn),
    periodStart: facts.periodStart,
    periodEnd: facts.periodEnd,
    resolutionNumber: facts.resolutionNumber.trim(),
    resolutionDate: facts.resolutionDate,
    decisions: decisions.map(toDecision),
  }
}

/** How many measures each choice takes, for the summary. */
export function countDecisions (decisions: readonly DecisionValues[]): Record<SuccessorAction, number> {
  const counts: Record<SuccessorAction, number> = { carry_over: 0, close: 0, replace: 0 }
  for (const d of decisions) counts[d.action] += 1
  return counts
}
