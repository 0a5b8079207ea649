import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { PlanDetailSchema } from '@eccar/shared'
import { Value } from 'typebox/value'
import { and, eq } from 'drizzle-orm'
import { planCommitments } from '../../db/schema/index.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildPlan, buildStatusUpdate } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })
const publicApp = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await publicApp.close()
  await testDb.close()
})

describe('GET /api/cities/:city/plans', () => {
  it('lists adopted and closed plans but hides drafts from the public', async () => {
    const city = await buildCity(testDb.db, { slug: 'erfurt' })
    await buildPlan(testDb.db, { cityId: city.id, titleDe: 'Alt', state: 'closed', periodStart: '2020-01-01', periodEnd: '2021-12-31' })
    await buildPlan(testDb.db, { cityId: city.id, titleDe: 'Aktuell', state: 'adopted' })
    await buildPlan(testDb.db, { cityId: city.id, titleDe: 'Entwurf', state: 'draft', periodStart: '2026-01-01', periodEnd: '2027-12-31' })

    const res = await publicApp.inject({ method: 'GET', url: '/api/cities/erfurt/plans' })
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((plan: { titleDe: string }) => plan.titleDe)).toEqual(['Alt', 'Aktuell'])

    const internal = await app.inject({ method: 'GET', url: '/api/cities/erfurt/plans' })
    expect(internal.json().items).toHaveLength(3)
  })

  it('counts only the measures the reader may see', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan)
    await buildMeasure(testDb.db, plan, { isPublic: false })
    await buildMeasure(testDb.db, plan, { deletedAt: new Date() })
    const city = (await app.inject({ method: 'GET', url: '/api/cities' })).json().items[0]

    expect((await publicApp.inject({ method: 'GET', url: `/api/cities/${city.slug}/plans` })).json().items[0].measureCount).toBe(1)
    expect((await app.inject({ method: 'GET', url: `/api/cities/${city.slug}/plans` })).json().items[0].measureCount).toBe(2)
  })

  it('names the published successor of a plan, never a draft one', async () => {
    const city = await buildCity(testDb.db, { slug: 'gera' })
    const old = await buildPlan(testDb.db, { cityId: city.id, titleDe: 'Alt', state: 'closed', periodStart: '2020-01-01', periodEnd: '2021-12-31' })
    const next = await buildPlan(testDb.db, { cityId: city.id, titleDe: 'Neu', state: 'adopted', predecessorId: old.id })
    const draft = await buildPlan(testDb.db, { cityId: city.id, titleDe: 'Entwurf', state: 'draft', predecessorId: next.id, periodStart: '2026-01-01', periodEnd: '2027-12-31' })

    const items = (await publicApp.inject({ method: 'GET', url: '/api/cities/gera/plans' })).json().items
    expect(items.map((p: { titleDe: string, successorId: number | null }) => [p.titleDe, p.successorId])).toEqual([['Alt', next.id], ['Neu', null]])
    expect((await publicApp.inject({ method: 'GET', url: `/api/plans/${old.id}` })).json().successorId).toBe(next.id)
    expect((await app.inject({ method: 'GET', url: `/api/plans/${draft.id}` })).json().successorId).toBeNull()
  })

  it('answers 404 with CITY_NOT_FOUND for an unknown city', async () => {
    const res = await publicApp.inject({ method: 'GET', url: '/api/cities/atlantis/plans' })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('CITY_NOT_FOUND')
  })
})

