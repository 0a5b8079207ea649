import type { CommitmentList, PlanDetail, PlanList, UpdatePlan, UpdatePlanCommitment } from '@eccar/shared'
import { getJson, sendJson } from '@/api/http'

const city = (slug: string) => `/cities/${encodeURIComponent(slug)}`

/** All plans of the city, drafts included (members see them). */
export const listCityPlans = (slug: string) => getJson<PlanList>(`${city(slug)}/plans`)
/** With the commitments' context texts, which the administration edits. */
export const getPlan = (id: number) => getJson<PlanDetail>(`/plans/${id}`, { contexts: 'true' })
export const updatePlan = (id: number, body: UpdatePlan, version: number) =>
  sendJson<PlanDetail>('PATCH', `/plans/${id}`, body, { ifMatch: version })
/** Changes the plan, so it carries the plan's version and answers with the whole plan. */
export const updatePlanCommitment = (id: number, number: number, body: UpdatePlanCommitment, version: number) =>
  sendJson<PlanDetail>('PATCH', `/plans/${id}/commitments/${number}`, body, { ifMatch: version })
/** The ten ECCAR commitments with their example actions (reference data). */
export const listCommitments = () => getJson<CommitmentList>('/commitments')
