import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import * as api from '@/api/measures'
import { emptyFilters } from '@/lib/measure-filters'
import { buildMeasureSummary } from '@/testing/fixtures'
import { measurePageSize, useMeasuresStore } from './measures'
import { usePlansStore } from './plans'

vi.mock('@/api/measures')

const page = (ids: number[], total: number) => ({
  items: ids.map((id) => buildMeasureSummary({ id, code: `1.${id}` })), total, limit: measurePageSize, offset: 0,
})

describe('useMeasuresStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('loads a commitment\'s measures with the filters as API query', async () => {
    vi.mocked(api.listMeasures).mockResolvedValue(page([1, 2], 2))
    const store = useMeasuresStore()
    await store.loadList(1, 3, { ...emptyFilters(), status: 'delayed' })
    expect(api.listMeasures).toHaveBeenCalledWith(1, { commitment: [3], status: ['delayed'], limit: measurePageSize, offset: 0 })
    expect(store.items.map((m) => m.id)).toEqual([1, 2])
    expect(store.listStatus).toBe('idle')
    expect(store.hasMore).toBe(false)
  })

  it('appends the next page with loadMore', async () => {
    vi.mocked(api.listMeasures).mockResolvedValueOnce(page([1], 2)).mockResolvedValueOnce(page([2], 2))
    const store = useMeasuresStore()
    await store.loadList(1, 1, emptyFilters())
    expect(store.hasMore).toBe(true)
    await store.loadMore()
    expect(vi.mocked(api.listMeasures).mock.calls[1]?.[1]).toMatchObject({ offset: 1 })
    expect(store.items.map((m) => m.id)).toEqual([1, 2])
  })

  it('lets the newest filter choice win over a slower earlier answer', async () => {
    let resolveOld: (v: ReturnType<typeof page>) => void = () => {}
    vi.mocked(api.listMeasures)
      .mockImplementationOnce(() => new Promise((resolve) => { resolveOld = resolve }))
      .mockResolvedValueOnce(page([9], 1))
    const store = useMeasuresStore()
    const old = store.loadList(1, 1, emptyFilters())
    await store.loadList(1, 1, { ...emptyFilters(), q: 'Schule' })
    resolveOld(page([1, 2, 3], 3))
    await old
    expect(store.items.map((m) => m.id)).toEqual([9])
  })

  it('captures a failed list load and keeps the previous items', async () => {
    vi.mocked(api.listMeasures).mockResolvedValueOnce(page([1], 1)).mockRejectedValueOnce(new ApiError(0, 'NETWORK_ERROR', 'offline'))
    const store = useMeasuresStore()
    await store.loadList(1, 1, emptyFilters())
    await store.loadList(1, 1, { ...emptyFilters(), q: 'x' })
    expect(store.listStatus).toBe('error')
    expect(store.listError?.code).toBe('NETWORK_ERROR')
    expect(store.items.map((m) => m.id)).toEqual([1])
  })

  it('loads a measure once and reports a missing one', async () => {
    vi.mocked(api.getMeasure).mockResolvedValueOnce({ id: 1 } as never).mockRejectedValueOnce(new ApiError(404, 'MEASURE_NOT_FOUND', 'no'))
    const store = useMeasuresStore()
    await store.loadMeasure(1)
    await store.loadMeasure(1)
    expect(api.getMeasure).toHaveBeenCalledTimes(1)
    expect(store.detailStatus).toBe('idle')
    await store.loadMeasure(2)
    expect(store.detailStatus).toBe('error')
    expect(store.detailError?.status).toBe(404)
  })

  it('appends the older entries of a measure\'s timeline and keeps the next link', async () => {
    const entry = (id: number, date: string) => ({
      id, date, fromStatus: null, status: 'in_progress' as const, fromProgress: null, progress: 10, noteDe: null, noteEn: null,
      reason: null, evidenceLinks: [], organisation: null, recordedAt: `${date}T10:00:00.000Z`,
    })
    const store = useMeasuresStore()
    const next = '/api/measures/4/status-history?before=2024-05-01~2'
    store.putDetail({ id: 4, statusHistory: [entry(3, '2024-06-01'), entry(2, '2024-05-01')], statusHistoryTotal: 4, statusHistoryNext: next } as never)
    vi.mocked(api.getStatusHistoryPage).mockResolvedValue({ items: [entry(1, '2024-01-01')], next: '/api/measures/4/status-history?before=2024-01-01~1' })
    expect(await store.loadOlderEntries(4)).toBe(true)
    expect(api.getStatusHistoryPage).toHaveBeenCalledWith(next)
    expect(store.details[4]!.statusHistory.map((e) => e.id)).toEqual([3, 2, 1])
    expect(store.details[4]!.statusHistoryNext).toBe('/api/measures/4/status-history?before=2024-01-01~1')

    vi.mocked(api.getStatusHistoryPage).mockRejectedValue(new ApiError(503, 'SERVICE_UNAVAILABLE', 'down'))
    expect(await store.loadOlderEntries(4)).toBe(false)
    expect(store.olderStatus).toBe('error')
    expect(store.details[4]!.statusHistory).toHaveLength(3)
  })
})

