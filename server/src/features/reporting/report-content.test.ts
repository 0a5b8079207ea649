import type { Role } from '@eccar/shared'
import { asc, eq } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'
import { auditLog, cycleNarratives, reportingCycles } from '../../db/schema/index.ts'

// Issue 13 on the server: narratives per commitment, comply or explain, the report as of the
// period's end, secondary commitments, English names, and the public reports of a plan.

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH'
const call = (who: AuthHeaders | null, method: Method, url: string, payload?: InjectOptions['payload'], version?: number) =>
  app.inject({ method, url, payload, headers: { ...who, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) } })
const as = async (cityId: number, role: Role) => (await buildSignedInUser(db, { memberships: [{ cityId, role }] })).headers

async function buildCycle (plan: { id: number, cityId: number }, overrides: Partial<typeof reportingCycles.$inferInsert> = {}) {
  const [row] = await db.insert(reportingCycles).values({
    title: 'Umsetzungsbericht 2022–2023', periodStart: '2022-01-01', periodEnd: '2023-12-31', ...overrides, planId: plan.id, cityId: plan.cityId,
  }).returning()
  return row!
}

/** Every commitment but `except` gets a narrative (odd numbers) or an explanation (even ones). */
async function completeNarratives (cycleId: number, except: number[] = []) {
  const rows = Array.from({ length: 10 }, (_, i) => i + 1).filter((n) => !except.includes(n))
    .map((n) => (n % 2 === 1 ? { cycleId, commitmentNumber: n, textDe: `Bericht ${n}` } : { cycleId, commitmentNumber: n, noNarrativeReasonEn: 'No measures yet.' }))
  await db.insert(cycleNarratives).values(rows)
}

describe('PUT /api/reporting-cycles/:id/narratives/:number', () => {
  it('versions narratives per commitment, so two people writing different commitments do not collide', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    const [anna, ben] = [await as(plan.cityId, 'editor'), await as(plan.cityId, 'editor')]

    const first = await call(anna, 'PUT', `/api/reporting-cycles/${cycle.id}/narratives/1`, { textDe: 'Wachsamkeit', challengesDe: 'Wenige Meldungen', version: 1 })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.headers.etag).toBe('"2"')
    const second = await call(ben, 'PUT', `/api/reporting-cycles/${cycle.id}/narratives/2`, { textEn: 'Assessment', needsEn: 'Data', exchangeTopicsEn: 'Monitoring' }, 1)
    expect(second.statusCode, second.body).toBe(200)
    const body = second.json()
    expect(body.version).toBe(1)
    expect(body.narratives[0]).toMatchObject({ number: 1, textDe: 'Wachsamkeit', challengesDe: 'Wenige Meldungen', version: 2 })
    expect(body.narratives[1]).toMatchObject({ number: 2, textEn: 'Assessment', needsEn: 'Data', exchangeTopicsEn: 'Monitoring', version: 2 })
    expect(body.narratives[2]).toMatchObject({ number: 3, textDe: null, noNarrativeReasonDe: null, version: 1 })
  })

  it('answers 412 with the current texts when the same commitment changed meanwhile, and changes nothing', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    const editor = await as(plan.cityId, 'editor')
    await call(editor, 'PUT', `/api/reporting-cycles/${cycle.id}/narratives/4`, { textDe: 'Erste Fassung' }, 1)
    const audits = (await db.select().from(auditLog)).length

    const stale = await call(editor, 'PUT', `/api/reporting-cycles/${cycle.id}/narratives/4`, { textDe: 'Überschrieben' }, 1)
    expect(stale.statusCode).toBe(412)
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' })
    const [row] = await db.select().from(cycleNarratives).where(eq(cycleNarratives.cycleId, cycle.id))
    expect(row).toMatchObject({ textDe: 'Erste Fassung', version: 2 })
    expect((await db.select().from(auditLog)).length).toBe(audits)
  })

  it('treats an empty text as none and writes one audit row per change', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    const editor = await as(plan.cityId, 'editor')
    const res = await call(editor, 'PUT', `/api/reporting-cycles/${cycle.id}/narratives/5`, { textDe: '   ', noNarrativeReasonDe: 'Keine Maßnahmen geplant.' }, 1)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().narratives[4]).toMatchObject({ textDe: null, noNarrativeReasonDe: 'Keine Maßnahmen geplant.' })
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'reporting.narrative.update')).orderBy(asc(auditLog.id))
    expect(audits).toHaveLength(1)
  })

  it('refuses an unknown field with 400', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    const res = await call(await as(plan.cityId, 'editor'), 'PUT', `/api/reporting-cycles/${cycle.id}/narratives/1`, { summary: 'x' }, 1)
    expect(res.statusCode).toBe(400)
  })
})

