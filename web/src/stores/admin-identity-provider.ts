import type { IdentityProvider, PutIdentityProvider } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/admin/identity-provider'
import type { ApiError } from '@/api/http'
import { toApiError, type LoadStatus } from './load-state'

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** A city's single sign-on settings; null when the city has none yet. */
export const useAdminIdentityProviderStore = defineStore('admin-identity-provider', () => {
  const providers = ref<Record<string, IdentityProvider | null>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)

  async function load (city: string) {
    status.value = 'loading'
    error.value = null
    try {
      providers.value[city] = await api.getIdentityProvider(city)
      status.value = 'idle'
    } catch (e) {
      const apiError = toApiError(e)
      if (apiError.code === 'IDENTITY_PROVIDER_NOT_FOUND') {
        providers.value[city] = null
        status.value = 'idle'
        return
      }
      error.value = apiError
      status.value = 'error'
    }
  }

  async function save (city: string, body: PutIdentityProvider, version: number | null) {
    const saved = await api.putIdentityProvider(city, body, version)
    providers.value[city] = saved
    return saved
  }

  return { providers, status, error, load, save }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminIdentityProviderStore, import.meta.hot))
