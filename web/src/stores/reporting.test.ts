import type { PlanSummary, ReportingCycle } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as cities from '@/api/cities'
import { ApiError } from '@/api/http'
import * as api from '@/api/reporting'
import { useReportingStore } from './reporting'

vi.mock('@/api/cities')
vi.mock('@/api/reporting')

const plan = (id: number, state: PlanSummary['state']) => ({ id, periodStart: '2022-01-01', state }) as PlanSummary
const cycle = (version: number, state: ReportingCycle['state'] = 'open'): ReportingCycle => ({
  id: 7, planId: 2, title: 'Umsetzungsbericht 2022–2023', periodStart: '2022-01-01', periodEnd: '2023-12-31', dueDate: null, state,
  approvedAt: null, approvedBy: null, submittedAt: null, submittedBy: null, version, createdAt: '2024-01-01T00:00:00Z',
  narratives: [{ number: 1, textDe: null, textEn: null }], nextStates: [],
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
    expect(api.createCycle).toHaveBeenCalledWith(2)
    expect(store.cycles.map((c) => c.id)).toEqual([7])
  })

  it('saves a narrative with the cycle\'s version and keeps the answer', async () => {
    vi.mocked(api.getCycle).mockResolvedValue(cycle(3))
    vi.mocked(api.putNarrative).mockResolvedValue({ ...cycle(4), narratives: [{ number: 1, textDe: 'Text', textEn: null }] })
    const store = useReportingStore()
    await store.loadCycle(7)
    await store.saveNarrative(1, { textDe: 'Text', textEn: null })
    expect(api.putNarrative).toHaveBeenCalledWith(7, 1, { textDe: 'Text', textEn: null }, 3)
    expect(store.cycle?.version).toBe(4)
  })

  it('takes the current record from a 412 and throws the error on', async () => {
    vi.mocked(api.getCycle).mockResolvedValue(cycle(3))
    vi.mocked(api.putNarrative).mockRejectedValue(new ApiError(412, 'VERSION_CONFLICT', 'changed', undefined, { current: cycle(5) }))
    const store = useReportingStore()
    await store.loadCycle(7)
    await expect(store.saveNarrative(1, { textDe: 'x', textEn: null })).rejects.toMatchObject({ status: 412 })
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
    expect(api.transitionCycle).toHaveBeenCalledWith(7, 'in_review', 3)
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
