import type { Commitment, PlanDetail, PlanSummary, UpdatePlan, UpdatePlanCommitment } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/admin/plans'
import type { ApiError } from '@/api/http'
import { toApiError, type LoadStatus } from './load-state'
import { usePlansStore } from './plans'

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** The city's plans as the administration edits them: always read fresh, drafts included. */
export const useAdminPlanStore = defineStore('admin-plan', () => {
  const cityPlans = ref<Record<string, PlanSummary[]>>({})
  const plans = ref<Record<number, PlanDetail>>({})
  const commitments = ref<Commitment[]>([])
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  let latest = 0

  async function track (work: () => Promise<void>) {
    const request = ++latest
    status.value = 'loading'
    error.value = null
    try {
      await work()
      if (request === latest) status.value = 'idle'
    } catch (e) {
      if (request !== latest) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  const loadCityPlans = (city: string) => track(async () => { cityPlans.value[city] = (await api.listCityPlans(city)).items })
  const loadPlan = (id: number) => track(async () => { plans.value[id] = await api.getPlan(id) })

  /** The ten ECCAR commitments with example actions: reference data, read once. */
  async function loadCommitments () {
    if (commitments.value.length) return
    try {
      commitments.value = (await api.listCommitments()).items
    } catch {
      // Left empty: the measure form then offers no example actions, and the next visit tries again.
    }
  }

  function stored (plan: PlanDetail) {
    plans.value[plan.id] = plan
    const list = cityPlans.value[plan.citySlug]
    if (list) cityPlans.value[plan.citySlug] = list.map((p) => (p.id === plan.id ? { ...p, ...plan } : p))
    // The public pages cache plans for the visit; they must show the change.
    usePlansStore().forget(plan.id)
    return plan
  }

  const savePlan = async (id: number, body: UpdatePlan, version: number) => stored(await api.updatePlan(id, body, version))
  const saveCommitment = async (id: number, number: number, body: UpdatePlanCommitment, version: number) =>
    stored(await api.updatePlanCommitment(id, number, body, version))

  return { cityPlans, plans, commitments, status, error, loadCityPlans, loadPlan, loadCommitments, savePlan, saveCommitment }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminPlanStore, import.meta.hot))
