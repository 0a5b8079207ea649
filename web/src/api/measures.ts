import {
  Limits, type CreateMeasure, type CreateStatusUpdate, type HiddenMeasureList, type MeasureDetail, type MeasureList,
  type MeasureListQuery, type MeasureSummary, type StatusHistoryPage, type StatusUpdateResult, type UpdateMeasure,
} from '@eccar/shared'
import { getJson, sendJson } from './http'

// Every measure endpoint, for every audience: what a visitor may see is the server's decision, not the client's.

export const listMeasures = (planId: number, query: MeasureListQuery, signal?: AbortSignal) =>
  getJson<MeasureList>(`/plans/${planId}/measures`, { ...query }, signal)

/** Every measure of a plan, or those the given bodies lead or join, fetched page by page. */
export async function listAllMeasures (planId: number, organisationIds: readonly number[] = []): Promise<MeasureSummary[]> {
  const items: MeasureSummary[] = []
  for (let offset = 0; ; offset += Limits.listPageMax) {
    const page = await getJson<MeasureList>(`/plans/${planId}/measures`, { organisation: organisationIds, limit: Limits.listPageMax, offset })
    items.push(...page.items)
    if (page.items.length === 0 || items.length >= page.total) return items
  }
}

export const getMeasure = (id: number) => getJson<MeasureDetail>(`/measures/${id}`)

/** The next (older) page of a measure's timeline, from the address the answer named (`statusHistoryNext` or `next`). */
export function getStatusHistoryPage (next: string) {
  const url = new URL(next, 'http://localhost')
  return getJson<StatusHistoryPage>(url.pathname.replace(/^\/api/, ''), Object.fromEntries(url.searchParams))
}

/** A status report; `version` is the measure's version the report was based on (sent as If-Match). */
export const addStatusUpdate = (measureId: number, body: CreateStatusUpdate, version: number) =>
  sendJson<StatusUpdateResult>('POST', `/measures/${measureId}/status-updates`, body, { ifMatch: version })

export const createMeasure = (planId: number, body: CreateMeasure) => sendJson<MeasureDetail>('POST', `/plans/${planId}/measures`, body)
export const updateMeasure = (id: number, body: UpdateMeasure, version: number) =>
  sendJson<MeasureDetail>('PATCH', `/measures/${id}`, body, { ifMatch: version })
/** Hides the measure; its version goes up by one (the version a restore names). */
export const hideMeasure = (id: number, version: number) => sendJson<undefined>('DELETE', `/measures/${id}`, undefined, { ifMatch: version })
export const restoreMeasure = (id: number, version: number) =>
  sendJson<MeasureDetail>('POST', `/measures/${id}/restore`, undefined, { ifMatch: version })
/** The plan's hidden measures, newest hidden first, each with the version a restore names (admins only). */
export const listHiddenMeasures = (planId: number) => getJson<HiddenMeasureList>(`/plans/${planId}/hidden-measures`)