const hiddenMeasure = (id: number, version: number, code = `9.${id}`) =>
  ({ id, planId: 1, code, titleDe: `Maßnahme ${id}`, titleEn: null, version, hiddenAt: '2026-03-01T10:00:00.000Z' })

describe('useMeasuresStore for the administration', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
    vi.mocked(api.listHiddenMeasures).mockResolvedValue({ items: [] })
  })

  it('reads every measure of the plan and the plan\'s hidden ones', async () => {
    const all = Array.from({ length: 101 }, (_, i) => buildMeasureSummary({ id: i + 1 }))
    vi.mocked(api.listAllMeasures).mockResolvedValue(all)
    vi.mocked(api.listHiddenMeasures).mockResolvedValue({ items: [hiddenMeasure(300, 2, '9.10'), hiddenMeasure(200, 2, '9.2')] })
    const store = useMeasuresStore()
    await store.loadPlanMeasures(1)
    expect(api.listAllMeasures).toHaveBeenLastCalledWith(1)
    expect(store.planMeasures).toHaveLength(101)
    expect(api.listHiddenMeasures).toHaveBeenCalledWith(1)
    expect(store.hidden.map((m) => m.id)).toEqual([200, 300])
    expect(store.planStatus).toBe('idle')
  })

  it('captures a failed load', async () => {
    vi.mocked(api.listAllMeasures).mockRejectedValue(new ApiError(0, 'NETWORK_ERROR', 'offline'))
    const store = useMeasuresStore()
    await store.loadPlanMeasures(1)
    expect(store.planStatus).toBe('error')
    expect(store.planError?.code).toBe('NETWORK_ERROR')
  })

  it('hides a measure with its version, drops it from the list and from the public caches', async () => {
    vi.mocked(api.listAllMeasures).mockResolvedValue([buildMeasureSummary({ id: 3 })])
    vi.mocked(api.getMeasure).mockResolvedValue({ ...buildMeasureSummary({ id: 3 }) } as never)
    const store = useMeasuresStore()
    await store.loadPlanMeasures(1)
    await store.loadMeasure(3)
    const forget = vi.spyOn(usePlansStore(), 'forget')
    await store.hideMeasure({ id: 3, planId: 1, version: 2 })
    expect(api.hideMeasure).toHaveBeenCalledWith(3, 2)
    expect(store.planMeasures).toEqual([])
    expect(forget).toHaveBeenCalledWith(1)
    expect(store.details[3]).toBeUndefined()
  })

  it('restores a hidden measure with the version recorded when it was hidden', async () => {
    vi.mocked(api.restoreMeasure).mockResolvedValue({ id: 4, planId: 1 } as never)
    vi.mocked(api.listAllMeasures).mockResolvedValue([])
    const store = useMeasuresStore()
    await store.restoreMeasure({ id: 4, planId: 1, code: '9.4', titleDe: 'x', titleEn: null, version: 4, hiddenAt: '' })
    expect(api.restoreMeasure).toHaveBeenCalledWith(4, 4)
    expect(api.listAllMeasures).toHaveBeenCalled()
  })

  it('reads a measure afresh for its edit form, and keeps a saved one for the public page', async () => {
    vi.mocked(api.getMeasure).mockResolvedValue({ ...buildMeasureSummary({ id: 5, version: 1 }) } as never)
    vi.mocked(api.updateMeasure).mockResolvedValue({ ...buildMeasureSummary({ id: 5, version: 2 }), planId: 1 } as never)
    const store = useMeasuresStore()
    await store.loadMeasure(5)
    await store.loadMeasure(5, { fresh: true })
    expect(api.getMeasure).toHaveBeenCalledTimes(2)
    await store.saveMeasure(5, { titleDe: 'Neu' }, 1)
    expect(store.details[5]?.version).toBe(2)
  })
})
