import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/admin/measures'
import { ApiError } from '@/api/http'
import { buildMeasureSummary } from '@/testing/fixtures'
import { useAdminMeasuresStore } from './admin-measures'
import { useMeasuresStore } from './measures'
import { usePlansStore } from './plans'

vi.mock('@/api/admin/measures')

const hiddenMeasure = (id: number, version: number, code = `9.${id}`) =>
  ({ id, planId: 1, code, titleDe: `Maßnahme ${id}`, titleEn: null, version, hiddenAt: '2026-03-01T10:00:00.000Z' })
const none = { items: [], total: 0, limit: 100, offset: 0 }

describe('useAdminMeasuresStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
    vi.mocked(api.listHiddenMeasures).mockResolvedValue({ items: [] })
  })

  it('reads every page of the plan\'s measures and the plan\'s hidden ones', async () => {
    const first = Array.from({ length: 100 }, (_, i) => buildMeasureSummary({ id: i + 1 }))
    vi.mocked(api.listMeasures)
      .mockResolvedValueOnce({ items: first, total: 101, limit: 100, offset: 0 })
      .mockResolvedValueOnce({ items: [buildMeasureSummary({ id: 101 })], total: 101, limit: 100, offset: 100 })
    vi.mocked(api.listHiddenMeasures).mockResolvedValue({ items: [hiddenMeasure(300, 2, '9.10'), hiddenMeasure(200, 2, '9.2')] })
    const store = useAdminMeasuresStore()
    await store.loadList(1)
    expect(api.listMeasures).toHaveBeenLastCalledWith(1, { limit: 100, offset: 100 })
    expect(store.items).toHaveLength(101)
    expect(api.listHiddenMeasures).toHaveBeenCalledWith(1)
    expect(store.hidden.map((m) => m.id)).toEqual([200, 300])
    expect(store.listStatus).toBe('idle')
  })

  it('captures a failed load', async () => {
    vi.mocked(api.listMeasures).mockRejectedValue(new ApiError(0, 'NETWORK_ERROR', 'offline'))
    const store = useAdminMeasuresStore()
    await store.loadList(1)
    expect(store.listStatus).toBe('error')
    expect(store.listError?.code).toBe('NETWORK_ERROR')
  })

  it('hides a measure with its version, drops it from the list and from the public caches', async () => {
    vi.mocked(api.listMeasures).mockResolvedValue({ items: [buildMeasureSummary({ id: 3 })], total: 1, limit: 100, offset: 0 })
    const store = useAdminMeasuresStore()
    await store.loadList(1)
    const publicPlans = usePlansStore()
    const publicMeasures = useMeasuresStore()
    const forget = vi.spyOn(publicPlans, 'forget')
    const forgetMeasure = vi.spyOn(publicMeasures, 'forgetMeasure')
    await store.hideMeasure({ id: 3, planId: 1, version: 2 })
    expect(api.hideMeasure).toHaveBeenCalledWith(3, 2)
    expect(store.items).toEqual([])
    expect(forget).toHaveBeenCalledWith(1)
    expect(forgetMeasure).toHaveBeenCalledWith(3)
  })

  it('restores a hidden measure with the version recorded when it was hidden', async () => {
    vi.mocked(api.restoreMeasure).mockResolvedValue({ id: 4, planId: 1 } as never)
    vi.mocked(api.listMeasures).mockResolvedValue(none)
    const store = useAdminMeasuresStore()
    await store.restoreMeasure({ id: 4, planId: 1, code: '9.4', titleDe: 'x', titleEn: null, version: 4, hiddenAt: '' })
    expect(api.restoreMeasure).toHaveBeenCalledWith(4, 4)
    expect(api.listMeasures).toHaveBeenCalled()
  })
})
