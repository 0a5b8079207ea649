import type { City, CityList, CreateCity } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as adminApi from '@/api/admin/cities'
import * as api from '@/api/cities'
import type { ApiError } from '@/api/http'
import { pageWindow } from '@/lib/paging'
import { toApiError, type LoadStatus } from './load-state'

/** Cities per page of the platform administrator's list. */
export const adminCitiesPageSize = 25

// The platform administrator's list of cities, page by page, and the "add a city" action.
export const useAdminCitiesStore = defineStore('admin-cities', () => {
  /** The page shown (`page`, 1-based) as the server answered it. */
  const list = ref<CityList | null>(null)
  const page = ref(1)
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  // Paging quickly sends several requests; only the newest one's answer is shown.
  let request = 0

  async function load (wanted = page.value) {
    const mine = ++request
    status.value = 'loading'
    error.value = null
    try {
      const answer = await api.listCities(pageWindow(wanted, adminCitiesPageSize))
      if (mine !== request) return
      list.value = answer
      page.value = wanted
      status.value = 'idle'
    } catch (e) {
      if (mine !== request) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  /** The new city may sort onto any page; the page shown is read again so its count and rows are true. */
  async function create (body: CreateCity): Promise<City> {
    const city = await adminApi.createCity(body)
    await load()
    return city
  }

  return { list, page, status, error, load, create }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminCitiesStore, import.meta.hot))
