import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/admin/audit'
import { emptyAuditFilters } from '@/lib/admin/audit'
import { useAdminAuditStore } from './admin-audit'

vi.mock('@/api/admin/audit')

const page = (ids: number[]) => ({
  items: ids.map((id) => ({ id, at: '2026-03-01T10:00:00.000Z', actor: null, action: 'plan.update', entityType: 'plan', entityId: '1', before: null, after: null, requestId: null })),
  total: ids.length, limit: 50, offset: 0,
})

describe('useAdminAuditStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('asks for the page the filters describe', async () => {
    vi.mocked(api.listAudit).mockResolvedValue(page([2, 1]))
    const store = useAdminAuditStore()
    await store.loadPage('jena', { ...emptyAuditFilters(), action: 'measure.', page: 3 })
    expect(api.listAudit).toHaveBeenCalledWith('jena', { action: 'measure.', limit: 50, offset: 100 })
    expect(store.total).toBe(2)
  })

  it('lets the newest filter choice win over a slower earlier answer', async () => {
    let resolveOld: (v: ReturnType<typeof page>) => void = () => {}
    vi.mocked(api.listAudit)
      .mockImplementationOnce(() => new Promise((resolve) => { resolveOld = resolve }))
      .mockResolvedValueOnce(page([9]))
    const store = useAdminAuditStore()
    const old = store.loadPage('jena', emptyAuditFilters())
    await store.loadPage('jena', { ...emptyAuditFilters(), entityType: 'measure' })
    resolveOld(page([1, 2, 3]))
    await old
    expect(store.items.map((e) => e.id)).toEqual([9])
    expect(store.status).toBe('idle')
  })
})
