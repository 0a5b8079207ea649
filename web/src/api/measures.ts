import type { MeasureDetail, MeasureList, MeasureListQuery } from '@eccar/shared'
import { getJson } from './http'

export const listMeasures = (planId: number, query: MeasureListQuery, signal?: AbortSignal) =>
  getJson<MeasureList>(`/plans/${planId}/measures`, { ...query }, signal)
export const getMeasure = (id: number) => getJson<MeasureDetail>(`/measures/${id}`)
