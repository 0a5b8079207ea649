import type { City, CreateCity } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as adminApi from '@/api/admin/cities'
import * as api from '@/api/cities'
import type { ApiError } from '@/api/http'
import { toApiError, type LoadStatus } from './load-state'

// The platform administrator's list of cities and the "add a city" action.
export const useAdminCitiesStore = defineStore('admin-cities', () => {
  const cities = ref<City[]>([])
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  let request = 0

  async function load () {
    const mine = ++request
    status.value = 'loading'
    error.value = null
    try {
      const { items } = await api.listCities()
      if (mine !== request) return
      cities.value = items
      status.value = 'idle'
    } catch (e) {
      if (mine !== request) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  async function create (body: CreateCity): Promise<City> {
    const city = await adminApi.createCity(body)
    cities.value = [...cities.value, city].sort((a, b) => a.name.localeCompare(b.name, 'de'))
    return city
  }

  return { cities, status, error, load, create }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminCitiesStore, import.meta.hot))
