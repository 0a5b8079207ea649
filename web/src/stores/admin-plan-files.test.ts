import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/admin/plan-admin'
import * as plansApi from '@/api/admin/plans'
import { ApiError } from '@/api/http'
import { buildPlan } from '@/testing/fixtures'
import { useAdminPlanStore } from './admin-plan'
import { useAdminPlanFilesStore } from './admin-plan-files'

vi.mock('@/api/admin/plan-admin')
vi.mock('@/api/admin/plans')

const summaryOf = ({ introDe: _i, introEn: _e, commitments: _c, ...plan }: ReturnType<typeof buildPlan>) => plan

describe('useAdminPlanFilesStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('deletes a draft with the version read and shows the list without it', async () => {
    const draft = summaryOf(buildPlan({ id: 2, state: 'draft', version: 3 }))
    vi.mocked(plansApi.listCityPlans).mockResolvedValue({ items: [] })
    await useAdminPlanFilesStore().deletePlan(draft)
    expect(api.deletePlan).toHaveBeenCalledWith(2, 3)
    expect(useAdminPlanStore().cityPlans.jena).toEqual([])
  })

  it('adopts a draft by changing its state with the version read', async () => {
    const draft = summaryOf(buildPlan({ id: 2, state: 'draft', version: 3 }))
    vi.mocked(plansApi.updatePlan).mockResolvedValue(buildPlan({ id: 2, state: 'adopted', version: 4 }))
    vi.mocked(plansApi.listCityPlans).mockResolvedValue({ items: [summaryOf(buildPlan({ id: 2, state: 'adopted', version: 4 }))] })
    await useAdminPlanFilesStore().changeState(draft, 'adopted')
    expect(plansApi.updatePlan).toHaveBeenCalledWith(2, { state: 'adopted' }, 3)
    expect(useAdminPlanStore().cityPlans.jena?.[0]?.state).toBe('adopted')
  })

  it('leaves the list as it was when the import is refused', async () => {
    vi.mocked(api.importPlan).mockRejectedValue(new ApiError(409, 'PLAN_EXISTS', 'x'))
    const file = new File(['{}'], 'plan.json')
    await expect(useAdminPlanFilesStore().importPlan('jena', file, () => {})).rejects.toMatchObject({ code: 'PLAN_EXISTS' })
    expect(plansApi.listCityPlans).not.toHaveBeenCalled()
  })
})
