import { ReportSnapshotSchema, type ReportSnapshot, type Role } from '@eccar/shared'
import { eq } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { Value } from 'typebox/value'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import { cycleNarratives, indicatorMeasures, indicators, indicatorValues, plans } from '../../db/schema/index.ts'
import { loadDemoData } from '../../demo/load-demo-data.ts'
import { encodePng } from '../../reports/png.ts'
import { findCycle } from './reporting.queries.ts'
import { buildReportSnapshot, loadReportSnapshot } from './reporting.snapshot.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
const call = (who: AuthHeaders | null, method: Method, url: string, payload?: InjectOptions['payload']) =>
  app.inject({ method, url, payload, headers: { ...who } })

async function ok (who: AuthHeaders, method: Method, url: string, payload?: InjectOptions['payload']) {
  const res = await call(who, method, url, payload)
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(300)
  return res.statusCode === 204 ? null : res.json()
}

const as = async (cityId: number, role: Role) => (await buildSignedInUser(db, { memberships: [{ cityId, role }] })).headers

/** Walks a new cycle through review and approval to submission, as the admin would. */
async function submit (admin: AuthHeaders, cycleId: number) {
  // Comply or explain: commitments without a narrative get an explanation first.
  await db.insert(cycleNarratives).values(Array.from({ length: 10 }, (_, i) => ({ cycleId, commitmentNumber: i + 1, noNarrativeReasonDe: 'Nichts zu berichten.' })))
    .onConflictDoNothing()
  let cycle = await ok(admin, 'GET', `/api/reporting-cycles/${cycleId}`)
  for (const to of ['in_review', 'approved', 'submitted']) {
    cycle = await ok(admin, 'POST', `/api/reporting-cycles/${cycleId}/transitions`, { to, version: cycle.version })
  }
  return cycle
}

const snapshotOf = async (who: AuthHeaders, cycleId: number) => {
  const res = await call(who, 'GET', `/api/reporting-cycles/${cycleId}/snapshot`)
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
  return res
}

async function buildIndicator (plan: { id: number, cityId: number }, overrides: Partial<typeof indicators.$inferInsert> = {}) {
  const [row] = await db.insert(indicators).values({
    nameDe: 'Beratungsfälle', unit: 'Anzahl', direction: 'increase', isPublic: true, ...overrides, planId: plan.id, cityId: plan.cityId,
  }).returning()
  return row!
}

