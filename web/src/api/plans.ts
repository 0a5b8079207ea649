import type { PlanDetail, PlanProgress, PlanStatusHistory, PublicReportList } from '@eccar/shared'
import { getJson } from './http'

/** With `contexts`, each commitment's context texts too (commitment pages, editors): most of a plan's bytes. */
export const getPlan = (id: number, { contexts = false } = {}) =>
  getJson<PlanDetail>(`/plans/${id}`, { contexts: contexts ? 'true' : undefined })
export const getPlanProgress = (id: number) => getJson<PlanProgress>(`/plans/${id}/progress`)
export const getPlanStatusHistory = (id: number) => getJson<PlanStatusHistory>(`/plans/${id}/status-history`)
/** The reports the city submitted for this plan (public), latest period first. */
export const getPlanReports = (id: number) => getJson<PublicReportList>(`/plans/${id}/reports`)
