import type { CycleNarrative, PlanDetail, PlanSummary, ReportingCycle, SteeringGroup } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as steering from '@/api/admin/steering'
import * as cities from '@/api/cities'
import { ApiError } from '@/api/http'
import * as plans from '@/api/plans'
import * as api from '@/api/reporting'
import { useReportingStore } from './reporting'

vi.mock('@/api/cities')
vi.mock('@/api/reporting')
vi.mock('@/api/plans')
vi.mock('@/api/admin/steering')

const plan = (id: number, state: PlanSummary['state']) => ({ id, periodStart: '2022-01-01', state }) as PlanSummary
const narrative = (version: number, textDe: string | null = null): CycleNarrative => ({
  number: 1, textDe, textEn: null, challengesDe: null, challengesEn: null, needsDe: null, needsEn: null,
  exchangeTopicsDe: null, exchangeTopicsEn: null, noNarrativeReasonDe: null, noNarrativeReasonEn: null, version,
})
const cycle = (version: number, state: ReportingCycle['state'] = 'open', narratives = [narrative(1)]): ReportingCycle => ({
  id: 7, planId: 2, title: 'Umsetzungsbericht 2022–2023', titleEn: null, periodStart: '2022-01-01', periodEnd: '2023-12-31', dueDate: null, kind: 'eccar', approvalMeeting: null, state,
  approvedAt: null, approvedBy: null, submittedAt: null, submittedBy: null, version, createdAt: '2024-01-01T00:00:00Z',
  narratives, completeness: { complete: false, missing: [1] }, nextStates: [],
})