describe('GET /api/reporting-cycles/:id/snapshot', () => {
  it('reports the public measures in plan order, the period\'s timeline, counts, narratives and indicator values up to the period\'s end', async () => {
    const plan = await buildPlan(db, { periodStart: '2022-01-01', periodEnd: '2023-12-31' })
    const lead = await buildOrganisation(db, plan.cityId, { name: 'Büro für Migration und Integration' })
    const second = await buildMeasure(db, plan, { code: '1.2', position: 2, status: 'in_progress', progress: 40, leadOrganisationId: lead.id, secondaryCommitments: [5, 3] })
    const first = await buildMeasure(db, plan, { code: '1.1', position: 1, status: 'done', progress: 100, involvedOrganisationIds: [lead.id] })
    const delayed = await buildMeasure(db, plan, { code: '3.1', primaryCommitment: 3, status: 'delayed', statusReason: 'Stelle unbesetzt' })
    const internal = await buildMeasure(db, plan, { code: '1.3', isPublic: false })
    await buildMeasure(db, plan, { code: '1.4', deletedAt: new Date() })
    await buildStatusUpdate(db, second, { date: '2021-12-31', status: 'planned' })
    await buildStatusUpdate(db, second, { date: '2022-05-01', status: 'in_progress', fromStatus: 'planned', progress: 40, noteDe: 'begonnen', organisationId: lead.id })
    await buildStatusUpdate(db, second, { date: '2024-01-01', status: 'done' })
    await buildStatusUpdate(db, internal, { date: '2022-05-01' })
    const indicator = await buildIndicator(plan, { baselineValue: 40, targetValue: 80 })
    await db.insert(indicatorMeasures).values([{ indicatorId: indicator.id, measureId: second.id }, { indicatorId: indicator.id, measureId: internal.id }])
    await db.insert(indicatorValues).values([
      { indicatorId: indicator.id, periodStart: '2022-01-01', periodEnd: '2022-12-31', value: 50 },
      { indicatorId: indicator.id, periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 60 },
      { indicatorId: indicator.id, periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 99 },
    ])
    await buildIndicator(plan, { nameDe: 'intern', isPublic: false })
    const admin = await as(plan.cityId, 'admin')
    const cycle = await ok(admin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {})
    await db.insert(cycleNarratives).values({ cycleId: cycle.id, commitmentNumber: 1, textDe: 'Gut vorangekommen', textEn: 'Good progress' })

    const snapshot = (await snapshotOf(admin, cycle.id)).json() as ReportSnapshot
    expect(Value.Check(ReportSnapshotSchema, snapshot)).toBe(true)
    expect(snapshot).toMatchObject({
      formatVersion: 2,
      plan: { id: plan.id, periodStart: '2022-01-01', periodEnd: '2023-12-31' },
      cycle: { id: cycle.id, state: 'open', periodStart: '2022-01-01', periodEnd: '2023-12-31', approvedBy: null, submittedAt: null },
    })
    expect(snapshot.commitments.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const [one, , three] = snapshot.commitments
    expect(one!).toMatchObject({ narrativeDe: 'Gut vorangekommen', narrativeEn: 'Good progress', statusCounts: { done: 1, in_progress: 1, planned: 0 } })
    expect(one!.measures.map((m) => m.code)).toEqual(['1.1', '1.2'])
    expect(one!.measures[0]).toMatchObject({ id: first.id, status: 'done', progress: 100, involvedOrganisations: [{ name: 'Büro für Migration und Integration', nameEn: null }], updates: [] })
    // As of the period's end: the entry of 2024 is after it, so 1.2 is still in progress.
    const lead2 = { name: 'Büro für Migration und Integration', nameEn: null }
    expect(one!.measures[1]).toEqual({
      id: second.id, code: '1.2', titleDe: second.titleDe, titleEn: second.titleEn, descriptionDe: null, descriptionEn: null, type: 'implementation',
      startDate: null, endDate: null, timeframeNoteDe: null, timeframeNoteEn: null, fundingNoteDe: null, fundingNoteEn: null,
      status: 'in_progress', progress: 40, statusDate: '2022-05-01', startedInPeriod: true, closedInPeriod: false,
      statusReason: null, secondaryCommitments: [3, 5], leadOrganisation: lead2, involvedOrganisations: [],
      goodPractice: false, goodPracticeDescriptionDe: null, goodPracticeDescriptionEn: null,
      updates: [{ date: '2022-05-01', fromStatus: 'planned', status: 'in_progress', progress: 40, noteDe: 'begonnen', noteEn: null, reason: null, organisation: lead2, evidenceLinks: [] }],
    })
    expect(three!.measures).toMatchObject([{ id: delayed.id, status: 'delayed', statusReason: 'Stelle unbesetzt' }])
    expect(three!.statusCounts.delayed).toBe(1)
    expect(snapshot.indicators).toEqual([expect.objectContaining({
      id: indicator.id, measureCodes: ['1.2'], latestValue: 60, progressToTarget: 0.5,
      values: [
        { periodStart: '2022-01-01', periodEnd: '2022-12-31', category: null, value: 50 },
        { periodStart: '2023-01-01', periodEnd: '2023-12-31', category: null, value: 60 },
      ],
    })])
  })

  it('answers 401 to the public and 404 to another city', async () => {
    const plan = await buildPlan(db)
    const admin = await as(plan.cityId, 'admin')
    const cycle = await ok(admin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {})
    expect((await call(null, 'GET', `/api/reporting-cycles/${cycle.id}/snapshot`)).statusCode).toBe(401)
    const stranger = await as((await buildPlan(db)).cityId, 'admin')
    expect((await call(stranger, 'GET', `/api/reporting-cycles/${cycle.id}/snapshot`)).json().code).toBe('REPORTING_CYCLE_NOT_FOUND')
  })
})

describe('a submitted report', () => {
  it('stays exactly the same after the plan\'s measures and indicator values are edited', async () => {
    const { planId } = (await loadDemoData(db))!
    const [plan] = await db.select().from(plans).where(eq(plans.id, planId))
    const admin = await as(plan!.cityId, 'admin')
    const indicator = await ok(admin, 'POST', `/api/plans/${planId}/indicators`, { nameDe: 'Beratungsfälle', unit: 'Anzahl', direction: 'increase', baselineValue: 40, targetValue: 80, isPublic: true })
    await ok(admin, 'POST', `/api/indicators/${indicator.id}/values`, { periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 60 })
    const cycle = await ok(admin, 'POST', `/api/plans/${planId}/reporting-cycles`, {})
    await ok(admin, 'PUT', `/api/reporting-cycles/${cycle.id}/narratives/3`, { textDe: 'Beratung ausgebaut', version: 1 })
    const submitted = await submit(admin, cycle.id)
    expect(submitted.state).toBe('submitted')

    const frozen = await snapshotOf(admin, cycle.id)
    const before = frozen.json() as ReportSnapshot
    expect(before.cycle).toMatchObject({ state: 'submitted', submittedAt: submitted.submittedAt, approvedAt: submitted.approvedAt })
    expect(before.cycle.approvedBy).toEqual(expect.any(String))
    expect(Value.Check(ReportSnapshotSchema, before)).toBe(true)
    const measure = before.commitments[0]!.measures[0]!

    // Edit the live records: title, status (with an entry dated inside the period), the indicator's value.
    const live = await ok(admin, 'GET', `/api/measures/${measure.id}`)
    const renamed = await ok(admin, 'PATCH', `/api/measures/${measure.id}`, { titleDe: 'Umbenannt nach der Abgabe', version: live.version })
    await ok(admin, 'POST', `/api/measures/${measure.id}/status-updates`, { status: 'dropped', reason: 'entfällt', progress: 10, date: '2023-06-30', version: renamed.version })
    const value = (await ok(admin, 'GET', `/api/indicators/${indicator.id}`)).values[0]
    await ok(admin, 'DELETE', `/api/indicators/${indicator.id}/values/${value.id}`)
    await ok(admin, 'POST', `/api/indicators/${indicator.id}/values`, { periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 75 })

    const after = await snapshotOf(admin, cycle.id)
    expect(after.body).toBe(frozen.body)
    expect(await loadReportSnapshot(db, (await findCycle(db, cycle.id))!)).toEqual(before)

    // The edits did happen: a fresh build from the live records shows them.
    const fresh = await buildReportSnapshot(db, (await findCycle(db, cycle.id))!)
    const freshMeasure = fresh.commitments[0]!.measures.find((m) => m.id === measure.id)!
    expect(freshMeasure).toMatchObject({ titleDe: 'Umbenannt nach der Abgabe', status: 'dropped', statusReason: 'entfällt' })
    expect(freshMeasure.updates.at(-1)).toMatchObject({ date: '2023-06-30', status: 'dropped' })
    expect(fresh.indicators[0]!.latestValue).toBe(75)
    expect(before.commitments[0]!.measures[0]!.titleDe).not.toBe('Umbenannt nach der Abgabe')
    expect(before.indicators[0]!.latestValue).toBe(60)
    expect(before.commitments[2]!.narrativeDe).toBe('Beratung ausgebaut')
  })
})

describe('the city\'s look in a report', () => {
  const logo = encodePng(60, 20, (x) => (x < 30 ? [11, 90, 60, 255] : [255, 255, 255, 255]))
  const branding = { website: null, feedbackEmail: null, feedbackPhone: null, feedbackUrl: null, enforcementName: null, enforcementUrl: null, embedOrigins: [] }
  const report = (who: AuthHeaders, cycleId: number, format: 'html' | 'pdf') => call(who, 'GET', `/api/reporting-cycles/${cycleId}/report?kind=eccar&format=${format}&lang=en`)
  const upload = (who: AuthHeaders, slug: string, body: Buffer, version: number) => app.inject({
    method: 'PUT', url: `/api/cities/${slug}/branding/logo`, headers: { ...who, 'content-type': 'image/png', 'if-match': `"${version}"` }, payload: body,
  })

  it('is frozen on submission: a later logo or colour changes the next report, not the submitted one', async () => {
    const city = await buildCity(db, { slug: 'gera', name: 'Gera' })
    const plan = await buildPlan(db, { cityId: city.id, periodStart: '2022-01-01', periodEnd: '2023-12-31' })
    await buildMeasure(db, plan, { code: '1.1', status: 'in_progress' })
    const admin = await as(city.id, 'admin')
    await ok(admin, 'PUT', '/api/cities/gera/branding/settings', { ...branding, accentColour: '#8a1538', version: 1 })
    expect((await upload(admin, 'gera', logo, 2)).statusCode).toBe(200)
    const cycle = await ok(admin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {})
    await submit(admin, cycle.id)

    const html = (await report(admin, cycle.id, 'html')).body
    expect(html).toContain(`src="data:image/png;base64,${logo.toString('base64')}" alt="Logo: Gera"`)
    expect(html).toContain('--accent: #8a1538;')
    const frozen = (await snapshotOf(admin, cycle.id)).json() as ReportSnapshot
    expect(frozen.brand).toEqual({ accentColour: '#8a1538', logo: { mediaType: 'image/png', data: logo.toString('base64'), width: 60, height: 20 } })

    await ok(admin, 'PUT', '/api/cities/gera/branding/settings', { ...branding, accentColour: '#0b5a3c', version: 3 })
    const removed = await app.inject({ method: 'DELETE', url: '/api/cities/gera/branding/logo', headers: { ...admin, 'if-match': '"4"' } })
    expect(removed.statusCode).toBe(200)

    expect((await report(admin, cycle.id, 'html')).body).toBe(html)
    const fresh = await buildReportSnapshot(db, (await findCycle(db, cycle.id))!)
    expect(fresh.brand).toEqual({ accentColour: '#0b5a3c', logo: null })
  })

  it('leaves out a logo that only starts like a PNG, so the PDF still renders, and is neutral without any look', async () => {
    const city = await buildCity(db, { slug: 'suhl', name: 'Suhl' })
    const plan = await buildPlan(db, { cityId: city.id, periodStart: '2022-01-01', periodEnd: '2023-12-31' })
    const admin = await as(city.id, 'admin')
    const cycle = await ok(admin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {})
    expect((await snapshotOf(admin, cycle.id)).json().brand).toEqual({ accentColour: null, logo: null })
    const fake = Buffer.concat([logo.subarray(0, 8), Buffer.alloc(64, 1)])
    expect((await upload(admin, 'suhl', fake, 1)).statusCode).toBe(200)
    expect((await snapshotOf(admin, cycle.id)).json().brand).toEqual({ accentColour: null, logo: null })
    const pdf = await report(admin, cycle.id, 'pdf')
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  })
})

describe('GET /api/reporting-cycles/compare', () => {
  it('lists exactly the changes made between a submitted report and the next one', async () => {
    const plan = await buildPlan(db, { periodStart: '2022-01-01', periodEnd: '2025-12-31' })
    const started = await buildMeasure(db, plan, { code: '1.1', position: 1, status: 'planned' })
    const finished = await buildMeasure(db, plan, { code: '1.2', position: 2, status: 'in_progress' })
    const unchanged = await buildMeasure(db, plan, { code: '2.1', primaryCommitment: 2, status: 'ongoing' })
    const removed = await buildMeasure(db, plan, { code: '2.2', primaryCommitment: 2, position: 9, status: 'examining' })
    const admin = await as(plan.cityId, 'admin')
    const indicator = await ok(admin, 'POST', `/api/plans/${plan.id}/indicators`, { nameDe: 'Beratungsfälle', unit: 'Anzahl', direction: 'increase', isPublic: true })
    await ok(admin, 'POST', `/api/indicators/${indicator.id}/values`, { periodStart: '2022-01-01', periodEnd: '2022-12-31', value: 10 })
    await ok(admin, 'POST', `/api/plans/${plan.id}/indicators`, { nameDe: 'ohne Änderung', unit: '%', direction: 'maintain', isPublic: true })
    const first = await ok(admin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {})
    await submit(admin, first.id)

    const version = async (id: number) => (await ok(admin, 'GET', `/api/measures/${id}`)).version
    // Dated within the second period: a report counts what happened up to its period's end.
    await ok(admin, 'POST', `/api/measures/${started.id}/status-updates`, { date: '2024-06-01', status: 'in_progress', progress: 20, version: await version(started.id) })
    await ok(admin, 'POST', `/api/measures/${finished.id}/status-updates`, { date: '2024-06-01', status: 'done', progress: 100, version: await version(finished.id) })
    await ok(admin, 'PATCH', `/api/measures/${unchanged.id}`, { titleEn: 'Only the title changed', version: await version(unchanged.id) })
    const removal = await app.inject({ method: 'DELETE', url: `/api/measures/${removed.id}`, headers: { ...admin, 'if-match': `"${await version(removed.id)}"` } })
    expect(removal.statusCode).toBe(204)
    await ok(admin, 'POST', `/api/plans/${plan.id}/measures`, { code: '4.1', primaryCommitment: 4, titleDe: 'Neue Maßnahme', type: 'implementation' })
    await ok(admin, 'POST', `/api/indicators/${indicator.id}/values`, { periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 14 })
    const second = await ok(admin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {})

    const res = await call(admin, 'GET', `/api/reporting-cycles/compare?from=${first.id}&to=${second.id}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      from: { id: first.id, title: 'Umsetzungsbericht 2022–2023', periodStart: '2022-01-01', periodEnd: '2023-12-31', planId: plan.id },
      to: { id: second.id, title: 'Umsetzungsbericht 2024–2025', periodStart: '2024-01-01', periodEnd: '2025-12-31', planId: plan.id },
      statusTransitions: [
        { code: '1.1', titleDe: started.titleDe, titleEn: started.titleEn, from: 'planned', to: 'in_progress' },
        { code: '1.2', titleDe: finished.titleDe, titleEn: finished.titleEn, from: 'in_progress', to: 'done' },
      ],
      newMeasures: [{ code: '4.1', titleDe: 'Neue Maßnahme', titleEn: null, status: 'planned' }],
      closedMeasures: [
        { code: '1.2', titleDe: finished.titleDe, titleEn: finished.titleEn, status: 'done', stillReported: true },
        { code: '2.2', titleDe: removed.titleDe, titleEn: removed.titleEn, status: 'examining', stillReported: false },
      ],
      indicatorChanges: [{ nameDe: 'Beratungsfälle', nameEn: null, unit: 'Anzahl', unitEn: null, from: 10, to: 14 }],
    })
  })

  it('answers 400 for cycles of two cities, 404 to a non-member, and 400 without both ids', async () => {
    const plan = await buildPlan(db)
    const other = await buildPlan(db)
    const platformAdmin = (await buildSignedInUser(db, { platformAdmin: true })).headers
    const mine = await ok(platformAdmin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {})
    const theirs = await ok(platformAdmin, 'POST', `/api/plans/${other.id}/reporting-cycles`, {})
    const member = await as(plan.cityId, 'viewer')
    const before = await tableCounts(db)
    expect((await call(platformAdmin, 'GET', `/api/reporting-cycles/compare?from=${mine.id}&to=${theirs.id}`)).json().code).toBe('CYCLES_NOT_COMPARABLE')
    expect((await call(member, 'GET', `/api/reporting-cycles/compare?from=${mine.id}&to=${theirs.id}`)).json().code).toBe('REPORTING_CYCLE_NOT_FOUND')
    expect((await call(member, 'GET', `/api/reporting-cycles/compare?from=${mine.id}`)).statusCode).toBe(400)
    expect(await tableCounts(db)).toEqual(before)
  })
})
