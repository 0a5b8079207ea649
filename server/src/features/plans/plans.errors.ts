import { createError } from '../../plugins/errors.ts'

export const PlanNotFoundError = createError('PLAN_NOT_FOUND', 'Plan %s not found', 404)
export const PlanNotDraftError = createError('PLAN_NOT_DRAFT', 'Only draft plans can be deleted; close an adopted plan instead', 409)
export const PlanPeriodInvalidError = createError('PLAN_PERIOD_INVALID', 'The plan period must end on or after its start', 400)
export const PredecessorInvalidError = createError('PREDECESSOR_INVALID', 'The predecessor must be another plan of the same city', 400)
