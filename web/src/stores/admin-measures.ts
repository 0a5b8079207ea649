import { Limits, type CreateMeasure, type HiddenMeasure, type MeasureDetail, type MeasureSummary, type UpdateMeasure } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/admin/measures'
import type { ApiError } from '@/api/http'
import { toApiError, type LoadStatus } from './load-state'
import { useMeasuresStore } from './measures'
import { usePlansStore } from './plans'

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
export const useAdminMeasuresStore = defineStore('admin-measures', () => {
  const items = ref<MeasureSummary[]>([])
  const listPlanId = ref<number | null>(null)
  const hidden = ref<HiddenMeasure[]>([])
  const listStatus = ref<LoadStatus>('idle')
  const listError = ref<ApiError | null>(null)
  const details = ref<Record<number, MeasureDetail>>({})
  const detailStatus = ref<LoadStatus>('idle')
  const detailError = ref<ApiError | null>(null)

  /** Every measure of the plan (all pages; plans have up to a few hundred), and the hidden ones. */
  async function loadList (planId: number) {
    listStatus.value = 'loading'
    listError.value = null
    try {
      const all: MeasureSummary[] = []
      for (let offset = 0; ; offset += Limits.listPageMax) {
        const page = await api.listMeasures(planId, { limit: Limits.listPageMax, offset })
        all.push(...page.items)
        if (all.length >= page.total || !page.items.length) break
      }
      items.value = all
      listPlanId.value = planId
      await loadHidden(planId)
      listStatus.value = 'idle'
    } catch (e) {
      listError.value = toApiError(e)
      listStatus.value = 'error'
    }
  }

  async function loadHidden (planId: number) {
    // In the order of the measure list (by code), as the screen has always shown them.
    hidden.value = (await api.listHiddenMeasures(planId)).items.sort((a, b) => a.code.localeCompare(b.code, 'de', { numeric: true }))
  }

  async function loadMeasure (id: number) {
    detailStatus.value = 'loading'
    detailError.value = null
    try {
      details.value[id] = await api.getMeasure(id)
      detailStatus.value = 'idle'
    } catch (e) {
      detailError.value = toApiError(e)
      detailStatus.value = 'error'
    }
  }

  function changed (planId: number, id: number) {
    usePlansStore().forget(planId)
    useMeasuresStore().forgetMeasure(id)
  }

  function stored (measure: MeasureDetail) {
    details.value[measure.id] = measure
    changed(measure.planId, measure.id)
    return measure
  }

  const createMeasure = async (planId: number, body: CreateMeasure) => stored(await api.createMeasure(planId, body))
  const saveMeasure = async (id: number, body: UpdateMeasure, version: number) => stored(await api.updateMeasure(id, body, version))

  async function hideMeasure (measure: { id: number, planId: number, version: number }) {
    await api.hideMeasure(measure.id, measure.version)
    delete details.value[measure.id]
    changed(measure.planId, measure.id)
    items.value = items.value.filter((m) => m.id !== measure.id)
    await loadHidden(measure.planId)
  }

  async function restoreMeasure (measure: HiddenMeasure) {
    const restored = stored(await api.restoreMeasure(measure.id, measure.version))
    await loadList(restored.planId)
    return restored
  }

  return {
    items, listPlanId, hidden, listStatus, listError, details, detailStatus, detailError,
    loadList, loadMeasure, createMeasure, saveMeasure, hideMeasure, restoreMeasure,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminMeasuresStore, import.meta.hot))
