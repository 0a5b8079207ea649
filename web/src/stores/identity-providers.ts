import type { PublicIdentityProvider } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { listIdentityProviders } from '@/api/identity-providers'

// State is returned as plain refs (see stores/cities.ts); only the action below writes to it.
/** Cities whose staff sign in with their city account; the sign-in page offers one button each. */
export const useIdentityProvidersStore = defineStore('identity-providers', () => {
  const providers = ref<PublicIdentityProvider[]>([])
  const loaded = ref(false)

  /** Quiet on failure: the password form works without the list. */
  async function load () {
    if (loaded.value) return
    try {
      providers.value = (await listIdentityProviders()).items
      loaded.value = true
    } catch {
      providers.value = []
    }
  }

  return { providers, loaded, load }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useIdentityProvidersStore, import.meta.hot))
