import type { PlanDetail, PlanProgress, PlanStatusHistory, PublicReport } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { markRaw, ref } from 'vue'
import type { ApiError } from '@/api/http'
import * as api from '@/api/plans'
import { toApiError, type LoadStatus } from './load-state'

type Part = 'plan' | 'contexts' | 'progress' | 'history'

/** Whether a plan's answer carries the commitments' context texts (read with `contexts=true`). */
export const hasContexts = (plan: PlanDetail) => plan.commitments.every((c) => c.contextDe !== undefined)

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** Plans with their progress and status history, cached by id for the visit (public data changes rarely). */
export const usePlansStore = defineStore('plans', () => {
  const plans = ref<Record<number, PlanDetail>>({})
  const progress = ref<Record<number, PlanProgress>>({})
  const history = ref<Record<number, PlanStatusHistory['items']>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  // Guards against a slow answer for a previous plan overwriting the state of the current one.
  let latest = 0
  // The submitted reports load on their own, after the page's content: the page never waits for them.
  const reports = ref<Record<number, readonly PublicReport[]>>({})
  const reportsStatus = ref<LoadStatus>('idle')
  const reportsError = ref<ApiError | null>(null)
  let latestReports = 0

  // Each answer is kept whole and never changed, only replaced: markRaw spares every read of it in a
  // page's render the cost of Vue's reactive proxies (a large part of drawing a page on a slow phone).
  async function fetchPart (id: number, part: Part) {
    if (part === 'plan' && !plans.value[id]) plans.value[id] = markRaw(await api.getPlan(id))
    // The texts' answer holds everything the plan's does, so it replaces it.
    if (part === 'contexts' && !(plans.value[id] && hasContexts(plans.value[id]))) plans.value[id] = markRaw(await api.getPlan(id, { contexts: true }))
    if (part === 'progress' && !progress.value[id]) progress.value[id] = markRaw(await api.getPlanProgress(id))
    if (part === 'history' && !history.value[id]) history.value[id] = markRaw((await api.getPlanStatusHistory(id)).items)
  }

  async function load (id: number, parts: Part[]) {
    const request = ++latest
    status.value = 'loading'
    error.value = null
    try {
      await Promise.all(parts.map((part) => fetchPart(id, part)))
      if (request === latest) status.value = 'idle'
    } catch (e) {
      if (request !== latest) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  /**
   * The progress of several plans at once (the start page's cards), beside the page's own load state: a plan
   * whose progress fails to load shows its card without it (`progressFailed`), the others are not held up.
   */
  const progressFailed = ref<Record<number, boolean>>({})
  async function loadProgressOf (ids: readonly number[]) {
    await Promise.all(ids.map(async (id) => {
      try {
        await fetchPart(id, 'progress')
        delete progressFailed.value[id]
      } catch {
        progressFailed.value[id] = true
      }
    }))
  }

  async function loadReports (id: number) {
    if (reports.value[id]) return
    const request = ++latestReports
    reportsStatus.value = 'loading'
    reportsError.value = null
    try {
      const answer = markRaw((await api.getPlanReports(id)).items)
      reports.value[id] = answer
      if (request === latestReports) reportsStatus.value = 'idle'
    } catch (e) {
      if (request !== latestReports) return
      reportsError.value = toApiError(e)
      reportsStatus.value = 'error'
    }
  }

  /** Drops a plan from the cache after it was changed (administration), so the next visit reads it anew. */
  function forget (id: number) {
    delete plans.value[id]
    delete progress.value[id]
    delete history.value[id]
    delete reports.value[id]
  }

  return {
    plans,
    progress,
    history,
    status,
    error,
    reports,
    reportsStatus,
    reportsError,
    forget,
    progressFailed,
    loadProgressOf,
    /** The submitted reports of a plan (plan overview). */
    loadReports,
    /** The plan alone, without the commitments' context texts. */
    loadPlan: (id: number) => load(id, ['plan']),
    /** The plan with its commitments' context texts (commitment pages). */
    loadPlanWithContexts: (id: number) => load(id, ['contexts']),
    /** Plan and progress (the overview). */
    loadOverview: (id: number) => load(id, ['plan', 'progress']),
    /** Everything the dashboard charts need. */
    loadDashboard: (id: number) => load(id, ['plan', 'progress', 'history']),
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePlansStore, import.meta.hot))
