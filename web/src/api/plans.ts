import type { PlanDetail, PlanProgress, PlanStatusHistory, PublicReportList } from '@eccar/shared'
import { getJson } from './http'

export const getPlan = (id: number) => getJson<PlanDetail>(`/plans/${id}`)
export const getPlanProgress = (id: number) => getJson<PlanProgress>(`/plans/${id}/progress`)
export const getPlanStatusHistory = (id: number) => getJson<PlanStatusHistory>(`/plans/${id}/status-history`)
/** The reports the city submitted for this plan (public), latest period first. */
export const getPlanReports = (id: number) => getJson<PublicReportList>(`/plans/${id}/reports`)
