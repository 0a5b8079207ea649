import type { IncidentPeriod, IncidentRelease, IncidentReleaseList, IncidentTable, PrepareIncidentRelease, ReplaceIncidentPeriod } from '@eccar/shared'
import { getJson, sendJson } from '@/api/http'

const incidents = (citySlug: string) => `/cities/${encodeURIComponent(citySlug)}/incidents`

/** Every entered count, unsuppressed (administrators and the anti-discrimination office). */
export const getIncidentTable = (citySlug: string) => getJson<IncidentTable>(incidents(citySlug))
/** Replaces one period's counts; an empty list removes the period. */
export const replaceIncidentPeriod = (citySlug: string, body: ReplaceIncidentPeriod) => sendJson<IncidentPeriod>('PUT', incidents(citySlug), body)

const releases = (citySlug: string) => `/cities/${encodeURIComponent(citySlug)}/incident-releases`

/** Every release of the city (administrators and the office), oldest period first. */
export const listReleases = (citySlug: string) => getJson<IncidentReleaseList>(releases(citySlug))
export const getRelease = (citySlug: string, id: number) => getJson<IncidentRelease>(`${releases(citySlug)}/${id}`)
/** A draft release of one closed, entered period; its counts are frozen into it. */
export const prepareRelease = (citySlug: string, body: PrepareIncidentRelease) => sendJson<IncidentRelease>('POST', releases(citySlug), body)
/** Runs the disclosure audit; answers when it is done (a few seconds at most). */
export const auditRelease = (citySlug: string, id: number) => sendJson<IncidentRelease>('POST', `${releases(citySlug)}/${id}/audit`)
/** Publishes a checked release (administrators only); it is frozen from then on. */
export const publishRelease = (citySlug: string, id: number) => sendJson<IncidentRelease>('POST', `${releases(citySlug)}/${id}/publish`)
/** Deletes a draft or checked release. */
export const deleteRelease = (citySlug: string, id: number) => sendJson<undefined>('DELETE', `${releases(citySlug)}/${id}`)