describe('POST /api/cities/:city/plans', () => {
  const body = { titleDe: 'Aktionsplan 2026–2027', periodStart: '2026-01-01', periodEnd: '2027-12-31', resolutionNumber: '25/0001-BV', resolutionDate: '2025-11-20' }

  it('creates a draft with all ten commitments', async () => {
    await buildCity(testDb.db, { slug: 'weimar' })
    const res = await app.inject({ method: 'POST', url: '/api/cities/weimar/plans', payload: body })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ state: 'draft', version: 1, resolutionNumber: '25/0001-BV', measureCount: 0 })
    expect(res.json().commitments.map((c: { number: number }) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(res.headers.etag).toBe('"1"')
  })

  it('links a plan update to its predecessor of the same city only', async () => {
    const city = await buildCity(testDb.db, { slug: 'weimar' })
    const earlier = await buildPlan(testDb.db, { cityId: city.id, state: 'closed' })
    const foreign = await buildPlan(testDb.db)

    const ok = await app.inject({ method: 'POST', url: '/api/cities/weimar/plans', payload: { ...body, predecessorId: earlier.id } })
    expect(ok.statusCode).toBe(201)
    expect(ok.json().predecessorId).toBe(earlier.id)

    const before = await tableCounts(testDb.db)
    const bad = await app.inject({ method: 'POST', url: '/api/cities/weimar/plans', payload: { ...body, predecessorId: foreign.id } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('PREDECESSOR_INVALID')
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('refuses a period that ends before it starts and writes nothing', async () => {
    await buildCity(testDb.db, { slug: 'weimar' })
    const res = await app.inject({ method: 'POST', url: '/api/cities/weimar/plans', payload: { ...body, periodEnd: '2025-12-31' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('PLAN_PERIOD_INVALID')
    expect((await tableCounts(testDb.db)).plans).toBe(0)
  })

  it('refuses a malformed date', async () => {
    await buildCity(testDb.db, { slug: 'weimar' })
    const res = await app.inject({ method: 'POST', url: '/api/cities/weimar/plans', payload: { ...body, periodStart: '2026-13-01' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().details[0].path).toBe('/periodStart')
  })
})

describe('GET /api/plans/:id', () => {
  it('returns the plan with its ten commitments, official and local titles, and whether each has context texts', async () => {
    const plan = await buildPlan(testDb.db, { resolutionNumber: '20/0372-BV' })
    await buildMeasure(testDb.db, plan, { primaryCommitment: 3 })
    await testDb.db.update(planCommitments).set({ contextDe: null, contextEn: 'Context 2' })
      .where(and(eq(planCommitments.planId, plan.id), eq(planCommitments.commitmentNumber, 2)))
    await testDb.db.update(planCommitments).set({ contextDe: '', contextEn: null })
      .where(and(eq(planCommitments.planId, plan.id), eq(planCommitments.commitmentNumber, 4)))
    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}` })
    expect(res.statusCode).toBe(200)
    const detail = res.json()
    expect(detail.commitments).toHaveLength(10)
    expect(detail.commitments[2]).toEqual({
      number: 3, titleEn: 'Better Support for the Victims of Racism and Discrimination', titleDe: expect.any(String),
      localTitleDe: null, localTitleEn: null, hasContext: true, measureCount: 1,
    })
    expect(detail.commitments.map((c: { hasContext: boolean }) => c.hasContext)).toEqual([true, true, true, false, true, true, true, true, true, true])
    expect(detail.commitments[0].measureCount).toBe(0)
  })

  it('adds each commitment\'s context texts with contexts=true, and refuses an unknown option', async () => {
    const plan = await buildPlan(testDb.db)
    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}?contexts=true` })
    expect(res.statusCode).toBe(200)
    expect(res.json().commitments[2]).toMatchObject({ number: 3, hasContext: true, contextDe: 'Kontext 3', contextEn: null })
    const overview = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}?contexts=false` })
    expect(overview.json().commitments[2]).not.toHaveProperty('contextDe')
    expect(overview.body.length).toBeLessThan(res.body.length)
    const wrong = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}?contexts=perhaps` })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().code).toBe('VALIDATION_FAILED')
  })

  it('sends the detail to its schema, with the version as ETag and the same facts the plan list shows', async () => {
    const plan = await buildPlan(testDb.db, { resolutionNumber: '20/0372-BV' })
    await buildMeasure(testDb.db, plan, { primaryCommitment: 3 })
    await buildMeasure(testDb.db, plan, { primaryCommitment: 7 })
    await buildMeasure(testDb.db, plan, { primaryCommitment: 7, isPublic: false })
    const successor = await buildPlan(testDb.db, { cityId: plan.cityId, predecessorId: plan.id })
    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers.etag).toBe('"1"')
    const detail = res.json()
    expect(Value.Check(PlanDetailSchema, detail), JSON.stringify([...Value.Errors(PlanDetailSchema, detail)].slice(0, 3))).toBe(true)
    const listed = (await publicApp.inject({ method: 'GET', url: `/api/cities/${detail.citySlug}/plans` })).json().items
      .find((item: { id: number }) => item.id === plan.id)
    expect(detail).toMatchObject({ ...listed, measureCount: 2, successorId: successor.id })
    expect((await app.inject({ method: 'GET', url: `/api/plans/${plan.id}` })).json().measureCount).toBe(3)
  })

  it('answers 404 for a draft the public may not see', async () => {
    const plan = await buildPlan(testDb.db, { state: 'draft' })
    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}` })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('PLAN_NOT_FOUND')
    expect((await app.inject({ method: 'GET', url: `/api/plans/${plan.id}` })).statusCode).toBe(200)
  })
})

describe('PATCH /api/plans/:id', () => {
  it('changes the plan and moves its version on', async () => {
    const plan = await buildPlan(testDb.db, { state: 'draft' })
    const res = await app.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { state: 'adopted', version: 1 } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ state: 'adopted', version: 2 })
    expect(res.headers.etag).toBe('"2"')
  })

  it('answers 428 without a version and 412 with a stale one, changing nothing', async () => {
    const plan = await buildPlan(testDb.db, { titleDe: 'Original' })
    const missing = await app.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { titleDe: 'Neu' } })
    expect(missing.statusCode).toBe(428)
    expect(missing.json().code).toBe('VERSION_REQUIRED')

    await app.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, headers: { 'if-match': '"1"' }, payload: { titleEn: 'First edit' } })
    const stale = await app.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, headers: { 'if-match': '"1"' }, payload: { titleDe: 'Neu' } })
    expect(stale.statusCode).toBe(412)
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { titleDe: 'Original', titleEn: 'First edit', version: 2 } })
  })

  it('refuses an empty change', async () => {
    const plan = await buildPlan(testDb.db)
    const res = await app.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: {} })
    expect(res.statusCode).toBe(400)
  })
})

describe('PATCH /api/plans/:id/commitments/:number', () => {
  it('changes a commitment\'s local title and context text under the plan\'s version', async () => {
    const plan = await buildPlan(testDb.db)
    const res = await app.inject({
      method: 'PATCH', url: `/api/plans/${plan.id}/commitments/4`,
      payload: { localTitleDe: 'Bessere Beteiligungs- und Informationsmöglichkeiten für die Bürger_innen', contextDe: 'Neue Lage', version: 1 },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().version).toBe(2)
    expect(res.json().commitments[3]).toMatchObject({ localTitleDe: 'Bessere Beteiligungs- und Informationsmöglichkeiten für die Bürger_innen', contextDe: 'Neue Lage' })
    expect(res.json().commitments[4].contextDe).toBe('Kontext 5')
  })

  it('answers 400 for commitment 11', async () => {
    const plan = await buildPlan(testDb.db)
    const res = await app.inject({ method: 'PATCH', url: `/api/plans/${plan.id}/commitments/11`, payload: { contextDe: 'x', version: 1 } })
    expect(res.statusCode).toBe(400)
  })
})

describe('DELETE /api/plans/:id', () => {
  it('deletes a draft with its measures', async () => {
    const plan = await buildPlan(testDb.db, { state: 'draft' })
    await buildMeasure(testDb.db, plan)
    const res = await app.inject({ method: 'DELETE', url: `/api/plans/${plan.id}`, headers: { 'if-match': '"1"' } })
    expect(res.statusCode).toBe(204)
    const counts = await tableCounts(testDb.db)
    expect(counts.plans).toBe(0)
    expect(counts.measures).toBe(0)
  })

  it('keeps an adopted plan: 409 PLAN_NOT_DRAFT', async () => {
    const plan = await buildPlan(testDb.db, { state: 'adopted' })
    const res = await app.inject({ method: 'DELETE', url: `/api/plans/${plan.id}`, headers: { 'if-match': '"1"' } })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('PLAN_NOT_DRAFT')
    expect((await tableCounts(testDb.db)).plans).toBe(1)
  })
})

describe('GET /api/plans/:id/progress', () => {
  it('summarises visible measures per primary commitment', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { primaryCommitment: 1, status: 'done', progress: 100 })
    await buildMeasure(testDb.db, plan, { primaryCommitment: 1, status: 'ongoing', progress: 100 })
    await buildMeasure(testDb.db, plan, { primaryCommitment: 1, status: 'delayed', statusReason: 'Kein Personal', progress: 10 })
    await buildMeasure(testDb.db, plan, { primaryCommitment: 1, status: 'planned', progress: 0 })
    await buildMeasure(testDb.db, plan, { primaryCommitment: 2, status: 'in_progress', progress: 40, secondaryCommitments: [1] })
    await buildMeasure(testDb.db, plan, { primaryCommitment: 2, status: 'done', progress: 100, isPublic: false })

    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/progress` })
    expect(res.statusCode).toBe(200)
    const progress = res.json()
    expect(progress.commitments).toHaveLength(10)
    expect(progress.commitments[0]).toMatchObject({
      number: 1, measureCount: 4, settledShare: 0.5, averageProgress: 52.5,
      byStatus: { done: 1, ongoing: 1, delayed: 1, planned: 1, in_progress: 0 },
    })
    expect(progress.commitments[1]).toMatchObject({ measureCount: 1, settledShare: 0, averageProgress: 40 })
    expect(progress.commitments[9]).toMatchObject({ measureCount: 0, settledShare: 0, averageProgress: 0 })
    expect(progress.total).toMatchObject({ measureCount: 5, settledShare: 0.4, averageProgress: 50 })
  })

  it('dates the figures by the latest status update of a visible measure', async () => {
    const plan = await buildPlan(testDb.db)
    const shown = await buildMeasure(testDb.db, plan)
    const hidden = await buildMeasure(testDb.db, plan, { isPublic: false })
    const url = `/api/plans/${plan.id}/progress`
    expect((await publicApp.inject({ method: 'GET', url })).json().latestUpdate).toBeNull()

    await buildStatusUpdate(testDb.db, shown, { date: '2024-03-01' })
    await buildStatusUpdate(testDb.db, shown, { date: '2024-05-17' })
    await buildStatusUpdate(testDb.db, hidden, { date: '2024-09-30' })
    expect((await publicApp.inject({ method: 'GET', url })).json().latestUpdate).toBe('2024-05-17')
    expect((await app.inject({ method: 'GET', url })).json().latestUpdate).toBe('2024-09-30')
  })

  it('answers 404 for an unknown plan', async () => {
    const res = await publicApp.inject({ method: 'GET', url: '/api/plans/4711/progress' })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('PLAN_NOT_FOUND')
  })
})

describe('GET /api/plans/:id/status-history', () => {
  it('lists the status changes of visible measures oldest first, without notes or people', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { code: '1.1' })
    const hidden = await buildMeasure(testDb.db, plan, { isPublic: false })
    await app.inject({ method: 'PATCH', url: `/api/measures/${measure.id}`, payload: { status: 'in_progress', progress: 30, version: 1 } })
    await app.inject({ method: 'PATCH', url: `/api/measures/${hidden.id}`, payload: { status: 'done', progress: 100, version: 1 } })

    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/status-history` })
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toEqual([{
      measureId: measure.id, code: '1.1', primaryCommitment: 1, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      fromStatus: 'planned', status: 'in_progress', progress: 30,
    }])
  })

  it('answers 404 for a draft plan', async () => {
    const plan = await buildPlan(testDb.db, { state: 'draft' })
    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/status-history` })
    expect(res.statusCode).toBe(404)
  })
})
