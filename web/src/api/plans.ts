import type { PlanDetail, PlanProgress, PlanStatusHistory } from '@eccar/shared'
import { getJson } from './http'

export const getPlan = (id: number) => getJson<PlanDetail>(`/plans/${id}`)
export const getPlanProgress = (id: number) => getJson<PlanProgress>(`/plans/${id}/progress`)
export const getPlanStatusHistory = (id: number) => getJson<PlanStatusHistory>(`/plans/${id}/status-history`)