describe('useReportingStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('lists the cycles of the newest adopted plan', async () => {
    vi.mocked(cities.listPlansOfCity).mockResolvedValue({ items: [plan(1, 'closed'), plan(2, 'adopted')] })
    vi.mocked(api.listCycles).mockResolvedValue({ items: [cycle(1)] })
    const store = useReportingStore()
    await store.loadList('jena')
    expect(api.listCycles).toHaveBeenCalledWith(2)
    expect(store.plan?.id).toBe(2)
    expect(store.cycles).toHaveLength(1)
    expect(store.city).toBe('jena')
  })

  it('has no cycles without an adopted plan and keeps load errors', async () => {
    vi.mocked(cities.listPlansOfCity).mockResolvedValue({ items: [plan(3, 'draft')] })
    const store = useReportingStore()
    await store.loadList('jena')
    expect(api.listCycles).not.toHaveBeenCalled()
    expect(store.cycles).toEqual([])
    vi.mocked(cities.listPlansOfCity).mockRejectedValue(new ApiError(500, 'INTERNAL_ERROR', 'x'))
    await store.loadList('jena')
    expect(store.status).toBe('error')
    expect(store.error?.code).toBe('INTERNAL_ERROR')
  })

  it('creates a cycle with the default period and adds it to the list', async () => {
    vi.mocked(cities.listPlansOfCity).mockResolvedValue({ items: [plan(2, 'adopted')] })
    vi.mocked(api.listCycles).mockResolvedValue({ items: [] })
    vi.mocked(api.createCycle).mockResolvedValue(cycle(1))
    const store = useReportingStore()
    await store.loadList('jena')
    await store.create()
    expect(api.createCycle).toHaveBeenCalledWith(2, {})
    expect(store.cycles.map((c) => c.id)).toEqual([7])
  })

  it('opens a yearly council cycle with its own period and due date', async () => {
    vi.mocked(cities.listPlansOfCity).mockResolvedValue({ items: [plan(2, 'adopted')] })
    vi.mocked(api.listCycles).mockResolvedValue({ items: [cycle(1)] })
    vi.mocked(api.createCycle).mockResolvedValue({ ...cycle(1), id: 8, kind: 'council' })
    const store = useReportingStore()
    await store.loadList('jena')
    const body = { kind: 'council' as const, periodStart: '2024-01-01', periodEnd: '2024-12-31', dueDate: '2025-03-31' }
    await store.create(body)
    expect(api.createCycle).toHaveBeenCalledWith(2, body)
    expect(store.cycles.map((c) => [c.id, c.kind])).toEqual([[7, 'eccar'], [8, 'council']])
  })

  it('reads the plan\'s commitment titles with the cycle, once per plan', async () => {
    vi.mocked(api.getCycle).mockResolvedValue(cycle(3))
    vi.mocked(plans.getPlan).mockResolvedValue({ commitments: [{ number: 1, titleDe: 'Wachsamkeit', titleEn: 'Vigilance' }] } as unknown as PlanDetail)
    const store = useReportingStore()
    await store.loadCycle(7)
    await vi.waitFor(() => expect(store.commitments.map((c) => c.titleDe)).toEqual(['Wachsamkeit']))
    await store.loadCycle(7)
    expect(plans.getPlan).toHaveBeenCalledTimes(1)
    expect(plans.getPlan).toHaveBeenCalledWith(2)
  })

  it('approves naming a steering-group meeting of the city', async () => {
    vi.mocked(api.getCycle).mockResolvedValue(cycle(3, 'in_review'))
    vi.mocked(steering.getSteeringGroup).mockResolvedValue({ meetings: [{ id: 12, date: '2025-03-12' }] } as unknown as SteeringGroup)
    vi.mocked(api.transitionCycle).mockResolvedValue({ ...cycle(4, 'approved'), approvalMeeting: { id: 12, date: '2025-03-12' } })
    const store = useReportingStore()
    await store.loadCycle(7)
    await store.loadMeetings('jena')
    expect(steering.getSteeringGroup).toHaveBeenCalledWith('jena')
    expect(store.meetings.map((m) => m.id)).toEqual([12])
    await store.transition('approved', 12)
    expect(api.transitionCycle).toHaveBeenCalledWith(7, 'approved', 3, 12)
    expect(store.cycle?.approvalMeeting).toEqual({ id: 12, date: '2025-03-12' })
  })

  it('saves a narrative with that narrative\'s own version and keeps the answer', async () => {
    vi.mocked(api.getCycle).mockResolvedValue(cycle(3, 'open', [narrative(2)]))
    vi.mocked(api.putNarrative).mockResolvedValue(cycle(3, 'open', [narrative(3, 'Text')]))
    const store = useReportingStore()
    await store.loadCycle(7)
    await store.saveNarrative(1, { textDe: 'Text', challengesEn: 'Staff' }, 2)
    expect(api.putNarrative).toHaveBeenCalledWith(7, 1, { textDe: 'Text', challengesEn: 'Staff' }, 2)
    expect(store.cycle?.version).toBe(3)
    expect(store.cycle?.narratives[0]).toMatchObject({ textDe: 'Text', version: 3 })
  })

  it('saves the cycle\'s titles with the cycle\'s version and updates the list', async () => {
    vi.mocked(cities.listPlansOfCity).mockResolvedValue({ items: [plan(2, 'adopted')] })
    vi.mocked(api.listCycles).mockResolvedValue({ items: [cycle(3)] })
    vi.mocked(api.getCycle).mockResolvedValue(cycle(3))
    vi.mocked(api.updateCycle).mockResolvedValue({ ...cycle(4), titleEn: 'Implementation report 2022–2023' })
    const store = useReportingStore()
    await store.loadList('jena')
    await store.loadCycle(7)
    await store.updateCycle({ titleEn: 'Implementation report 2022–2023' })
    expect(api.updateCycle).toHaveBeenCalledWith(7, { titleEn: 'Implementation report 2022–2023' }, 3)
    expect(store.cycles[0]?.titleEn).toBe('Implementation report 2022–2023')
  })

  it('reads the cycle again after a refusal without showing it as loading', async () => {
    vi.mocked(api.getCycle).mockResolvedValueOnce(cycle(3)).mockResolvedValueOnce({ ...cycle(3), completeness: { complete: true, missing: [] } })
    const store = useReportingStore()
    await store.loadCycle(7)
    const refreshing = store.refreshCycle()
    expect(store.cycleStatus).toBe('idle')
    await refreshing
    expect(store.cycle?.completeness.complete).toBe(true)
  })

  it('takes the current record from a 412 and throws the error on', async () => {
    vi.mocked(api.getCycle).mockResolvedValue(cycle(3))
    vi.mocked(api.putNarrative).mockRejectedValue(new ApiError(412, 'VERSION_CONFLICT', 'changed', undefined, { current: cycle(5) }))
    const store = useReportingStore()
    await store.loadCycle(7)
    await expect(store.saveNarrative(1, { textDe: 'x' }, 1)).rejects.toMatchObject({ status: 412 })
    expect(store.cycle?.version).toBe(5)
  })

  it('moves a cycle on and updates its summary in the list', async () => {
    vi.mocked(cities.listPlansOfCity).mockResolvedValue({ items: [plan(2, 'adopted')] })
    vi.mocked(api.listCycles).mockResolvedValue({ items: [cycle(3)] })
    vi.mocked(api.getCycle).mockResolvedValue(cycle(3))
    vi.mocked(api.transitionCycle).mockResolvedValue(cycle(4, 'in_review'))
    const store = useReportingStore()
    await store.loadList('jena')
    await store.loadCycle(7)
    await store.transition('in_review')
    expect(api.transitionCycle).toHaveBeenCalledWith(7, 'in_review', 3, null)
    expect(store.cycle?.state).toBe('in_review')
    expect(store.cycles[0]?.state).toBe('in_review')
  })

  it('keeps a comparison or its error', async () => {
    vi.mocked(api.compareCycles).mockRejectedValue(new ApiError(400, 'CYCLES_NOT_COMPARABLE', 'x'))
    const store = useReportingStore()
    await store.compare(1, 2)
    expect(store.comparisonStatus).toBe('error')
    expect(store.comparisonError?.code).toBe('CYCLES_NOT_COMPARABLE')
  })
})
