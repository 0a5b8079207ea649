import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/admin/organisations'
import { ApiError } from '@/api/http'
import { useAdminOrganisationsStore } from './admin-organisations'
import { useOrganisationsStore } from './organisations'

vi.mock('@/api/admin/organisations')

const org = (id: number, name: string) => ({ id, citySlug: 'jena', name, nameEn: null, kind: 'municipal_unit' as const, descriptionDe: null, descriptionEn: null, version: 1 })

describe('useAdminOrganisationsStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('keeps the city\'s bodies sorted by name and adds new ones in place', async () => {
    vi.mocked(api.listOrganisations).mockResolvedValue({ items: [org(2, 'Stadtrat'), org(1, 'Beirat')] })
    vi.mocked(api.createOrganisation).mockResolvedValue({ ...org(3, 'Jugendamt'), leads: [], joins: [] })
    const store = useAdminOrganisationsStore()
    await store.ensureCity('jena')
    await store.ensureCity('jena')
    expect(api.listOrganisations).toHaveBeenCalledTimes(1)
    await store.createOrganisation('jena', { name: 'Jugendamt', kind: 'municipal_unit' })
    expect(store.byCity.jena?.map((o) => o.name)).toEqual(['Beirat', 'Jugendamt', 'Stadtrat'])
  })

  it('deletes with the version, keeps the body when it is still in use, and clears the public cache', async () => {
    vi.mocked(api.listOrganisations).mockResolvedValue({ items: [org(1, 'Beirat'), org(2, 'Amt')] })
    vi.mocked(api.deleteOrganisation).mockRejectedValueOnce(new ApiError(409, 'ORGANISATION_IN_USE', 'x')).mockResolvedValueOnce(undefined)
    const store = useAdminOrganisationsStore()
    await store.loadCity('jena')
    const publicStore = useOrganisationsStore()
    publicStore.byCity.jena = []
    await expect(store.deleteOrganisation(org(1, 'Beirat'))).rejects.toMatchObject({ code: 'ORGANISATION_IN_USE' })
    expect(store.byCity.jena).toHaveLength(2)
    await store.deleteOrganisation(org(2, 'Amt'))
    expect(api.deleteOrganisation).toHaveBeenLastCalledWith(2, 1)
    expect(store.byCity.jena?.map((o) => o.id)).toEqual([1])
    expect(publicStore.byCity.jena).toBeUndefined()
  })
})
