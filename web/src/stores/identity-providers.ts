import type { PublicIdentityProvider } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { listIdentityProviders } from '@/api/identity-providers'

/** Cities per request; the sign-in page shows more on request. */
const identityProvidersPageSize = 50

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** Cities whose staff sign in with their city account; the sign-in page offers one button each. */
export const useIdentityProvidersStore = defineStore('identity-providers', () => {
  const providers = ref<PublicIdentityProvider[]>([])
  /** How many cities offer it in all; more than `providers` holds until every page is read. */
  const total = ref(0)
  const loaded = ref(false)

  /** Quiet on failure: the password form works without the list. */
  async function load () {
    if (loaded.value) return
    try {
      const first = await listIdentityProviders({ limit: identityProvidersPageSize, offset: 0 })
      providers.value = first.items
      total.value = first.total
      loaded.value = true
    } catch {
      providers.value = []
    }
  }

  /** The next page after the cities shown; a failure leaves the list as it is (the button stays). */
  async function loadMore () {
    try {
      const next = await listIdentityProviders({ limit: identityProvidersPageSize, offset: providers.value.length })
      providers.value = [...providers.value, ...next.items]
      total.value = next.total
    } catch {
      // The cities shown stay usable; pressing the button again tries again.
    }
  }

  return { providers, total, loaded, load, loadMore }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useIdentityProvidersStore, import.meta.hot))
