import type { PlanDetail, PlanState, UpdatePlan, UpdatePlanCommitment } from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'
import { textOrNull } from './form-diff'

export interface PlanFormValues {
  [key: string]: unknown
  titleDe: string
  titleEn: string
  periodStart: string
  periodEnd: string
  resolutionNumber: string
  resolutionDate: string
  state: PlanState
}

export const planFieldOrder = ['titleDe', 'titleEn', 'periodStart', 'periodEnd', 'resolutionNumber', 'resolutionDate', 'state'] as const

export function planToForm (plan: PlanDetail): PlanFormValues {
  return {
    titleDe: plan.titleDe,
    titleEn: plan.titleEn ?? '',
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    resolutionNumber: plan.resolutionNumber ?? '',
    resolutionDate: plan.resolutionDate ?? '',
    state: plan.state,
  }
}

/** The PATCH body for the changed fields; blank optional fields become null. */
export function planChangesToBody (changes: Partial<PlanFormValues>): UpdatePlan {
  const body: UpdatePlan = {}
  if (changes.titleDe !== undefined) body.titleDe = changes.titleDe.trim()
  if (changes.titleEn !== undefined) body.titleEn = textOrNull(changes.titleEn)
  if (changes.periodStart !== undefined) body.periodStart = changes.periodStart
  if (changes.periodEnd !== undefined) body.periodEnd = changes.periodEnd
  if (changes.resolutionNumber !== undefined) body.resolutionNumber = textOrNull(changes.resolutionNumber)
  if (changes.resolutionDate !== undefined) body.resolutionDate = textOrNull(changes.resolutionDate)
  if (changes.state !== undefined) body.state = changes.state
  return body
}

export function validatePlan (values: PlanFormValues): FieldErrors {
  const errors: FieldErrors = {}
  if (!values.titleDe.trim()) errors.titleDe = 'admin.validation.required'
  if (!values.periodStart) errors.periodStart = 'admin.validation.required'
  if (!values.periodEnd) errors.periodEnd = 'admin.validation.required'
  else if (values.periodStart && values.periodEnd < values.periodStart) errors.periodEnd = 'errors.PLAN_PERIOD_INVALID'
  return errors
}

export interface CommitmentFormValues {
  [key: string]: unknown
  localTitleDe: string
  localTitleEn: string
  contextDe: string
  contextEn: string
}

export const commitmentFieldOrder = ['localTitleDe', 'localTitleEn', 'contextDe', 'contextEn'] as const

/** The plan's texts for one commitment (the record is the plan: a commitment carries the plan's version). */
export function commitmentToForm (plan: PlanDetail, number: number): CommitmentFormValues {
  const c = plan.commitments.find((x) => x.number === number)
  return {
    localTitleDe: c?.localTitleDe ?? '',
    localTitleEn: c?.localTitleEn ?? '',
    contextDe: c?.contextDe ?? '',
    contextEn: c?.contextEn ?? '',
  }
}

export function commitmentChangesToBody (changes: Partial<CommitmentFormValues>): UpdatePlanCommitment {
  const body: UpdatePlanCommitment = {}
  for (const key of commitmentFieldOrder) {
    const value = changes[key]
    if (value === undefined) continue
    // Context texts keep their paragraphs; only surrounding blank space goes.
    body[key] = textOrNull(value)
  }
  return body
}
