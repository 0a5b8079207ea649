import {
  Limits, type CreateStatusUpdate, type MeasureList, type MeasureSummary, type PlanAttention, type StatusUpdateResult,
} from '@eccar/shared'
import { getJson, sendJson } from './http'

/** Every measure of a plan, or those the given bodies lead or join, fetched page by page. */
export async function listAllMeasures (planId: number, organisationIds: readonly number[] = []): Promise<MeasureSummary[]> {
  const items: MeasureSummary[] = []
  for (let offset = 0; ; offset += Limits.listPageMax) {
    const page = await getJson<MeasureList>(`/plans/${planId}/measures`, { organisation: organisationIds, limit: Limits.listPageMax, offset })
    items.push(...page.items)
    if (page.items.length === 0 || items.length >= page.total) return items
  }
}

/** `staleMonths`: months without a report until a measure counts as stale (default: the city's setting). */
export const getAttention = (planId: number, organisation?: number, staleMonths?: number) =>
  getJson<PlanAttention>(`/plans/${planId}/attention`, { organisation, ...(staleMonths === undefined ? {} : { staleMonths }) })

/** A status report; `version` is the measure's version the report was based on (sent as If-Match). */
export const addStatusUpdate = (measureId: number, body: CreateStatusUpdate, version: number) =>
  sendJson<StatusUpdateResult>('POST', `/measures/${measureId}/status-updates`, body, { ifMatch: version })
