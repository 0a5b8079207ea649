import type { PlanAttention, PlanSummary } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as cities from '@/api/cities'
import * as measuresApi from '@/api/measures'
import * as api from '@/api/workspace'
import { newestAdoptedPlan, useWorkspaceStore } from './workspace'

vi.mock('@/api/cities')
vi.mock('@/api/workspace')
vi.mock('@/api/measures')

const plan = (id: number, periodStart: string, state: PlanSummary['state']) => ({ id, periodStart, state }) as PlanSummary
const attention = (measureIds: number[]): PlanAttention => ({
  planId: 2, today: '2024-06-15', staleMonths: 6, total: measureIds.length,
  groups: [{ organisation: { id: 5, name: 'ADS', nameEn: null }, measures: measureIds.map((id) => ({ id, code: `1.${id}`, titleDe: 'M', titleEn: null, status: 'planned', progress: 0, endDate: '2023-12-31', lastUpdate: null, reasons: ['overdue'] })) }],
})

describe('newestAdoptedPlan', () => {
  it('picks the newest adopted plan, never a draft or a closed one', () => {
    expect(newestAdoptedPlan([plan(1, '2018-01-01', 'adopted'), plan(2, '2022-01-01', 'adopted'), plan(3, '2026-01-01', 'draft')])?.id).toBe(2)
    expect(newestAdoptedPlan([plan(4, '2020-01-01', 'closed')])).toBeNull()
  })
})

describe('useWorkspaceStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('loads all measures and the whole attention list for someone not limited to organisations', async () => {
    vi.mocked(cities.listPlansOfCity).mockResolvedValue({ items: [plan(2, '2022-01-01', 'adopted')] })
    vi.mocked(measuresApi.listAllMeasures).mockResolvedValue([{ id: 1 } as never])
    vi.mocked(api.getAttention).mockResolvedValue(attention([1]))
    const store = useWorkspaceStore()
    await store.load('jena', [])
    expect(measuresApi.listAllMeasures).toHaveBeenCalledWith(2, [])
    expect(api.getAttention).toHaveBeenCalledWith(2)
    expect(store.plan?.id).toBe(2)
    expect(store.measures).toHaveLength(1)
    expect(store.attention?.total).toBe(1)
    expect(store.status).toBe('idle')
  })

  it('asks once per organisation of a limited editor and merges the answers', async () => {
    vi.mocked(cities.listPlansOfCity).mockResolvedValue({ items: [plan(2, '2022-01-01', 'adopted')] })
    vi.mocked(measuresApi.listAllMeasures).mockResolvedValue([])
    vi.mocked(api.getAttention).mockImplementation(async (_plan, org) => attention(org === 5 ? [1, 2] : [2, 3]))
    const store = useWorkspaceStore()
    await store.load('jena', [5, 7])
    expect(measuresApi.listAllMeasures).toHaveBeenCalledWith(2, [5, 7])
    expect(api.getAttention).toHaveBeenCalledTimes(2)
    expect(store.attention?.total).toBe(3)
    expect(store.limitedTo).toEqual([5, 7])
  })

  it('has no plan and no lists when the city has no adopted plan', async () => {
    vi.mocked(cities.listPlansOfCity).mockResolvedValue({ items: [plan(3, '2026-01-01', 'draft')] })
    const store = useWorkspaceStore()
    await store.load('jena', [])
    expect(store.plan).toBeNull()
    expect(measuresApi.listAllMeasures).not.toHaveBeenCalled()
    expect(store.status).toBe('idle')
  })

  it('captures an error', async () => {
    vi.mocked(cities.listPlansOfCity).mockRejectedValue(new Error('boom'))
    const store = useWorkspaceStore()
    await store.load('jena', [])
    expect(store.status).toBe('error')
    expect(store.error?.code).toBe('UNKNOWN_ERROR')
  })
})
