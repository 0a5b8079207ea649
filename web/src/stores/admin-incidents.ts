import type { IncidentPeriod, IncidentRelease, IncidentReleaseSummary, IncidentTable, PrepareIncidentRelease, ReplaceIncidentPeriod } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/admin/incidents'
import type { ApiError } from '@/api/http'
import { compareIso } from '@/lib/compare'
import { toApiError, type LoadStatus } from './load-state'

const oldestFirst = (a: IncidentPeriod, b: IncidentPeriod) => compareIso(a.periodStart, b.periodStart)
const releaseOrder = (a: IncidentReleaseSummary, b: IncidentReleaseSummary) => compareIso(a.periodStart, b.periodStart) || a.version - b.version

/** The list entry of a full release (the list carries no counts and no audit). */
function summaryOf (release: IncidentRelease): IncidentReleaseSummary {
  const { counts: _counts, audit: _audit, ...summary } = release
  return summary
}

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/**
 * The anti-discrimination office's raw counts and the releases made of them, per city (administrators
 * and the office only). Write actions throw the ApiError; the page shows it where the action was taken.
 */
export const useAdminIncidentsStore = defineStore('admin-incidents', () => {
  const tables = ref<Record<string, IncidentTable>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)

  async function loadTable (city: string) {
    status.value = 'loading'
    error.value = null
    try {
      tables.value[city] = await api.getIncidentTable(city)
      status.value = 'idle'
    } catch (e) {
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  /** Saves one period; an empty list removes it. Throws the ApiError (the form shows it). */
  async function savePeriod (city: string, body: ReplaceIncidentPeriod): Promise<IncidentPeriod | null> {
    const saved = await api.replaceIncidentPeriod(city, body)
    const table = tables.value[city]
    if (table) {
      const others = table.periods.filter((p) => p.periodStart !== body.periodStart || p.periodEnd !== body.periodEnd)
      const periods = body.counts.length ? [...others, saved].sort(oldestFirst) : others
      tables.value[city] = { ...table, periods }
    }
    return body.counts.length ? saved : null
  }

  const releases = ref<Record<string, IncidentReleaseSummary[]>>({})
  /** Releases read in full (counts and audit), by id. */
  const details = ref<Record<number, IncidentRelease>>({})
  const releasesStatus = ref<LoadStatus>('idle')
  const releasesError = ref<ApiError | null>(null)
  /** The release whose audit is running (the audit takes seconds; the page shows progress meanwhile). */
  const auditing = ref<number | null>(null)

  async function loadReleases (city: string) {
    releasesStatus.value = 'loading'
    releasesError.value = null
    try {
      releases.value[city] = (await api.listReleases(city)).releases.sort(releaseOrder)
      releasesStatus.value = 'idle'
    } catch (e) {
      releasesError.value = toApiError(e)
      releasesStatus.value = 'error'
    }
  }

  function stored (city: string, release: IncidentRelease) {
    details.value[release.id] = release
    releases.value[city] = [...(releases.value[city] ?? []).filter((r) => r.id !== release.id), summaryOf(release)].sort(releaseOrder)
    return release
  }

  const loadRelease = async (city: string, id: number) => stored(city, await api.getRelease(city, id))
  const prepareRelease = async (city: string, body: PrepareIncidentRelease) => stored(city, await api.prepareRelease(city, body))
  const publishRelease = async (city: string, id: number) => stored(city, await api.publishRelease(city, id))

  async function auditRelease (city: string, id: number) {
    auditing.value = id
    try {
      return stored(city, await api.auditRelease(city, id))
    } finally {
      auditing.value = null
    }
  }

  async function deleteRelease (city: string, id: number) {
    await api.deleteRelease(city, id)
    releases.value[city] = (releases.value[city] ?? []).filter((r) => r.id !== id)
    delete details.value[id]
  }

  return {
    tables, status, error, loadTable, savePeriod,
    releases, details, releasesStatus, releasesError, auditing,
    loadReleases, loadRelease, prepareRelease, auditRelease, publishRelease, deleteRelease,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminIncidentsStore, import.meta.hot))
