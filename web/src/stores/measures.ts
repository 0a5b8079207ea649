import {
  Limits, type CreateMeasure, type CreateStatusUpdate, type HiddenMeasure, type MeasureDetail, type MeasureSummary,
  type StatusUpdateResult, type UpdateMeasure,
} from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import type { ApiError } from '@/api/http'
import * as api from '@/api/measures'
import { filtersToApiQuery, type MeasureFilters } from '@/lib/measure-filters'
import { toApiError, type LoadStatus } from './load-state'
import { usePlansStore } from './plans'

/**
 * Page size of a commitment's measure list; Jena's largest commitment has 8, so one page is the norm.
 * The API's default page size, which the server also uses to preload a commitment page's first list.
 */
export const measurePageSize = Limits.listPageDefault

interface ListKey { planId: number, commitment: number, filters: MeasureFilters }

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/**
 * The measures, for every audience: a commitment's filtered list (public pages), a plan's whole list with its
 * hidden measures (administration), and one cache of measure details that every write keeps current, so the
 * public page shows what the administration or a status report just saved.
 */
export const useMeasuresStore = defineStore('measures', () => {
  const items = ref<MeasureSummary[]>([])
  const total = ref(0)
  const listKey = ref<ListKey | null>(null)
  const listStatus = ref<LoadStatus>('idle')
  const listError = ref<ApiError | null>(null)

  const details = ref<Record<number, MeasureDetail>>({})
  const detailStatus = ref<LoadStatus>('idle')
  const detailError = ref<ApiError | null>(null)

  /** Every measure of one plan and its hidden ones (the administration's list). */
  const planMeasures = ref<MeasureSummary[]>([])
  const planMeasuresOf = ref<number | null>(null)
  const hidden = ref<HiddenMeasure[]>([])
  const planStatus = ref<LoadStatus>('idle')
  const planError = ref<ApiError | null>(null)

  /** Loading the older entries of a measure's timeline (one measure page at a time). */
  const olderStatus = ref<LoadStatus>('idle')
  const olderError = ref<ApiError | null>(null)

  const hasMore = computed(() => items.value.length < total.value)
  let listRequest = 0
  let detailRequest = 0

  async function fetchPage (key: ListKey, offset: number) {
    const request = ++listRequest
    listStatus.value = 'loading'
    listError.value = null
    try {
      const page = await api.listMeasures(key.planId, filtersToApiQuery(key.commitment, key.filters, measurePageSize, offset))
      // A newer filter choice may have been made while this page was loading; its answer wins.
      if (request !== listRequest) return
      // Answers are replaced, never changed in place: markRaw spares their reads Vue's proxies (see plans.ts).
      const received = page.items.map((item) => markRaw(item))
      items.value = offset === 0 ? received : [...items.value, ...received]
      total.value = page.total
      listKey.value = key
      listStatus.value = 'idle'
    } catch (e) {
      if (request !== listRequest) return
      listError.value = toApiError(e)
      listStatus.value = 'error'
    }
  }

  /** A commitment's measures (primary or secondary) with the filters applied; replaces the list. */
  const loadList = (planId: number, commitment: number, filters: MeasureFilters) =>
    fetchPage({ planId, commitment, filters: { ...filters } }, 0)

  /** Appends the next page of the current list. */
  async function loadMore () {
    if (listKey.value && hasMore.value) await fetchPage(listKey.value, items.value.length)
  }

  /** A measure's detail, from the cache unless `fresh` (the edit form reads the version it saves against). */
  async function loadMeasure (id: number, { fresh = false } = {}) {
    const request = ++detailRequest
    detailError.value = null
    if (!fresh && details.value[id]) { detailStatus.value = 'idle'; return }
    detailStatus.value = 'loading'
    try {
      const measure = await api.getMeasure(id)
      details.value[id] = markRaw(measure)
      if (request === detailRequest) detailStatus.value = 'idle'
    } catch (e) {
      if (request !== detailRequest) return
      detailError.value = toApiError(e)
      detailStatus.value = 'error'
    }
  }

  /** Appends the next older page of a measure's timeline to its detail; false when nothing was added. */
  async function loadOlderEntries (id: number): Promise<boolean> {
    const measure = details.value[id]
    if (!measure?.statusHistoryNext || olderStatus.value === 'loading') return false
    olderStatus.value = 'loading'
    olderError.value = null
    try {
      const page = await api.getStatusHistoryPage(measure.statusHistoryNext)
      const current = details.value[id] ?? measure
      const known = new Set(current.statusHistory.map((entry) => entry.id))
      details.value[id] = markRaw({
        ...current,
        statusHistory: [...current.statusHistory, ...page.items.filter((entry) => !known.has(entry.id))],
        statusHistoryNext: page.next,
      })
      olderStatus.value = 'idle'
      return page.items.length > 0
    } catch (e) {
      olderError.value = toApiError(e)
      olderStatus.value = 'error'
      return false
    }
  }

  /** Drops a measure from the cache after it was changed (administration), so its page reads it anew. */
  function forgetMeasure (id: number) {
    delete details.value[id]
  }

  /** Replaces a measure's cached detail with a newer one (after a status update, or from a 412's `current`). */
  function putDetail (measure: MeasureDetail) {
    details.value[measure.id] = markRaw(measure)
    const i = items.value.findIndex((m) => m.id === measure.id)
    if (i !== -1) items.value[i] = markRaw({ ...items.value[i]!, status: measure.status, progress: measure.progress, version: measure.version, updatedAt: measure.updatedAt })
  }

  /** Every measure of the plan (all pages; plans have up to a few hundred), and the hidden ones. */
  async function loadPlanMeasures (planId: number) {
    planStatus.value = 'loading'
    planError.value = null
    try {
      planMeasures.value = await api.listAllMeasures(planId)
      planMeasuresOf.value = planId
      await loadHidden(planId)
      planStatus.value = 'idle'
    } catch (e) {
      planError.value = toApiError(e)
      planStatus.value = 'error'
    }
  }

  async function loadHidden (planId: number) {
    // In the order of the measure list (by code), as the screen has always shown them.
    hidden.value = (await api.listHiddenMeasures(planId)).items.sort((a, b) => a.code.localeCompare(b.code, 'de', { numeric: true }))
  }

  /** After a write: the plan's public caches (progress, lists) are stale, the detail is the server's answer. */
  function stored (measure: MeasureDetail) {
    usePlansStore().forget(measure.planId)
    putDetail(measure)
    return measure
  }

  const createMeasure = async (planId: number, body: CreateMeasure) => stored(await api.createMeasure(planId, body))
  const saveMeasure = async (id: number, body: UpdateMeasure, version: number) => stored(await api.updateMeasure(id, body, version))

  async function hideMeasure (measure: { id: number, planId: number, version: number }) {
    await api.hideMeasure(measure.id, measure.version)
    forgetMeasure(measure.id)
    usePlansStore().forget(measure.planId)
    planMeasures.value = planMeasures.value.filter((m) => m.id !== measure.id)
    await loadHidden(measure.planId)
  }

  async function restoreMeasure (measure: HiddenMeasure) {
    const restored = stored(await api.restoreMeasure(measure.id, measure.version))
    await loadPlanMeasures(restored.planId)
    return restored
  }

  /**
   * A status report on a measure, against the version it was based on; the new detail replaces the cached one.
   * A 412 brings the measure as it is now, which replaces it too; the error is thrown on for the form to explain.
   */
  async function addStatusUpdate (measureId: number, body: CreateStatusUpdate, version: number): Promise<StatusUpdateResult> {
    try {
      const result = await api.addStatusUpdate(measureId, { ...body, version }, version)
      putDetail(result.measure)
      return result
    } catch (e) {
      const error = toApiError(e)
      const current = (error.body as { current?: MeasureDetail } | null)?.current
      if (error.status === 412 && current) putDetail(current)
      throw error
    }
  }

  return {
    items,
    total,
    listKey,
    listStatus,
    listError,
    details,
    detailStatus,
    detailError,
    olderStatus,
    olderError,
    planMeasures,
    planMeasuresOf,
    hidden,
    planStatus,
    planError,
    hasMore,
    loadList,
    loadMore,
    loadMeasure,
    loadOlderEntries,
    forgetMeasure,
    putDetail,
    addStatusUpdate,
    loadPlanMeasures,
    createMeasure,
    saveMeasure,
    hideMeasure,
    restoreMeasure,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useMeasuresStore, import.meta.hot))
