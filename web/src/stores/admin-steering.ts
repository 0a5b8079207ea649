import type {
  CreateSteeringMeeting, CreateSteeringMember, MeasureSummary, PlanSummary, SteeringGroup,
  SteeringMeeting, SteeringMember, UpdateCitySettings, UpdateSteeringMeeting, UpdateSteeringMember,
} from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { listCityPlans } from '@/api/admin/plans'
import * as api from '@/api/admin/steering'
import { listAllMeasures } from '@/api/measures'
import type { ApiError } from '@/api/http'
import { compareIso } from '@/lib/compare'
import { toApiError, type LoadStatus } from './load-state'

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** The steering group of a city: settings, seats, meetings (summaries) and meetings read in full. */
export const useAdminSteeringStore = defineStore('admin-steering', () => {
  const groups = ref<Record<string, SteeringGroup>>({})
  const meetings = ref<Record<number, SteeringMeeting>>({})
  /** The city's measures by plan, for linking decisions to measures. */
  const cityMeasures = ref<Record<string, { plan: PlanSummary, measures: MeasureSummary[] }[]>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)

  async function run (work: () => Promise<void>) {
    status.value = 'loading'
    error.value = null
    try {
      await work()
      status.value = 'idle'
    } catch (e) {
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  const loadGroup = (city: string) => run(async () => { groups.value[city] = await api.getSteeringGroup(city) })
  const loadMeeting = (id: number) => run(async () => { meetings.value[id] = await api.getMeeting(id) })
  /** Seats, meeting dates and the due date change with every write below: read the group again. */
  const refresh = async (city: string) => { groups.value[city] = await api.getSteeringGroup(city) }

  /** Measures of every plan of the city (newest plan first); quiet on failure (decisions then link none). */
  async function loadCityMeasures (city: string) {
    if (cityMeasures.value[city]) return
    try {
      const plans = (await listCityPlans(city)).items.sort((a, b) => compareIso(b.periodStart, a.periodStart))
      cityMeasures.value[city] = await Promise.all(plans.map(async (plan) => ({ plan, measures: await listAllMeasures(plan.id) })))
    } catch {
      // Left unset, so the next visit tries again.
    }
  }

  async function saveSettings (city: string, body: UpdateCitySettings, version: number) {
    const group = await api.updateSettings(city, body, version)
    groups.value[city] = group
    return group
  }

  async function addMember (city: string, body: CreateSteeringMember) {
    const member = await api.createMember(city, body)
    await refresh(city)
    return member
  }

  async function saveMember (city: string, id: number, body: UpdateSteeringMember, version: number): Promise<SteeringMember> {
    const member = await api.updateMember(id, body, version)
    await refresh(city)
    return member
  }

  async function removeMember (city: string, member: SteeringMember) {
    await api.deleteMember(member.id, member.version)
    await refresh(city)
  }

  async function addMeeting (city: string, body: CreateSteeringMeeting) {
    const meeting = await api.createMeeting(city, body)
    meetings.value[meeting.id] = meeting
    await refresh(city)
    return meeting
  }

  async function saveMeeting (city: string, id: number, body: UpdateSteeringMeeting, version: number) {
    const meeting = await api.updateMeeting(id, body, version)
    meetings.value[id] = meeting
    await refresh(city)
    return meeting
  }

  async function removeMeeting (city: string, meeting: { id: number, version: number }) {
    await api.deleteMeeting(meeting.id, meeting.version)
    delete meetings.value[meeting.id]
    await refresh(city)
  }

  return {
    groups, meetings, cityMeasures, status, error,
    loadGroup, loadMeeting, loadCityMeasures, saveSettings, addMember, saveMember, removeMember, addMeeting, saveMeeting, removeMeeting,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminSteeringStore, import.meta.hot))
