import type { PlanDetail, PlanProgress } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { ApiError } from '@/api/http'
import * as brandApi from '@/api/brand'
import * as api from '@/api/plans'
import { buildProgress } from '@/testing/fixtures'
import { useBrandingStore } from '@/stores/branding'
import { usePlansStore } from '@/stores/plans'
import { firstReadsOf } from './first-reads'
import { createAppRouter } from './index'

vi.mock('@/api/plans')
vi.mock('@/api/brand')

const plan = { id: 1, citySlug: 'jena', titleDe: 'Plan', commitments: [] } as unknown as PlanDetail
const progress: PlanProgress = buildProgress([{ planned: 1 }])

async function arriveAt (path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  return router
}

describe('first reads of the page a visit starts on', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
    vi.mocked(brandApi.getBranding).mockRejectedValue(new ApiError(404, 'CITY_NOT_FOUND', 'no such city'))
  })

  it('are in the store before the app mounts, so the plan page shows at once and its own load reads nothing again', async () => {
    vi.mocked(api.getPlan).mockResolvedValue(plan)
    vi.mocked(api.getPlanProgress).mockResolvedValue(progress)
    await firstReadsOf(await arriveAt('/jena/plans/1'))
    const store = usePlansStore()
    expect(store.plans[1]).toEqual(plan)
    expect(store.progress[1]).toEqual(progress)
    await store.loadOverview(1)
    expect(api.getPlan).toHaveBeenCalledTimes(1)
    expect(api.getPlanProgress).toHaveBeenCalledTimes(1)
  })

  it('let the app mount when a read fails, the page then shows the error with its retry', async () => {
    vi.mocked(api.getPlan).mockRejectedValue(new ApiError(404, 'PLAN_NOT_FOUND', 'gone'))
    vi.mocked(api.getPlanProgress).mockResolvedValue(progress)
    await expect(firstReadsOf(await arriveAt('/jena/plans/1'))).resolves.toBeUndefined()
    expect(usePlansStore().status).toBe('error')
  })

  it('include the city\'s look on a city\'s page, so the header shows its logo and colour in the first paint', async () => {
    const look = { citySlug: 'jena', cityName: 'Jena', accentColour: '#0b5394', logoUrl: '/api/cities/jena/logo?v=2' }
    vi.mocked(brandApi.getBranding).mockResolvedValue(look as Awaited<ReturnType<typeof brandApi.getBranding>>)
    vi.mocked(api.getPlan).mockResolvedValue(plan)
    vi.mocked(api.getPlanProgress).mockResolvedValue(progress)
    await firstReadsOf(await arriveAt('/jena/plans/1'))
    expect(brandApi.getBranding).toHaveBeenCalledWith('jena')
    expect(useBrandingStore().byCity.jena).toEqual(look)
  })

  it('are none for a page that declares none', async () => {
    await firstReadsOf(await arriveAt('/barrierefreiheit'))
    expect(api.getPlan).not.toHaveBeenCalled()
    expect(brandApi.getBranding).not.toHaveBeenCalled()
  })
})
