import type { IdentityProvider } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/admin/identity-provider'
import { ApiError } from '@/api/http'
import { useAdminIdentityProviderStore } from './admin-identity-provider'

vi.mock('@/api/admin/identity-provider')

const provider: IdentityProvider = {
  displayName: 'Stadtverwaltung Jena', issuer: 'https://login.jena.de/realms/stadt', clientId: 'aktionsplan', hasClientSecret: false,
  emailClaim: 'email', groupsClaim: null, groupRoles: [], allowSelfRegistration: false, enabled: true,
  redirectUri: 'https://aktionsplan.jena.de/api/auth/oidc/jena/callback', version: 1, updatedAt: '2026-12-01T10:00:00.000Z',
}

describe('useAdminIdentityProviderStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('knows a city without a provider (404 with its code) from a failed load', async () => {
    vi.mocked(api.getIdentityProvider).mockRejectedValueOnce(new ApiError(404, 'IDENTITY_PROVIDER_NOT_FOUND', 'none'))
    const store = useAdminIdentityProviderStore()
    await store.load('jena')
    expect(store.providers.jena).toBeNull()
    expect(store.status).toBe('idle')

    vi.mocked(api.getIdentityProvider).mockRejectedValueOnce(new ApiError(404, 'CITY_NOT_FOUND', 'no city'))
    await store.load('weimar')
    expect(store.providers.weimar).toBeUndefined()
    expect(store.status).toBe('error')
  })

  it('creates without a version and keeps what the server saved', async () => {
    vi.mocked(api.putIdentityProvider).mockResolvedValue(provider)
    const store = useAdminIdentityProviderStore()
    const { redirectUri: _r, version: _v, updatedAt: _u, hasClientSecret: _h, ...body } = provider
    await store.save('jena', body, null)
    expect(api.putIdentityProvider).toHaveBeenCalledWith('jena', body, null)
    expect(store.providers.jena).toEqual(provider)
  })
})
