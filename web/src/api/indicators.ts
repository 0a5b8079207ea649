import type { CreateIndicator, CreateIndicatorValue, Indicator, IndicatorList, UpdateIndicator } from '@eccar/shared'
import { getJson, sendJson } from './http'

/** A plan's indicators: the public sees the published ones only. */
export const listIndicators = (planId: number, signal?: AbortSignal) => getJson<IndicatorList>(`/plans/${planId}/indicators`, {}, signal)

// The administration's writes (admins of the plan's city; values also editors).
export const createIndicator = (planId: number, body: CreateIndicator) => sendJson<Indicator>('POST', `/plans/${planId}/indicators`, body)
export const updateIndicator = (id: number, body: Omit<UpdateIndicator, 'version'>, version: number) =>
  sendJson<Indicator>('PATCH', `/indicators/${id}`, body, { ifMatch: version })
export const deleteIndicator = (id: number, version: number) => sendJson<null>('DELETE', `/indicators/${id}`, undefined, { ifMatch: version })
/** Answers with the indicator and all its values; records who entered the value. */
export const addIndicatorValue = (id: number, body: CreateIndicatorValue) => sendJson<Indicator>('POST', `/indicators/${id}/values`, body)
export const deleteIndicatorValue = (id: number, valueId: number) => sendJson<null>('DELETE', `/indicators/${id}/values/${valueId}`)
export const getIndicator = (id: number) => getJson<Indicator>(`/indicators/${id}`)
