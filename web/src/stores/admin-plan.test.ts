import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/admin/plans'
import { buildPlan } from '@/testing/fixtures'
import { useAdminPlanStore } from './admin-plan'
import { usePlansStore } from './plans'

vi.mock('@/api/admin/plans')

describe('useAdminPlanStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('reads the plan fresh every time (versions must be current)', async () => {
    vi.mocked(api.getPlan).mockResolvedValueOnce(buildPlan({ version: 1 })).mockResolvedValueOnce(buildPlan({ version: 2 }))
    const store = useAdminPlanStore()
    await store.loadPlan(1)
    await store.loadPlan(1)
    expect(store.plans[1]?.version).toBe(2)
  })

  it('saves a commitment\'s texts with the plan\'s version and makes the public pages read the plan again', async () => {
    const saved = buildPlan({ version: 4 })
    vi.mocked(api.updatePlanCommitment).mockResolvedValue(saved)
    vi.mocked(api.listCityPlans).mockResolvedValue({ items: [buildPlan({ version: 3 })] })
    const store = useAdminPlanStore()
    await store.loadCityPlans('jena')
    const publicStore = usePlansStore()
    publicStore.plans[1] = buildPlan({ version: 3 })
    await store.saveCommitment(1, 2, { contextDe: 'Neu' }, 3)
    expect(api.updatePlanCommitment).toHaveBeenCalledWith(1, 2, { contextDe: 'Neu' }, 3)
    expect(store.plans[1]?.version).toBe(4)
    expect(store.cityPlans.jena?.[0]?.version).toBe(4)
    expect(publicStore.plans[1]).toBeUndefined()
  })

  it('reads the ECCAR commitments once and stays quiet when that fails', async () => {
    vi.mocked(api.listCommitments).mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({ items: [{ number: 1 }] as never })
    const store = useAdminPlanStore()
    await store.loadCommitments()
    expect(store.commitments).toEqual([])
    await store.loadCommitments()
    await store.loadCommitments()
    expect(api.listCommitments).toHaveBeenCalledTimes(2)
    expect(store.commitments).toHaveLength(1)
  })
})
