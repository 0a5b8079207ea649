import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import * as api from '@/api/organisations'
import { useOrganisationsStore } from './organisations'

vi.mock('@/api/organisations')

describe('useOrganisationsStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('loads an organisation and reports a missing one', async () => {
    vi.mocked(api.getOrganisation).mockResolvedValueOnce({ id: 5 } as never).mockRejectedValueOnce(new ApiError(404, 'ORGANISATION_NOT_FOUND', 'no'))
    const store = useOrganisationsStore()
    await store.loadOrganisation(5)
    expect(store.details[5]).toEqual({ id: 5 })
    await store.loadOrganisation(6)
    expect(store.status).toBe('error')
    expect(store.error?.code).toBe('ORGANISATION_NOT_FOUND')
  })

  it('leaves the city list unset after a failure so the next visit tries again', async () => {
    vi.mocked(api.listOrganisationsOfCity).mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce({ items: [] })
    const store = useOrganisationsStore()
    await store.loadCityOrganisations('jena')
    expect(store.byCity.jena).toBeUndefined()
    await store.loadCityOrganisations('jena')
    expect(store.byCity.jena).toEqual([])
  })
})
