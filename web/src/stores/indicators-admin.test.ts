import type { Indicator, PlanDetail } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as plans from '@/api/admin/plans'
import { ApiError } from '@/api/http'
import * as api from '@/api/indicators'
import { useIndicatorsAdminStore } from './indicators-admin'

vi.mock('@/api/admin/plans')
vi.mock('@/api/indicators')

const indicator = (id: number, version = 1, values: Indicator['values'] = []): Indicator => ({
  id, planId: 4, nameDe: `Indikator ${id}`, nameEn: null, definitionDe: null, definitionEn: null, unit: 'Anzahl', unitEn: null, source: null,
  direction: 'increase', baselineValue: 10, baselineDate: null, targetValue: 20, targetDate: null, isPublic: false, commitments: [], measures: [],
  values, latestValue: null, progressToTarget: null, version, updatedAt: '2025-01-01T00:00:00Z',
})

describe('indicators admin store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
    vi.mocked(plans.getPlan).mockResolvedValue({ id: 4, titleDe: 'Plan' } as PlanDetail)
  })

  it('loads the plan and all its indicators, and adds a created one', async () => {
    vi.mocked(api.listIndicators).mockResolvedValue({ items: [indicator(1)] })
    vi.mocked(api.createIndicator).mockResolvedValue(indicator(2))
    const store = useIndicatorsAdminStore()
    await store.load(4)
    await store.create({ nameDe: 'Beratungen', unit: 'Anzahl', direction: 'increase' })
    expect(api.createIndicator).toHaveBeenCalledWith(4, { nameDe: 'Beratungen', unit: 'Anzahl', direction: 'increase' })
    expect(store.indicators.map((i) => i.id)).toEqual([1, 2])
  })

  it('publishes with the version read and keeps the current record after a 412', async () => {
    vi.mocked(api.listIndicators).mockResolvedValue({ items: [indicator(1, 3)] })
    vi.mocked(api.updateIndicator).mockResolvedValueOnce({ ...indicator(1, 4), isPublic: true })
      .mockRejectedValueOnce(new ApiError(412, 'VERSION_CONFLICT', 'changed', undefined, { current: indicator(1, 6) }))
    const store = useIndicatorsAdminStore()
    await store.load(4)
    await store.update(1, { isPublic: true }, 3)
    expect(api.updateIndicator).toHaveBeenCalledWith(1, { isPublic: true }, 3)
    expect(store.indicators[0]?.isPublic).toBe(true)
    await expect(store.update(1, { unit: '%' }, 4)).rejects.toMatchObject({ status: 412 })
    expect(store.indicators[0]?.version).toBe(6)
  })

  it('adds and deletes values, and deletes an indicator with its version', async () => {
    const value = { id: 9, periodStart: '2024-01-01', periodEnd: '2024-12-31', category: null, value: 12, sourceNote: null, createdAt: '2025-01-02T10:00:00Z' }
    vi.mocked(api.listIndicators).mockResolvedValue({ items: [indicator(1, 2)] })
    vi.mocked(api.addIndicatorValue).mockResolvedValue(indicator(1, 2, [value]))
    vi.mocked(api.getIndicator).mockResolvedValue(indicator(1, 2))
    const store = useIndicatorsAdminStore()
    await store.load(4)
    await store.addValue(1, { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 12 })
    expect(store.indicators[0]?.values).toHaveLength(1)
    await store.removeValue(1, 9)
    expect(api.deleteIndicatorValue).toHaveBeenCalledWith(1, 9)
    expect(store.indicators[0]?.values).toHaveLength(0)
    await store.remove(store.indicators[0]!)
    expect(api.deleteIndicator).toHaveBeenCalledWith(1, 2)
    expect(store.indicators).toEqual([])
  })
})
