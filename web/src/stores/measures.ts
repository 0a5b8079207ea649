import { Limits, type MeasureDetail, type MeasureSummary } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import type { ApiError } from '@/api/http'
import * as api from '@/api/measures'
import { filtersToApiQuery, type MeasureFilters } from '@/lib/measure-filters'
import { toApiError, type LoadStatus } from './load-state'

/**
 * Page size of a commitment's measure list; Jena's largest commitment has 8, so one page is the norm.
 * The API's default page size, which the server also uses to preload a commitment page's first list.
 */
export const measurePageSize = Limits.listPageDefault

interface ListKey { planId: number, commitment: number, filters: MeasureFilters }

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
export const useMeasuresStore = defineStore('measures', () => {
  const items = ref<MeasureSummary[]>([])
  const total = ref(0)
  const listKey = ref<ListKey | null>(null)
  const listStatus = ref<LoadStatus>('idle')
  const listError = ref<ApiError | null>(null)

  const details = ref<Record<number, MeasureDetail>>({})
  const detailStatus = ref<LoadStatus>('idle')
  const detailError = ref<ApiError | null>(null)

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

  async function loadMeasure (id: number) {
    const request = ++detailRequest
    detailError.value = null
    if (details.value[id]) { detailStatus.value = 'idle'; return }
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
    hasMore,
    loadList,
    loadMore,
    loadMeasure,
    loadOlderEntries,
    forgetMeasure,
    putDetail,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useMeasuresStore, import.meta.hot))
