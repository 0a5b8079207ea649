import type { SteeringGroup } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as measuresApi from '@/api/measures'
import * as plansApi from '@/api/admin/plans'
import * as api from '@/api/admin/steering'
import { buildMeasureSummary, buildPlan } from '@/testing/fixtures'
import { useAdminSteeringStore } from './admin-steering'

vi.mock('@/api/admin/steering')
vi.mock('@/api/admin/plans')
vi.mock('@/api/measures')

const group = (overrides: Partial<SteeringGroup> = {}): SteeringGroup => ({
  cadenceMonths: 12, attentionStaleMonths: 6, incidentThreshold: 5, timeZone: 'Europe/Berlin', lastMeetingDate: null, nextMeetingDue: null, members: [], meetings: [], version: 1, ...overrides,
})

describe('useAdminSteeringStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('reads the group again after a meeting is recorded (the due date follows from it)', async () => {
    vi.mocked(api.createMeeting).mockResolvedValue({ id: 3, date: '2026-03-01', agenda: null, minutes: null, attendees: [], decisions: [], version: 1 })
    vi.mocked(api.getSteeringGroup).mockResolvedValue(group({ lastMeetingDate: '2026-03-01', nextMeetingDue: '2027-03-01' }))
    const store = useAdminSteeringStore()
    const meeting = await store.addMeeting('jena', { date: '2026-03-01' })
    expect(meeting.id).toBe(3)
    expect(store.meetings[3]).toBeDefined()
    expect(store.groups.jena?.nextMeetingDue).toBe('2027-03-01')
  })

  it('saves the settings with the city\'s version', async () => {
    vi.mocked(api.updateSettings).mockResolvedValue(group({ cadenceMonths: 6, version: 2 }))
    const store = useAdminSteeringStore()
    await store.saveSettings('jena', { steeringCadenceMonths: 6 }, 1)
    expect(api.updateSettings).toHaveBeenCalledWith('jena', { steeringCadenceMonths: 6 }, 1)
    expect(store.groups.jena?.cadenceMonths).toBe(6)
  })

  it('collects the measures of every plan of the city for linking decisions, once', async () => {
    vi.mocked(plansApi.listCityPlans).mockResolvedValue({ items: [buildPlan({ id: 1 }), buildPlan({ id: 2, periodStart: '2024-01-01' })] })
    vi.mocked(measuresApi.listAllMeasures).mockImplementation(async (planId) => [buildMeasureSummary({ id: planId * 10 })])
    const store = useAdminSteeringStore()
    await store.loadCityMeasures('jena')
    await store.loadCityMeasures('jena')
    expect(store.cityMeasures.jena?.map((p) => p.plan.id)).toEqual([2, 1])
    expect(plansApi.listCityPlans).toHaveBeenCalledTimes(1)
  })
})
