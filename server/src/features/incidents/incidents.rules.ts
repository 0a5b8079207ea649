import { IncidentLimits } from '@eccar/shared'
import { addDays, addMonths } from '../../lib/dates.ts'

const nextDay = (date: string) => addDays(date, 1)

/**
 * A period covers at least six calendar months, its last day included: 1 Jan – 30 Jun is a
 * half-year, 1 Jan – 29 Jun is not. ISO dates compare correctly as strings.
 */
export const coversHalfYear = (periodStart: string, periodEnd: string) =>
  addMonths(periodStart, IncidentLimits.minPeriodMonths) <= nextDay(periodEnd)
