import { createError, type ApiErrorCode } from '../../plugins/errors.ts'

export const ReportingCycleNotFoundError = createError('REPORTING_CYCLE_NOT_FOUND', 'Reporting cycle %s not found', 404)
export const CycleTransitionInvalidError = createError('CYCLE_TRANSITION_INVALID', 'A reporting cycle cannot go from "%s" to "%s"', 409)
export const CycleLockedError = createError('CYCLE_LOCKED', 'The reporting cycle is %s; only open cycles and cycles in review can be changed', 409)
export const CyclePeriodInvalidError = createError('CYCLE_PERIOD_INVALID', 'The reporting period must end on or after its start', 400)
export const CyclePeriodRequiredError = createError('CYCLE_PERIOD_REQUIRED', 'The plan\'s cycles already cover its period; give the new cycle\'s period', 400)
export const CyclesNotComparableError = createError('CYCLES_NOT_COMPARABLE', 'Only cycles of the same city can be compared', 400)

/** 409 naming, in `details`, every commitment with neither a narrative nor an explanation (comply or explain). */
export class CycleIncompleteError extends Error implements ApiErrorCode {
  readonly statusCode = 409
  readonly code = 'CYCLE_INCOMPLETE'
  readonly extra: { details: { path: string, reason: string }[] }
  constructor (missing: number[]) {
    super(`Commitments ${missing.join(', ')} have neither a narrative nor an explanation why there is none`)
    this.extra = { details: missing.map((n) => ({ path: `/narratives/${n}`, reason: 'needs a narrative or an explanation why there is none' })) }
  }
}

export const CycleApprovalMeetingInvalidError = createError(
  'CYCLE_APPROVAL_MEETING_INVALID', 'The approval can only name a steering-group meeting of the cycle\'s city, when approving', 400,
)
