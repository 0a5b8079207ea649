import type { CreateIndicator, CreateIndicatorValue, Indicator, PlanDetail, UpdateIndicator } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { getPlan } from '@/api/admin/plans'
import type { ApiError } from '@/api/http'
import * as api from '@/api/indicators'
import { toApiError, type LoadStatus } from './load-state'

/** The record a 412 answer carries as it is now, when it is an indicator. */
function currentOf (error: ApiError): Indicator | null {
  const current = (error.body as { current?: unknown } | null)?.current
  return current && typeof current === 'object' && 'values' in current ? current as Indicator : null
}

/** A plan's indicators for the administration: all of them, published or not, with their values. Always fresh. */
export const useIndicatorsAdminStore = defineStore('indicators-admin', () => {
  const plan = ref<PlanDetail | null>(null)
  const indicators = ref<Indicator[]>([])
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  /** The plan whose indicators are loaded (null before the first answer). */
  const indicatorsOf = ref<number | null>(null)
  let latest = 0

  async function load (planId: number) {
    const request = ++latest
    status.value = 'loading'
    error.value = null
    try {
      const [detail, list] = await Promise.all([getPlan(planId), api.listIndicators(planId)])
      if (request !== latest) return
      plan.value = detail
      indicators.value = list.items
      indicatorsOf.value = planId
      status.value = 'idle'
    } catch (e) {
      if (request !== latest) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  /** The plan's indicators alone: the values import, which editors use too, needs no plan facts. */
  async function loadIndicators (planId: number) {
    const request = ++latest
    status.value = 'loading'
    error.value = null
    try {
      const list = await api.listIndicators(planId)
      if (request !== latest) return
      indicators.value = list.items
      indicatorsOf.value = planId
      status.value = 'idle'
    } catch (e) {
      if (request !== latest) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  const replace = (next: Indicator) => {
    indicators.value = indicators.value.map((i) => (i.id === next.id ? next : i))
    return next
  }

  async function create (body: CreateIndicator) {
    if (!plan.value) throw new Error('no plan')
    const created = await api.createIndicator(plan.value.id, body)
    indicators.value = [...indicators.value, created]
    return created
  }

  /** Saves changes against the version read; a 412 brings the indicator as it is now (kept), then the error is thrown on. */
  async function update (id: number, changes: Omit<UpdateIndicator, 'version'>, version: number) {
    try {
      return replace(await api.updateIndicator(id, changes, version))
    } catch (e) {
      const failure = toApiError(e)
      const current = failure.status === 412 ? currentOf(failure) : null
      if (current) replace(current)
      throw failure
    }
  }

  async function remove (indicator: Indicator) {
    await api.deleteIndicator(indicator.id, indicator.version)
    indicators.value = indicators.value.filter((i) => i.id !== indicator.id)
  }

  const addValue = async (id: number, body: CreateIndicatorValue) => replace(await api.addIndicatorValue(id, body))

  async function removeValue (id: number, valueId: number) {
    await api.deleteIndicatorValue(id, valueId)
    return replace(await api.getIndicator(id))
  }

  return { plan, indicators, indicatorsOf, status, error, load, loadIndicators, create, update, remove, addValue, removeValue }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useIndicatorsAdminStore, import.meta.hot))
