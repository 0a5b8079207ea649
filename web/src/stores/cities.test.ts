import type { PlanSummary } from '@eccar/shared'
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

  it('loads every city with its plans once', async () => {
    vi.mocked(api.listCities).mockResolvedValue({ items: [{ id: 1, slug: 'jena', name: 'Jena' }] })
    vi.mocked(api.listPlansOfCity).mockResolvedValue({ items: [plan(1, '2022-01-01', 'adopted')] })
    const store = useCitiesStore()
    await store.loadOverview()
    await store.loadOverview()
    expect(api.listCities).toHaveBeenCalledTimes(1)
    expect(store.citiesWithPlans[0]?.current?.id).toBe(1)
    expect(store.status).toBe('idle')
  })

  it('captures the error and loads again when forced', async () => {
    vi.mocked(api.listCities).mockRejectedValueOnce(new Error('boom')).mockResolvedValueOnce({ items: [] })
    const store = useCitiesStore()
    await store.loadOverview()
    expect(store.status).toBe('error')
    expect(store.error?.code).toBe('UNKNOWN_ERROR')
    await store.loadOverview({ force: true })
    expect(store.status).toBe('idle')
  })
})
