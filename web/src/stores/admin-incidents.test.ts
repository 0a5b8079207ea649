import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/admin/incidents'
import { ApiError } from '@/api/http'
import { buildRelease } from '@/testing/incident-fixtures'
import { useAdminIncidentsStore } from './admin-incidents'

vi.mock('@/api/admin/incidents')

const first = { periodStart: '2023-07-01', periodEnd: '2023-12-31', counts: [{ kind: 'racism' as const, area: 'work' as const, channel: 'phone' as const, count: 9 }], total: 9 }
const second = { periodStart: '2024-01-01', periodEnd: '2024-06-30', counts: [{ kind: 'age' as const, area: 'health' as const, channel: 'email' as const, count: 5 }], total: 5 }

describe('useAdminIncidentsStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('loads the raw table and captures a refusal as an error', async () => {
    vi.mocked(api.getIncidentTable).mockRejectedValueOnce(new ApiError(403, 'FORBIDDEN', 'no'))
    const store = useAdminIncidentsStore()
    await store.loadTable('jena')
    expect(store.status).toBe('error')
    expect(store.error?.code).toBe('FORBIDDEN')
    vi.mocked(api.getIncidentTable).mockResolvedValueOnce({ threshold: 5, periods: [second] })
    await store.loadTable('jena')
    expect(store.status).toBe('idle')
    expect(store.tables.jena?.periods).toHaveLength(1)
  })

  it('keeps periods oldest first when one is saved, and drops a period saved empty', async () => {
    vi.mocked(api.getIncidentTable).mockResolvedValue({ threshold: 5, periods: [second] })
    vi.mocked(api.replaceIncidentPeriod).mockResolvedValueOnce(first)
    const store = useAdminIncidentsStore()
    await store.loadTable('jena')
    await store.savePeriod('jena', { periodStart: first.periodStart, periodEnd: first.periodEnd, counts: first.counts })
    expect(store.tables.jena?.periods.map((p) => p.periodStart)).toEqual(['2023-07-01', '2024-01-01'])
    vi.mocked(api.replaceIncidentPeriod).mockResolvedValueOnce({ ...second, counts: [], total: 0 })
    expect(await store.savePeriod('jena', { periodStart: second.periodStart, periodEnd: second.periodEnd, counts: [] })).toBeNull()
    expect(store.tables.jena?.periods.map((p) => p.periodStart)).toEqual(['2023-07-01'])
  })

  it('keeps the table as it was when saving fails', async () => {
    vi.mocked(api.getIncidentTable).mockResolvedValue({ threshold: 5, periods: [second] })
    vi.mocked(api.replaceIncidentPeriod).mockRejectedValueOnce(new ApiError(409, 'INCIDENT_PERIOD_OVERLAP', 'x'))
    const store = useAdminIncidentsStore()
    await store.loadTable('jena')
    await expect(store.savePeriod('jena', { periodStart: '2024-01-01', periodEnd: '2024-12-31', counts: [] })).rejects.toMatchObject({ code: 'INCIDENT_PERIOD_OVERLAP' })
    expect(store.tables.jena?.periods).toEqual([second])
  })

  it('lists releases by period and version and updates the list after each step', async () => {
    const published = buildRelease({ id: 1, version: 1, state: 'published', publishedAt: '2025-01-11T09:00:00.000Z' })
    const { counts: _c, audit: _a, ...summary } = published
    vi.mocked(api.listReleases).mockResolvedValue({ releases: [summary] })
    vi.mocked(api.prepareRelease).mockResolvedValue(buildRelease({ id: 2, version: 2, state: 'draft', audit: null }))
    vi.mocked(api.auditRelease).mockResolvedValue(buildRelease({ id: 2, version: 2, state: 'checked' }))
    vi.mocked(api.publishRelease).mockResolvedValue(buildRelease({ id: 2, version: 2, state: 'published', publishedAt: '2025-02-01T09:00:00.000Z' }))
    const store = useAdminIncidentsStore()
    await store.loadReleases('jena')
    await store.prepareRelease('jena', { periodStart: '2024-01-01', periodEnd: '2024-06-30' })
    expect(store.releases.jena?.map((r) => [r.id, r.version, r.state])).toEqual([[1, 1, 'published'], [2, 2, 'draft']])
    expect(store.releases.jena?.[1]).not.toHaveProperty('counts')

    const running = store.auditRelease('jena', 2)
    expect(store.auditing).toBe(2)
    await running
    expect(store.auditing).toBeNull()
    expect(store.details[2]?.audit?.droppedViews).toEqual(['area,channel'])

    await store.publishRelease('jena', 2)
    expect(store.releases.jena?.[1]?.state).toBe('published')
  })

  it('ends the audit\'s progress when the audit fails, and forgets a deleted release', async () => {
    vi.mocked(api.listReleases).mockResolvedValue({ releases: [] })
    vi.mocked(api.prepareRelease).mockResolvedValue(buildRelease({ id: 5, state: 'draft', audit: null }))
    vi.mocked(api.auditRelease).mockRejectedValue(new ApiError(500, 'INTERNAL_ERROR', 'x'))
    vi.mocked(api.deleteRelease).mockResolvedValue(undefined)
    const store = useAdminIncidentsStore()
    await store.loadReleases('jena')
    await store.prepareRelease('jena', { periodStart: '2024-01-01', periodEnd: '2024-06-30' })
    await expect(store.auditRelease('jena', 5)).rejects.toMatchObject({ code: 'INTERNAL_ERROR' })
    expect(store.auditing).toBeNull()
    await store.deleteRelease('jena', 5)
    expect(store.releases.jena).toEqual([])
    expect(store.details[5]).toBeUndefined()
  })
})
