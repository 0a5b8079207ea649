import type { IncidentPeriodRef, PublicIncidentTable } from '@eccar/shared'
import { getJson } from './http'

/**
 * The city's public incident counts by kind of discrimination, small counts suppressed: for one
 * entered period, or (without a period) all periods together, whose answer lists the periods.
 */
export const publicIncidentsByKind = (city: string, period?: IncidentPeriodRef, signal?: AbortSignal) =>
  getJson<PublicIncidentTable>(`/cities/${encodeURIComponent(city)}/incidents/public`,
    { periodStart: period?.periodStart, periodEnd: period?.periodEnd, dimensions: 'kind' }, signal)
