import type {
  CreateReportingCycle, CycleComparison, CycleState, PlanCommitment, PlanSummary, SteeringMeetingSummary, ReportingCycle, ReportingCycleSummary, UpdateCycleNarrative, UpdateReportingCycle,
} from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { getSteeringGroup } from '@/api/admin/steering'
import { listPlansOfCity } from '@/api/cities'
import { getPlan } from '@/api/plans'
import type { ApiError } from '@/api/http'
import type { ReportRequest } from '@/api/links'
import * as api from '@/api/reporting'
import { saveBlob } from '@/lib/save-file'
import { toApiError, type LoadStatus } from './load-state'
import { newestAdoptedPlan } from './workspace'

/** The record a 412 answer carries as it is now, when it is a reporting cycle. */
function currentOf (error: ApiError): ReportingCycle | null {
  const current = (error.body as { current?: unknown } | null)?.current
  return current && typeof current === 'object' && 'narratives' in current ? current as ReportingCycle : null
}

/** Reporting cycles of a city's current plan, one open cycle with its narratives, and a comparison. Always fresh. */
export const useReportingStore = defineStore('reporting', () => {
  const city = ref<string | null>(null)
  const plan = ref<PlanSummary | null>(null)
  const cycles = ref<ReportingCycleSummary[]>([])
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)

  const cycle = ref<ReportingCycle | null>(null)
  const cycleStatus = ref<LoadStatus>('idle')
  const cycleError = ref<ApiError | null>(null)

  const comparison = ref<CycleComparison | null>(null)
  const comparisonStatus = ref<LoadStatus>('idle')
  const comparisonError = ref<ApiError | null>(null)
  /** The ten commitments of the open cycle's plan (their titles head the narratives). */
  const commitments = ref<PlanCommitment[]>([])
  let commitmentsOfPlan: number | null = null
  /** The city's steering-group meetings, newest first: an approval may name the one that decided it. */
  const meetings = ref<SteeringMeetingSummary[]>([])
  let latestList = 0
  let latestCycle = 0

  /** The cycles of the city's current plan, or of the city's plan `planId` (any state: drafts and past plans report too). */
  async function loadList (citySlug: string, planId: number | null = null) {
    const request = ++latestList
    status.value = 'loading'
    error.value = null
    try {
      const plans = (await listPlansOfCity(citySlug)).items
      const current = planId === null ? newestAdoptedPlan(plans) : plans.find((p) => p.id === planId) ?? null
      const items = current ? (await api.listCycles(current.id)).items : []
      if (request !== latestList) return
      city.value = citySlug
      plan.value = current
      cycles.value = items
      status.value = 'idle'
    } catch (e) {
      if (request !== latestList) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  /** Opens a cycle (kind, period, due date; the server's defaults for what is left out); throws the API's error for the form to explain. */
  async function create (body: CreateReportingCycle = {}): Promise<ReportingCycle> {
    if (!plan.value) throw new Error('no plan')
    const created = await api.createCycle(plan.value.id, body)
    cycles.value = [...cycles.value, created]
    return created
  }

  async function loadCycle (id: number) {
    const request = ++latestCycle
    cycleStatus.value = 'loading'
    cycleError.value = null
    if (cycle.value?.id !== id) comparison.value = null
    try {
      const answer = await api.getCycle(id)
      if (request !== latestCycle) return
      cycle.value = answer
      cycleStatus.value = 'idle'
      void loadCommitments(answer.planId)
    } catch (e) {
      if (request !== latestCycle) return
      cycleError.value = toApiError(e)
      cycleStatus.value = 'error'
    }
  }

  /** Runs a versioned write; a 412 brings the cycle as it is now (kept), then the error is thrown on. */
  async function versioned (write: (c: ReportingCycle) => Promise<ReportingCycle>): Promise<ReportingCycle> {
    const before = cycle.value
    if (!before) throw new Error('no cycle')
    try {
      const next = await write(before)
      cycle.value = next
      return next
    } catch (e) {
      const failure = toApiError(e)
      const current = failure.status === 412 ? currentOf(failure) : null
      if (current) cycle.value = current
      throw failure
    }
  }

  /** Keeps the list's summary of a cycle in step with the cycle's answer. */
  function summarise (next: ReportingCycle) {
    cycles.value = cycles.value.map((s) => (s.id === next.id ? next : s))
    return next
  }

  /**
   * Saves one commitment's texts against that narrative's version (not the cycle's): people writing
   * different commitments never collide. The answer is the whole cycle, with everyone's texts.
   */
  const saveNarrative = (number: number, texts: Omit<UpdateCycleNarrative, 'version'>, version: number) =>
    versioned((c) => api.putNarrative(c.id, number, texts, version))

  /** The cycle's title (German, English) or due date; admins, while open or in review. */
  const updateCycle = (changes: Omit<UpdateReportingCycle, 'version'>) =>
    versioned(async (c) => summarise(await api.updateCycle(c.id, changes, c.version)))

  /** One step of the cycle; an approval may name the steering-group meeting that decided it. */
  const transition = (to: CycleState, approvalMeetingId: number | null = null) =>
    versioned(async (c) => summarise(await api.transitionCycle(c.id, to, c.version, approvalMeetingId)))

  /** The plan's commitment titles; without them the narratives are headed by number only. */
  async function loadCommitments (planId: number) {
    if (commitmentsOfPlan === planId) return
    try {
      commitments.value = (await getPlan(planId)).commitments
      commitmentsOfPlan = planId
    } catch {
      commitments.value = []
    }
  }

  /** The city's meetings for the approval's choice; without them the approval is recorded without a meeting. */
  async function loadMeetings (citySlug: string) {
    try {
      meetings.value = (await getSteeringGroup(citySlug)).meetings
    } catch {
      meetings.value = []
    }
  }

  /** Reads the cycle again without the loading state (after a refusal, to show what is missing now). */
  async function refreshCycle () {
    const current = cycle.value
    if (!current) return
    try {
      const answer = await api.getCycle(current.id)
      if (cycle.value?.id === answer.id) cycle.value = answer
    } catch {
      // The cycle as shown stays; the refusal itself is already explained.
    }
  }

  async function compare (from: number, to: number) {
    comparisonStatus.value = 'loading'
    comparisonError.value = null
    try {
      comparison.value = await api.compareCycles(from, to)
      comparisonStatus.value = 'idle'
    } catch (e) {
      comparison.value = null
      comparisonError.value = toApiError(e)
      comparisonStatus.value = 'error'
    }
  }

  /**
   * Downloads a cycle's report and hands it to the browser; `onProgress` follows the bytes received (the total
   * is null when unknown). Resolves to the file's name; throws the API's error (429 while another export runs).
   */
  async function downloadReport (cycleId: number, request: ReportRequest, onProgress: (received: number, total: number | null) => void): Promise<string> {
    const file = await api.downloadReport(cycleId, request, onProgress)
    saveBlob(file.blob, file.fileName)
    return file.fileName
  }

  return {
    city, plan, cycles, status, error, cycle, cycleStatus, cycleError, comparison, comparisonStatus, comparisonError, commitments, meetings,
    loadList, create, loadCycle, saveNarrative, updateCycle, transition, loadMeetings, refreshCycle, compare, downloadReport,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReportingStore, import.meta.hot))
