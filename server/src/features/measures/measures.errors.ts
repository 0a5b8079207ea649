import { createError } from '../../plugins/errors.ts'

export const MeasureNotFoundError = createError('MEASURE_NOT_FOUND', 'Measure %s not found', 404)
export const MeasureCodeTakenError = createError('MEASURE_CODE_TAKEN', 'The plan already has a measure with code "%s"', 409)
export const StatusReasonRequiredError = createError('STATUS_REASON_REQUIRED', 'The status "%s" needs a reason', 400)
export const MeasureDatesInvalidError = createError('MEASURE_DATES_INVALID', 'The end date must be on or after the start date', 400)
export const SecondaryCommitmentInvalidError = createError('SECONDARY_COMMITMENT_INVALID', 'A secondary commitment cannot also be the primary commitment', 400)
export const OrganisationUnknownError = createError('ORGANISATION_UNKNOWN', 'Organisation %s does not belong to this city', 400)
export const RelatedMeasureInvalidError = createError('RELATED_MEASURE_INVALID', 'Related measure %s is not another measure of the same plan', 400)
export const RelatedMeasureRepeatedError = createError('RELATED_MEASURE_REPEATED', 'Related measure %s is named more than once', 400)
export const ExampleActionUnknownError = createError('EXAMPLE_ACTION_UNKNOWN', 'There is no ECCAR example action "%s"', 400)
export const MeasureNotDeletedError = createError('MEASURE_NOT_DELETED', 'Measure %s is not deleted', 409)
export const StatusDateInFutureError = createError('STATUS_DATE_IN_FUTURE', 'A status report cannot be dated in the future', 400)
export const ReportingOrganisationInvalidError = createError('REPORTING_ORGANISATION_INVALID', 'Organisation %s is not one of the bodies you report for on this measure', 400)
