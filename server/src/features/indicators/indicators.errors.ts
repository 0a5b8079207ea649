import { createError } from '../../plugins/errors.ts'

export const IndicatorNotFoundError = createError('INDICATOR_NOT_FOUND', 'Indicator %s not found', 404)
export const IndicatorValueNotFoundError = createError('INDICATOR_VALUE_NOT_FOUND', 'Indicator value %s not found', 404)
export const IndicatorValueExistsError = createError('INDICATOR_VALUE_EXISTS', 'The indicator already has a value for %s–%s%s; delete it to enter a correction', 409)
export const IndicatorPeriodInvalidError = createError('INDICATOR_PERIOD_INVALID', 'The period must end on or after its start', 400)
export const IndicatorMeasureInvalidError = createError('INDICATOR_MEASURE_INVALID', 'Measure %s is not a measure of this plan', 400)
