import type { PlanDetail, PlanProgress, PlanStatusHistory } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { markRaw, ref } from 'vue'
import type { ApiError } from '@/api/http'
import * as api from '@/api/plans'
import { toApiError, type LoadStatus } from './load-state'

type Part = 'plan' | 'progress' | 'history'

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

  // Each answer is kept whole and never changed, only replaced: markRaw spares every read of it in a
  // page's render the cost of Vue's reactive proxies (a large part of drawing a page on a slow phone).
  async function fetchPart (id: number, part: Part) {
    if (part === 'plan' && !plans.value[id]) plans.value[id] = markRaw(await api.getPlan(id))
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

  /** Drops a plan from the cache after it was changed (administration), so the next visit reads it anew. */
  function forget (id: number) {
    delete plans.value[id]
    delete progress.value[id]
    delete history.value[id]
  }

  return {
    plans,
    progress,
    history,
    status,
    error,
    forget,
    /** The plan alone (commitment pages). */
    loadPlan: (id: number) => load(id, ['plan']),
    /** Plan and progress (the overview). */
    loadOverview: (id: number) => load(id, ['plan', 'progress']),
    /** Everything the dashboard charts need. */
    loadDashboard: (id: number) => load(id, ['plan', 'progress', 'history']),
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePlansStore, import.meta.hot))
