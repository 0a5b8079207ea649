import type { CityList, PlanSummary } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/cities'
import { currentPlanOf, useCitiesStore } from './cities'

vi.mock('@/api/cities')

const plan = (id: number, periodStart: string, state: PlanSummary['state']) => ({ id, periodStart, state }) as PlanSummary

describe('currentPlanOf', () => {
  it('picks the latest adopted plan, else the latest closed one', () => {
    expect(currentPlanOf([plan(1, '2022-01-01', 'closed'), plan(2, '2024-01-01', 'adopted'), plan(3, '2020-01-01', 'adopted')])?.id).toBe(2)
    expect(currentPlanOf([plan(1, '2018-01-01', 'closed'), plan(4, '2020-01-01', 'closed')])?.id).toBe(4)
    expect(currentPlanOf([])).toBeNull()
  })
})

describe('useCitiesStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('loads a page of cities with their plans once', async () => {
    vi.mocked(api.listCities).mockResolvedValue({ items: [{ id: 1, slug: 'jena', name: 'Jena' }], total: 1, limit: 10, offset: 0 })
    vi.mocked(api.listPlansOfCity).mockResolvedValue({ items: [plan(1, '2022-01-01', 'adopted')] })
    const store = useCitiesStore()
    await store.loadOverview()
    await store.loadOverview()
    expect(api.listCities).toHaveBeenCalledTimes(1)
    expect(api.listCities).toHaveBeenCalledWith({ limit: 10, offset: 0 })
    expect(store.citiesWithPlans[0]?.current?.id).toBe(1)
    expect(store.status).toBe('idle')
  })

  it('asks for another page\'s window, and only that page\'s cities for their plans', async () => {
    const cities = [{ id: 11, slug: 'weimar', name: 'Weimar' }, { id: 12, slug: 'zeitz', name: 'Zeitz' }]
    vi.mocked(api.listCities).mockResolvedValue({ items: cities, total: 12, limit: 10, offset: 10 })
    vi.mocked(api.listPlansOfCity).mockResolvedValue({ items: [] })
    const store = useCitiesStore()
    await store.loadOverview({ page: 2 })
    expect(api.listCities).toHaveBeenCalledWith({ limit: 10, offset: 10 })
    expect(vi.mocked(api.listPlansOfCity).mock.calls.map(([slug]) => slug)).toEqual(['weimar', 'zeitz'])
    expect(store.pages).toBe(2)
    expect(store.page).toBe(2)
  })

  it('shows only the newest page when pages are asked for quickly one after another', async () => {
    let answerFirst: (value: CityList) => void = () => {}
    vi.mocked(api.listCities)
      .mockReturnValueOnce(new Promise((resolve) => { answerFirst = resolve }))
      .mockResolvedValueOnce({ items: [{ id: 2, slug: 'gera', name: 'Gera' }], total: 12, limit: 10, offset: 10 })
    vi.mocked(api.listPlansOfCity).mockResolvedValue({ items: [] })
    const store = useCitiesStore()
    const first = store.loadOverview({ page: 1 })
    await store.loadOverview({ page: 2 })
    answerFirst({ items: [{ id: 1, slug: 'jena', name: 'Jena' }], total: 12, limit: 10, offset: 0 })
    await first
    expect(store.cities.map((c) => c.slug)).toEqual(['gera'])
    expect(store.page).toBe(2)
  })

  it('captures the error and loads again when forced', async () => {
    vi.mocked(api.listCities).mockRejectedValueOnce(new Error('boom')).mockResolvedValueOnce({ items: [], total: 0, limit: 10, offset: 0 })
    const store = useCitiesStore()
    await store.loadOverview()
    expect(store.status).toBe('error')
    expect(store.error?.code).toBe('UNKNOWN_ERROR')
    await store.loadOverview({ force: true })
    expect(store.status).toBe('idle')
  })
})
