import type { City, PlanSummary } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import * as api from '@/api/cities'
import type { ApiError } from '@/api/http'
import { compareIso } from '@/lib/compare'
import { pageCount, pageWindow } from '@/lib/paging'
import { startPageCities } from '@/router/public-pages'
import { toApiError, type LoadStatus } from './load-state'

/** The plan a visitor most likely wants: the latest adopted one, else the latest closed one. */
export function currentPlanOf (plans: readonly PlanSummary[]): PlanSummary | null {
  const byStartDesc = [...plans].sort((a, b) => compareIso(b.periodStart, a.periodStart))
  return byStartDesc.find((p) => p.state === 'adopted') ?? byStartDesc.find((p) => p.state === 'closed') ?? null
}

// State is returned as plain refs, not readonly() views: Pinia needs writable state refs for hydration
// (createTestingPinia's initialState, SSR) and devtools. Only the store's actions write to them.
export const useCitiesStore = defineStore('cities', () => {
  /** The cities of the page shown (`page`), out of `total`. */
  const cities = ref<City[]>([])
  const total = ref(0)
  const page = ref<number | null>(null)
  const plansByCity = ref<Record<string, PlanSummary[]>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  // Paging quickly sends several requests; only the newest one's answer is shown.
  let request = 0

  const pages = computed(() => pageCount(total.value, startPageCities))
  const citiesWithPlans = computed(() => cities.value.map((city) => {
    const plans = plansByCity.value[city.slug] ?? []
    return { city, plans, current: currentPlanOf(plans) }
  }))

  /** One page of the cities, each with its public plans (the start page); a page already shown is kept. */
  async function loadOverview ({ page: wanted = 1, force = false } = {}) {
    if (page.value === wanted && !force) return
    const mine = ++request
    status.value = 'loading'
    error.value = null
    try {
      const list = await api.listCities(pageWindow(wanted, startPageCities))
      const lists = await Promise.all(list.items.map((c) => api.listPlansOfCity(c.slug)))
      if (mine !== request) return
      // Kept whole and only ever replaced; markRaw spares their reads Vue's proxies (see plans.ts).
      cities.value = markRaw(list.items)
      total.value = list.total
      plansByCity.value = Object.fromEntries(list.items.map((c, i) => [c.slug, markRaw(lists[i]?.items ?? [])]))
      page.value = wanted
      status.value = 'idle'
    } catch (e) {
      if (mine !== request) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  return {
    cities,
    total,
    page,
    pages,
    plansByCity,
    status,
    error,
    citiesWithPlans,
    loadOverview,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCitiesStore, import.meta.hot))
