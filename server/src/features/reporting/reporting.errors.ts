import createError from '@fastify/error'

export const ReportingCycleNotFoundError = createError('REPORTING_CYCLE_NOT_FOUND', 'Reporting cycle %s not found', 404)
export const CycleTransitionInvalidError = createError('CYCLE_TRANSITION_INVALID', 'A reporting cycle cannot go from "%s" to "%s"', 409)
export const CycleLockedError = createError('CYCLE_LOCKED', 'The reporting cycle is %s; only open cycles and cycles in review can be changed', 409)
export const CyclePeriodInvalidError = createError('CYCLE_PERIOD_INVALID', 'The reporting period must end on or after its start', 400)
export const CyclePeriodRequiredError = createError('CYCLE_PERIOD_REQUIRED', 'The plan\'s cycles already cover its period; give the new cycle\'s period', 400)
export const CyclesNotComparableError = createError('CYCLES_NOT_COMPARABLE', 'Only cycles of the same city can be compared', 400)
