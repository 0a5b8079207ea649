import { IncidentLimits } from '@eccar/shared'
import { addMonths } from '../steering/steering.rules.ts'

function nextDay (date: string) {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 1)
  return day.toISOString().slice(0, 10)
}

/**
 * A period covers at least six calendar months, its last day included: 1 Jan – 30 Jun is a
 * half-year, 1 Jan – 29 Jun is not. ISO dates compare correctly as strings.
 */
export const coversHalfYear = (periodStart: string, periodEnd: string) =>
  addMonths(periodStart, IncidentLimits.minPeriodMonths) <= nextDay(periodEnd)
