import type { Indicator, PublicIncidents } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { markRaw, ref } from 'vue'
import { publicIncidents } from '@/api/incidents'
import { listIndicators } from '@/api/indicators'
import { publishedIndicators } from '@/lib/indicators'

/**
 * The dashboard's additions below its charts: the plan's published indicators and the city's published
 * incident releases. Both are quiet on failure: without them the page still says what it must.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const indicators = ref<Indicator[]>([])
  const incidents = ref<PublicIncidents | null>(null)
  let latestIndicators = 0
  let latestIncidents = 0
  // Another plan's or city's figures never show while the new ones load.
  let indicatorsOf: number | null = null
  let incidentsOf: string | null = null

  async function loadIndicators (planId: number) {
    const request = ++latestIndicators
    if (indicatorsOf !== planId) indicators.value = []
    indicatorsOf = planId
    try {
      const answer = await listIndicators(planId)
      if (request === latestIndicators) indicators.value = markRaw(publishedIndicators(answer.items))
    } catch {
      if (request === latestIndicators) indicators.value = []
    }
  }

  /** The newest period's release, or the given one; a failed switch to another release keeps the shown one. */
  async function loadIncidents (city: string, release?: number) {
    const request = ++latestIncidents
    if (incidentsOf !== city) incidents.value = null
    incidentsOf = city
    try {
      const answer = await publicIncidents(city, release)
      if (request === latestIncidents) incidents.value = markRaw(answer)
    } catch {
      if (request === latestIncidents && release === undefined) incidents.value = null
    }
  }

  return { indicators, incidents, loadIndicators, loadIncidents }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardStore, import.meta.hot))
