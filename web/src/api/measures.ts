import type { MeasureDetail, MeasureList, MeasureListQuery, StatusHistoryPage } from '@eccar/shared'
import { getJson } from './http'

export const listMeasures = (planId: number, query: MeasureListQuery, signal?: AbortSignal) =>
  getJson<MeasureList>(`/plans/${planId}/measures`, { ...query }, signal)
export const getMeasure = (id: number) => getJson<MeasureDetail>(`/measures/${id}`)

/** The next (older) page of a measure's timeline, from the address the answer named (`statusHistoryNext` or `next`). */
export function getStatusHistoryPage (next: string) {
  const url = new URL(next, 'http://localhost')
  return getJson<StatusHistoryPage>(url.pathname.replace(/^\/api/, ''), Object.fromEntries(url.searchParams))
}