describe('completeness (comply or explain)', () => {
  it('lists the commitments with neither a narrative nor an explanation', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    await completeNarratives(cycle.id, [3, 8])
    const res = await call(await as(plan.cityId, 'viewer'), 'GET', `/api/reporting-cycles/${cycle.id}`)
    expect(res.json().completeness).toEqual({ complete: false, missing: [3, 8] })
  })

  it('refuses approval with 409 CYCLE_INCOMPLETE naming the commitments, and approves once complete', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan, { state: 'in_review' })
    await completeNarratives(cycle.id, [3, 8])
    const admin = await as(plan.cityId, 'admin')

    const refused = await call(admin, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to: 'approved' }, 1)
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({
      code: 'CYCLE_INCOMPLETE',
      details: [{ path: '/narratives/3' }, { path: '/narratives/8' }],
    })
    const [still] = await db.select().from(reportingCycles).where(eq(reportingCycles.id, cycle.id))
    expect(still).toMatchObject({ state: 'in_review', version: 1, approvedAt: null })

    await db.insert(cycleNarratives).values([{ cycleId: cycle.id, commitmentNumber: 3, textEn: 'Report' }, { cycleId: cycle.id, commitmentNumber: 8, noNarrativeReasonDe: 'Keine Maßnahme.' }])
    const approved = await call(admin, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to: 'approved' }, 1)
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({ state: 'approved', completeness: { complete: true, missing: [] } })
  })
})

describe('GET /api/reporting-cycles/:id/snapshot', () => {
  it('reports statuses as of the period\'s end: a change dated after the period does not appear', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    const measure = await buildMeasure(db, plan, { status: 'done', progress: 100, startDate: '2022-05-01', descriptionDe: 'Beratung', descriptionEn: 'Counselling' })
    await buildStatusUpdate(db, measure, { date: '2022-06-01', fromStatus: 'planned', status: 'in_progress', progress: 40 })
    await buildStatusUpdate(db, measure, { date: '2024-03-12', fromStatus: 'in_progress', status: 'done', progress: 100 })

    const res = await call(await as(plan.cityId, 'viewer'), 'GET', `/api/reporting-cycles/${cycle.id}/snapshot`)
    expect(res.statusCode, res.body).toBe(200)
    const reported = res.json().commitments[0].measures[0]
    expect(reported).toMatchObject({
      status: 'in_progress', progress: 40, statusDate: '2022-06-01', startedInPeriod: true, closedInPeriod: false,
      descriptionDe: 'Beratung', descriptionEn: 'Counselling', startDate: '2022-05-01',
    })
    expect(reported.updates.map((u: { date: string }) => u.date)).toEqual(['2022-06-01'])
  })

  it('lists a measure under its secondary commitments too and counts it there, with English body names', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    const office = await buildOrganisation(db, plan.cityId, { name: 'Büro für Integration', nameEn: 'Integration office' })
    const measure = await buildMeasure(db, plan, { primaryCommitment: 1, secondaryCommitments: [4], leadOrganisationId: office.id, status: 'planned' })

    const snapshot = (await call(await as(plan.cityId, 'viewer'), 'GET', `/api/reporting-cycles/${cycle.id}/snapshot`)).json()
    expect(snapshot.commitments[3].secondaryMeasures).toEqual([
      { id: measure.id, code: measure.code, titleDe: measure.titleDe, titleEn: measure.titleEn, primaryCommitment: 1, status: 'planned' },
    ])
    expect(snapshot.commitments[3].statusCounts.planned).toBe(1)
    expect(snapshot.commitments[0].measures[0].leadOrganisation).toEqual({ name: 'Büro für Integration', nameEn: 'Integration office' })
  })
})

