import type { Organisation, OrganisationDetail } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { markRaw, ref } from 'vue'
import type { ApiError } from '@/api/http'
import * as api from '@/api/organisations'
import { toApiError, type LoadStatus } from './load-state'

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
export const useOrganisationsStore = defineStore('organisations', () => {
  const details = ref<Record<number, OrganisationDetail>>({})
  const byCity = ref<Record<string, Organisation[]>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  let latest = 0

  async function loadOrganisation (id: number) {
    const request = ++latest
    error.value = null
    if (details.value[id]) { status.value = 'idle'; return }
    status.value = 'loading'
    try {
      // Kept whole and only ever replaced; markRaw spares its reads Vue's proxies (see plans.ts).
      details.value[id] = markRaw(await api.getOrganisation(id))
      if (request === latest) status.value = 'idle'
    } catch (e) {
      if (request !== latest) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  /**
   * The city's bodies, for the organisation filter. Failure is quiet: the filter then offers no
   * organisations (until the next visit tries again), and the measure list itself still works.
   */
  async function loadCityOrganisations (city: string) {
    if (byCity.value[city]) return
    try {
      byCity.value[city] = markRaw((await api.listOrganisationsOfCity(city)).items)
    } catch {
      // Left unset on purpose, so the next page visit tries again.
    }
  }

  return {
    details,
    byCity,
    status,
    error,
    loadOrganisation,
    loadCityOrganisations,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useOrganisationsStore, import.meta.hot))
