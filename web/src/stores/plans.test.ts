import type { PlanDetail, PlanProgress } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/plans'
import { ApiError } from '@/api/http'
import { buildPlan, buildProgress } from '@/testing/fixtures'
import { usePlansStore } from './plans'

vi.mock('@/api/plans')

const plan = { id: 1, citySlug: 'jena', titleDe: 'Plan', commitments: [] } as unknown as PlanDetail
const progress: PlanProgress = buildProgress([{ planned: 1 }])

describe('usePlansStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('loads plan and progress for the overview and ends idle', async () => {
    vi.mocked(api.getPlan).mockResolvedValue(plan)
    vi.mocked(api.getPlanProgress).mockResolvedValue(progress)
    const store = usePlansStore()
    const loading = store.loadOverview(1)
    expect(store.status).toBe('loading')
    await loading
    expect(store.status).toBe('idle')
    expect(store.plans[1]).toEqual(plan)
    expect(store.progress[1]).toEqual(progress)
    expect(api.getPlanStatusHistory).not.toHaveBeenCalled()
  })

  it('loads the progress of several plans for the start page, marking the one that failed without holding up the others', async () => {
    vi.mocked(api.getPlanProgress).mockImplementation(async (id) => {
      if (id === 2) throw new ApiError(404, 'PLAN_NOT_FOUND', 'gone')
      return { ...progress, planId: id }
    })
    const store = usePlansStore()
    await store.loadProgressOf([1, 2, 3])
    expect(Object.keys(store.progress)).toEqual(['1', '3'])
    expect(store.progressFailed).toEqual({ 2: true })
    expect(store.status).toBe('idle')
  })

  it('does not fetch a plan again once it has it', async () => {
    vi.mocked(api.getPlan).mockResolvedValue(plan)
    const store = usePlansStore()
    await store.loadPlan(1)
    await store.loadPlan(1)
    expect(api.getPlan).toHaveBeenCalledTimes(1)
  })

  it('reads the plan again with its context texts for a commitment page, and only once', async () => {
    const overview = buildPlan()
    const withContexts = buildPlan()
    for (const c of overview.commitments) {
      delete c.contextDe
      delete c.contextEn
    }
    vi.mocked(api.getPlan).mockImplementation(async (_id, options) => (options?.contexts ? withContexts : overview))
    const store = usePlansStore()
    await store.loadPlan(1)
    expect(store.plans[1]!.commitments[0]).not.toHaveProperty('contextDe')
    await store.loadPlanWithContexts(1)
    await store.loadPlanWithContexts(1)
    await store.loadPlan(1)
    expect(vi.mocked(api.getPlan).mock.calls).toEqual([[1], [1, { contexts: true }]])
    expect(store.plans[1]!.commitments[0]!.contextDe).toBe('Erster Absatz.\n\nZweiter Absatz.')
  })

  it('loads the status history for the dashboard', async () => {
    vi.mocked(api.getPlan).mockResolvedValue(plan)
    vi.mocked(api.getPlanProgress).mockResolvedValue(progress)
    vi.mocked(api.getPlanStatusHistory).mockResolvedValue({ items: [] })
    const store = usePlansStore()
    await store.loadDashboard(1)
    expect(store.history[1]).toEqual([])
  })

  it('captures the error when a load fails', async () => {
    vi.mocked(api.getPlan).mockRejectedValue(new ApiError(404, 'PLAN_NOT_FOUND', 'Plan 9 not found'))
    const store = usePlansStore()
    await store.loadPlan(9)
    expect(store.status).toBe('error')
    expect(store.error).toMatchObject({ status: 404, code: 'PLAN_NOT_FOUND' })
  })

  it('keeps the state of the newest request when an older one fails late', async () => {
    let rejectOld: (e: unknown) => void = () => {}
    vi.mocked(api.getPlan)
      .mockImplementationOnce(() => new Promise((_, reject) => { rejectOld = reject }))
      .mockResolvedValueOnce({ ...plan, id: 2 })
    const store = usePlansStore()
    const old = store.loadPlan(1)
    await store.loadPlan(2)
    rejectOld(new Error('late'))
    await old
    expect(store.status).toBe('idle')
    expect(store.error).toBeNull()
  })

  it('loads a plan\'s submitted reports once, apart from the page\'s status', async () => {
    const report = { cycleId: 4, title: 'Bericht', titleEn: null, periodStart: '2022-01-01', periodEnd: '2023-12-31', submittedAt: '2024-03-01T10:00:00Z', htmlUrl: '/api/plans/1/reports/4' }
    vi.mocked(api.getPlanReports).mockResolvedValue({ items: [report] })
    const store = usePlansStore()
    await store.loadReports(1)
    await store.loadReports(1)
    expect(api.getPlanReports).toHaveBeenCalledTimes(1)
    expect(store.reports[1]).toEqual([report])
    expect(store.status).toBe('idle')
    vi.mocked(api.getPlanReports).mockRejectedValue(new ApiError(500, 'INTERNAL_ERROR', 'x'))
    await store.loadReports(2)
    expect(store.reportsStatus).toBe('error')
    expect(store.reports[2]).toBeUndefined()
  })
})
