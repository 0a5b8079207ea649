import type { CreatePlan, CreatePlanSuccessor, PlanDetail, PlanImportPreview, PlanImportResult, PlanSuccessorResult } from '@eccar/shared'
import { sendJson } from '@/api/http'
import { uploadFile, type UploadProgress } from '@/api/upload'

// The plans' life cycle for the city's administrators: create, delete a draft, plan files, the plan update.
const city = (slug: string) => `/cities/${encodeURIComponent(slug)}`

export const createPlan = (slug: string, body: CreatePlan) => sendJson<PlanDetail>('POST', `${city(slug)}/plans`, body)
/** Drafts only; the version read goes along as If-Match. */
export const deletePlan = (id: number, version: number) => sendJson<undefined>('DELETE', `/plans/${id}`, undefined, { ifMatch: version })
/** The import's checks and what it would create; nothing is written. */
export const previewPlanImport = (slug: string, file: File, onProgress: (p: UploadProgress) => void) =>
  uploadFile<PlanImportPreview>(`${city(slug)}/plans/import/preview`, file, onProgress, 'application/json')
export const importPlan = (slug: string, file: File, onProgress: (p: UploadProgress) => void) =>
  uploadFile<PlanImportResult>(`${city(slug)}/plans/import`, file, onProgress, 'application/json')
/** The plan update (Fortschreibung): a new draft continuing the plan, one decision per measure. */
export const createSuccessor = (id: number, body: CreatePlanSuccessor) => sendJson<PlanSuccessorResult>('POST', `/plans/${id}/successor`, body)
