import type { AuditEntry } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/admin/measures'
import { ApiError } from '@/api/http'
import { buildMeasureSummary } from '@/testing/fixtures'
import { hiddenFromAudit, useAdminMeasuresStore } from './admin-measures'
import { useMeasuresStore } from './measures'
import { usePlansStore } from './plans'

vi.mock('@/api/admin/measures')

const entry = (id: number, action: string, measureId: number, version: number, planId = 1): AuditEntry => ({
  id, at: '2026-03-01T10:00:00.000Z', actor: null, action, entityType: 'measure', entityId: String(measureId), before: null,
  after: { id: measureId, planId, code: `9.${measureId}`, titleDe: `Maßnahme ${measureId}`, titleEn: null, version }, requestId: null,
})
const none = { items: [], total: 0, limit: 100, offset: 0 }

describe('hiddenFromAudit', () => {
  it('lists the measures whose latest hide is not followed by a restore, with the version to restore', () => {
    const hides = [entry(1, 'measure.delete', 4, 2), entry(5, 'measure.delete', 4, 4), entry(2, 'measure.delete', 6, 3)]
    const restores = [entry(3, 'measure.restore', 4, 3), entry(4, 'measure.restore', 6, 4)]
    expect(hiddenFromAudit(hides, restores)).toEqual([
      { id: 4, planId: 1, code: '9.4', titleDe: 'Maßnahme 4', titleEn: null, version: 4, hiddenAt: '2026-03-01T10:00:00.000Z' },
    ])
  })
})

describe('useAdminMeasuresStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
    vi.mocked(api.listMeasureVisibilityChanges).mockResolvedValue(none)
  })

  it('reads every page of the plan\'s measures and the plan\'s hidden ones', async () => {
    const first = Array.from({ length: 100 }, (_, i) => buildMeasureSummary({ id: i + 1 }))
    vi.mocked(api.listMeasures)
      .mockResolvedValueOnce({ items: first, total: 101, limit: 100, offset: 0 })
      .mockResolvedValueOnce({ items: [buildMeasureSummary({ id: 101 })], total: 101, limit: 100, offset: 100 })
    vi.mocked(api.listMeasureVisibilityChanges).mockImplementation(async (_city, action) =>
      action === 'measure.delete' ? { ...none, items: [entry(1, 'measure.delete', 200, 2), entry(2, 'measure.delete', 300, 2, 9)] } : none)
    const store = useAdminMeasuresStore()
    await store.loadList(1, 'jena')
    expect(api.listMeasures).toHaveBeenLastCalledWith(1, { limit: 100, offset: 100 })
    expect(store.items).toHaveLength(101)
    expect(store.hidden.map((m) => m.id)).toEqual([200])
    expect(store.listStatus).toBe('idle')
  })

  it('captures a failed load', async () => {
    vi.mocked(api.listMeasures).mockRejectedValue(new ApiError(0, 'NETWORK_ERROR', 'offline'))
    const store = useAdminMeasuresStore()
    await store.loadList(1, 'jena')
    expect(store.listStatus).toBe('error')
    expect(store.listError?.code).toBe('NETWORK_ERROR')
  })

  it('hides a measure with its version, drops it from the list and from the public caches', async () => {
    vi.mocked(api.listMeasures).mockResolvedValue({ items: [buildMeasureSummary({ id: 3 })], total: 1, limit: 100, offset: 0 })
    const store = useAdminMeasuresStore()
    await store.loadList(1, 'jena')
    const publicPlans = usePlansStore()
    const publicMeasures = useMeasuresStore()
    const forget = vi.spyOn(publicPlans, 'forget')
    const forgetMeasure = vi.spyOn(publicMeasures, 'forgetMeasure')
    await store.hideMeasure({ id: 3, planId: 1, version: 2 }, 'jena')
    expect(api.hideMeasure).toHaveBeenCalledWith(3, 2)
    expect(store.items).toEqual([])
    expect(forget).toHaveBeenCalledWith(1)
    expect(forgetMeasure).toHaveBeenCalledWith(3)
  })

  it('restores a hidden measure with the version recorded when it was hidden', async () => {
    vi.mocked(api.restoreMeasure).mockResolvedValue({ id: 4, planId: 1 } as never)
    vi.mocked(api.listMeasures).mockResolvedValue(none)
    const store = useAdminMeasuresStore()
    await store.restoreMeasure({ id: 4, planId: 1, code: '9.4', titleDe: 'x', titleEn: null, version: 4, hiddenAt: '' }, 'jena')
    expect(api.restoreMeasure).toHaveBeenCalledWith(4, 4)
    expect(api.listMeasures).toHaveBeenCalled()
  })
})
