import type { City, PlanSummary } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import * as api from '@/api/cities'
import type { ApiError } from '@/api/http'
import { compareIso } from '@/lib/compare'
import { toApiError, type LoadStatus } from './load-state'

/** The plan a visitor most likely wants: the latest adopted one, else the latest closed one. */
export function currentPlanOf (plans: readonly PlanSummary[]): PlanSummary | null {
  const byStartDesc = [...plans].sort((a, b) => compareIso(b.periodStart, a.periodStart))
  return byStartDesc.find((p) => p.state === 'adopted') ?? byStartDesc.find((p) => p.state === 'closed') ?? null
}

// State is returned as plain refs, not readonly() views: Pinia needs writable state refs for hydration
// (createTestingPinia's initialState, SSR) and devtools. Only the store's actions write to them.
export const useCitiesStore = defineStore('cities', () => {
  const cities = ref<City[]>([])
  const plansByCity = ref<Record<string, PlanSummary[]>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  const loaded = ref(false)

  const citiesWithPlans = computed(() => cities.value.map((city) => {
    const plans = plansByCity.value[city.slug] ?? []
    return { city, plans, current: currentPlanOf(plans) }
  }))

  /** Every city with its public plans (the start page). */
  async function loadOverview ({ force = false } = {}) {
    if (loaded.value && !force) return
    status.value = 'loading'
    error.value = null
    try {
      const { items } = await api.listCities()
      const lists = await Promise.all(items.map((c) => api.listPlansOfCity(c.slug)))
      // Kept whole and only ever replaced; markRaw spares their reads Vue's proxies (see plans.ts).
      cities.value = markRaw(items)
      plansByCity.value = Object.fromEntries(items.map((c, i) => [c.slug, markRaw(lists[i]?.items ?? [])]))
      loaded.value = true
      status.value = 'idle'
    } catch (e) {
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  return {
    cities,
    plansByCity,
    status,
    error,
    loaded,
    citiesWithPlans,
    loadOverview,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCitiesStore, import.meta.hot))
