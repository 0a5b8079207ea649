import type { MeasureSummary, PlanAttention, PlanSummary } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { listPlansOfCity } from '@/api/cities'
import type { ApiError } from '@/api/http'
import * as measuresApi from '@/api/measures'
import * as api from '@/api/workspace'
import { mergeAttention } from '@/lib/attention'
import { compareIso } from '@/lib/compare'
import { toApiError, type LoadStatus } from './load-state'

/** The plan the steering group works on: the newest adopted one (drafts and closed plans are not reported on). */
export function newestAdoptedPlan (plans: readonly PlanSummary[]): PlanSummary | null {
  return [...plans].filter((p) => p.state === 'adopted').sort((a, b) => compareIso(b.periodStart, a.periodStart))[0] ?? null
}

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** The workspace start page: "my measures" and "needs attention" of a city's current plan. Always fresh, never cached. */
export const useWorkspaceStore = defineStore('workspace', () => {
  const city = ref<string | null>(null)
  const plan = ref<PlanSummary | null>(null)
  const measures = ref<MeasureSummary[]>([])
  /** The organisations the lists are limited to (a limited editor's bodies); empty: all measures. */
  const limitedTo = ref<number[]>([])
  const attention = ref<PlanAttention | null>(null)
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  let latest = 0

  /** `staleMonths`: the workspace's filter; without it the city's setting applies. */
  async function load (citySlug: string, organisationIds: readonly number[], staleMonths?: number) {
    const request = ++latest
    status.value = 'loading'
    error.value = null
    try {
      const current = newestAdoptedPlan((await listPlansOfCity(citySlug)).items)
      let items: MeasureSummary[] = []
      let needs: PlanAttention | null = null
      if (current) {
        const attentionAnswers = organisationIds.length
          ? Promise.all(organisationIds.map((id) => (staleMonths === undefined ? api.getAttention(current.id, id) : api.getAttention(current.id, id, staleMonths))))
          : (staleMonths === undefined ? api.getAttention(current.id) : api.getAttention(current.id, undefined, staleMonths)).then((answer) => [answer])
        const [list, answers] = await Promise.all([measuresApi.listAllMeasures(current.id, organisationIds), attentionAnswers])
        items = list
        needs = mergeAttention(answers)
      }
      if (request !== latest) return
      city.value = citySlug
      plan.value = current
      measures.value = items
      limitedTo.value = [...organisationIds]
      attention.value = needs
      status.value = 'idle'
    } catch (e) {
      if (request !== latest) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  return { city, plan, measures, limitedTo, attention, status, error, load }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkspaceStore, import.meta.hot))
