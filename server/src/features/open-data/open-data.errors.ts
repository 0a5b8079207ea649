import { createError } from '../../plugins/errors.ts'

export const IndicatorNotPublishedError = createError('INDICATOR_NOT_FOUND', 'Indicator %s is not a published indicator of this plan', 404)