describe('the English and good-practice fields', () => {
  it('stores an English cycle title (defaulted for a default title), indicator unit and a measure\'s good practice', async () => {
    const plan = await buildPlan(db, { periodStart: '2022-01-01', periodEnd: '2023-12-31' })
    const admin = await as(plan.cityId, 'admin')
    const cycle = await call(admin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {})
    expect(cycle.json()).toMatchObject({ title: 'Umsetzungsbericht 2022–2023', titleEn: 'Implementation report 2022–2023' })
    const own = await call(admin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, { title: 'Zwischenbericht', periodStart: '2024-01-01', periodEnd: '2024-12-31' })
    expect(own.json()).toMatchObject({ title: 'Zwischenbericht', titleEn: null })

    const indicator = await call(admin, 'POST', `/api/plans/${plan.id}/indicators`, { nameDe: 'Standorte', unit: 'Standorte', unitEn: 'Sites', direction: 'increase' })
    expect(indicator.statusCode, indicator.body).toBe(201)
    expect(indicator.json()).toMatchObject({ unit: 'Standorte', unitEn: 'Sites' })

    const measure = await buildMeasure(db, plan)
    const patched = await call(admin, 'PATCH', `/api/measures/${measure.id}`, {
      goodPractice: true, goodPracticeDescriptionDe: 'Übertragbar', goodPracticeDescriptionEn: 'Transferable', version: measure.version,
    })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({ goodPractice: true, goodPracticeDescriptionDe: 'Übertragbar', goodPracticeDescriptionEn: 'Transferable' })
    const snapshot = (await call(admin, 'GET', `/api/reporting-cycles/${cycle.json().id}/snapshot`)).json()
    expect(snapshot.commitments[0].measures[0]).toMatchObject({ goodPractice: true, goodPracticeDescriptionEn: 'Transferable' })
    expect(snapshot.indicators).toEqual([])
  })
})

describe('public reports of a plan', () => {
  it('lists submitted reports only and serves them as HTML to anyone', async () => {
    const plan = await buildPlan(db)
    const admin = await as(plan.cityId, 'admin')
    const open = await buildCycle(plan, { periodStart: '2024-01-01', periodEnd: '2025-12-31', title: 'Umsetzungsbericht 2024–2025' })
    const cycle = await buildCycle(plan, { state: 'approved', titleEn: 'Implementation report 2022–2023' })
    await completeNarratives(cycle.id)
    expect((await call(admin, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to: 'submitted' }, 1)).statusCode).toBe(200)

    const list = await call(null, 'GET', `/api/plans/${plan.id}/reports`)
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().items).toEqual([expect.objectContaining({
      cycleId: cycle.id, title: 'Umsetzungsbericht 2022–2023', titleEn: 'Implementation report 2022–2023', htmlUrl: `/api/plans/${plan.id}/reports/${cycle.id}`,
    })])

    const html = await call(null, 'GET', `/api/plans/${plan.id}/reports/${cycle.id}`)
    expect(html.statusCode).toBe(200)
    expect(html.headers['content-type']).toContain('text/html')
    expect(html.headers['content-security-policy']).toContain("default-src 'none'")
    expect(html.body).toContain('Implementation report 2022–2023')
    expect((await call(null, 'GET', `/api/plans/${plan.id}/reports/${cycle.id}?kind=council&lang=de`)).body).toContain('<html lang="de-DE">')

    expect((await call(null, 'GET', `/api/plans/${plan.id}/reports/${open.id}`)).statusCode).toBe(404)
    expect((await call(null, 'GET', `/api/plans/${plan.id}/reports/${cycle.id}?format=pdf`)).statusCode).toBe(400)
  })

  it('hides the reports of a draft plan from the public', async () => {
    const plan = await buildPlan(db, { state: 'draft' })
    const res = await call(null, 'GET', `/api/plans/${plan.id}/reports`)
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('PLAN_NOT_FOUND')
  })
})
