import type { CityUser } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/admin/users'
import { ApiError } from '@/api/http'
import { useAdminUsersStore } from './admin-users'

vi.mock('@/api/admin/users')

const user = (overrides: Partial<CityUser>): CityUser => ({
  id: 1, email: 'a@jena.example', displayName: 'A', role: 'admin', organisations: [], hasPassword: true, version: 1, ...overrides,
})

describe('useAdminUsersStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('keeps the invitation as pending and hands the link to the caller only', async () => {
    vi.mocked(api.listUsers).mockResolvedValue({ items: [user({ displayName: 'Zora' })], pending: [] })
    const link = { path: '/invitation/abc', expiresAt: '2026-03-08T10:00:00.000Z' }
    const pending = { id: 4, email: 'b@jena.example', displayName: 'Beirat', role: 'editor' as const, organisations: [], expiresAt: link.expiresAt, expired: false }
    vi.mocked(api.createUser).mockResolvedValue({ pending, link })
    const store = useAdminUsersStore()
    await store.loadUsers('jena')
    const result = await store.addUser('jena', { email: 'b@jena.example', displayName: 'Beirat', role: 'editor' })
    expect(result.link).toEqual(link)
    expect(store.byCity.jena?.map((u) => u.displayName)).toEqual(['Zora'])
    expect(store.pendingByCity.jena?.map((p) => p.email)).toEqual(['b@jena.example'])
    expect(JSON.stringify(store.$state)).not.toContain('/invitation/abc')
    vi.mocked(api.withdrawInvitation).mockResolvedValue(undefined)
    await store.withdrawInvitation('jena', pending)
    expect(store.pendingByCity.jena).toEqual([])
  })

  it('takes a role away with the person\'s version, and keeps the person when the server refuses', async () => {
    const admin = user({ version: 7 })
    vi.mocked(api.listUsers).mockResolvedValue({ items: [admin], pending: [] })
    vi.mocked(api.removeUser).mockRejectedValueOnce(new ApiError(409, 'LAST_ADMIN', 'x'))
    const store = useAdminUsersStore()
    await store.loadUsers('jena')
    await expect(store.removeUser('jena', admin)).rejects.toMatchObject({ code: 'LAST_ADMIN' })
    expect(api.removeUser).toHaveBeenCalledWith('jena', 1, 7)
    expect(store.byCity.jena).toHaveLength(1)
  })

  it('replaces a person after a role change', async () => {
    vi.mocked(api.listUsers).mockResolvedValue({ items: [user({ id: 2, role: 'viewer' })], pending: [] })
    vi.mocked(api.updateUser).mockResolvedValue(user({ id: 2, role: 'editor', version: 2 }))
    const store = useAdminUsersStore()
    await store.loadUsers('jena')
    await store.saveUser('jena', 2, { role: 'editor' }, 1)
    expect(store.byCity.jena?.[0]).toMatchObject({ role: 'editor', version: 2 })
  })
})
