import { createError } from '../../plugins/errors.ts'

export const PlanNotContinuableError = createError('PLAN_NOT_CONTINUABLE', 'Plan %s is a draft; only an adopted or closed plan can be continued by a plan update', 409)
export const PlanAlreadyContinuedError = createError('PLAN_ALREADY_CONTINUED', 'Plan %s already has a plan update (plan %s)', 409)
export const SuccessorDecisionMissingError = createError('SUCCESSOR_DECISION_MISSING', 'Measure %s has no decision: carry it over, close or replace it', 400)
export const SuccessorDecisionDuplicateError = createError('SUCCESSOR_DECISION_DUPLICATE', 'Measure %s has more than one decision', 400)
export const SuccessorDecisionUnknownError = createError('SUCCESSOR_DECISION_UNKNOWN', 'The plan has no measure %s', 400)
export const SuccessorDecisionInvalidError = createError('SUCCESSOR_DECISION_INVALID', 'Decision for measure %s: %s', 400)
