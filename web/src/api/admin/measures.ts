import type { CreateMeasure, HiddenMeasureList, MeasureDetail, MeasureList, MeasureListQuery, UpdateMeasure } from '@eccar/shared'
import { getJson, sendJson } from '@/api/http'

export const listMeasures = (planId: number, query: MeasureListQuery) => getJson<MeasureList>(`/plans/${planId}/measures`, { ...query })
export const getMeasure = (id: number) => getJson<MeasureDetail>(`/measures/${id}`)
export const createMeasure = (planId: number, body: CreateMeasure) => sendJson<MeasureDetail>('POST', `/plans/${planId}/measures`, body)
export const updateMeasure = (id: number, body: UpdateMeasure, version: number) =>
  sendJson<MeasureDetail>('PATCH', `/measures/${id}`, body, { ifMatch: version })
/** Hides the measure; its version goes up by one (the version a restore names). */
export const hideMeasure = (id: number, version: number) => sendJson<undefined>('DELETE', `/measures/${id}`, undefined, { ifMatch: version })
export const restoreMeasure = (id: number, version: number) =>
  sendJson<MeasureDetail>('POST', `/measures/${id}/restore`, undefined, { ifMatch: version })
/** The plan's hidden measures, newest hidden first, each with the version a restore names (admins only). */
export const listHiddenMeasures = (planId: number) => getJson<HiddenMeasureList>(`/plans/${planId}/hidden-measures`)
