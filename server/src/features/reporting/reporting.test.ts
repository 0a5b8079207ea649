import { cycleStates, type CycleState, type Role } from '@eccar/shared'
import { asc, eq } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildPlan } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import { auditLog, cycleNarratives, cycleSnapshots, plans, reportingCycles } from '../../db/schema/index.ts'
import { loadDemoData } from '../../demo/load-demo-data.ts'
import { transitionRole } from './reporting.rules.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT'
/** A request as `who` (null: anonymous); `version` goes into If-Match. */
const call = (who: AuthHeaders | null, method: Method, url: string, payload?: InjectOptions['payload'], version?: number) =>
  app.inject({ method, url, payload, headers: { ...who, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) } })

const as = async (cityId: number, role: Role) => (await buildSignedInUser(db, { memberships: [{ cityId, role }] })).headers

async function buildCycle (plan: { id: number, cityId: number }, overrides: Partial<typeof reportingCycles.$inferInsert> = {}) {
  const [row] = await db.insert(reportingCycles).values({
    title: 'Umsetzungsbericht 2024–2025', periodStart: '2024-01-01', periodEnd: '2025-12-31', ...overrides, planId: plan.id, cityId: plan.cityId,
  }).returning()
  return row!
}

/** Comply or explain: every commitment explained, so the cycle may be approved and submitted. */
const explainAll = (cycleId: number) =>
  db.insert(cycleNarratives).values(Array.from({ length: 10 }, (_, i) => ({ cycleId, commitmentNumber: i + 1, noNarrativeReasonDe: 'Keine Maßnahmen im Zeitraum.' })))

const auditRows = () => db.select().from(auditLog).orderBy(asc(auditLog.id))

describe('POST /api/plans/:id/reporting-cycles', () => {
  it('opens the Jena plan\'s biennial cycle 2022–2023 when no period is given', async () => {
    const { planId } = (await loadDemoData(db))!
    const [plan] = await db.select().from(plans).where(eq(plans.id, planId))
    const admin = await as(plan!.cityId, 'admin')

    const res = await call(admin, 'POST', `/api/plans/${planId}/reporting-cycles`, {})
    expect(res.statusCode, res.body).toBe(201)
    expect(res.headers.etag).toBe('"1"')
    expect(res.json()).toMatchObject({
      planId, title: 'Umsetzungsbericht 2022–2023', periodStart: '2022-01-01', periodEnd: '2023-12-31', dueDate: null, state: 'open',
      approvedAt: null, approvedBy: null, submittedAt: null, submittedBy: null, version: 1, nextStates: ['in_review'],
    })
    expect(res.json().narratives).toHaveLength(10)
    expect(res.json().narratives[0]).toMatchObject({ number: 1, textDe: null, textEn: null, version: 1 })
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'reporting.cycle.create' })
  })

  it('takes the title, period and due date given', async () => {
    const plan = await buildPlan(db)
    const res = await call(await as(plan.cityId, 'admin'), 'POST', `/api/plans/${plan.id}/reporting-cycles`,
      { title: 'Ratsbericht 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', dueDate: '2025-03-31' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ title: 'Ratsbericht 2024', periodStart: '2024-01-01', periodEnd: '2024-12-31', dueDate: '2025-03-31' })
  })

  it.each([
    ['the period ends before it starts', 400, 'CYCLE_PERIOD_INVALID', { periodStart: '2025-01-01', periodEnd: '2024-12-31' }],
    ['the plan\'s period is already covered and none is given', 400, 'CYCLE_PERIOD_REQUIRED', {}],
    ['a field is unknown', 400, 'VALIDATION_FAILED', { state: 'submitted' }],
  ])('answers %s with %i and writes nothing', async (_case, status, code, payload) => {
    const plan = await buildPlan(db)
    await buildCycle(plan, { periodStart: '2024-01-01', periodEnd: '2025-12-31' })
    const admin = await as(plan.cityId, 'admin')
    const before = await tableCounts(db)
    const res = await call(admin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, payload)
    expect([res.statusCode, res.json().code]).toEqual([status, code])
    expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 403 to an editor and 404 to another city\'s admin', async () => {
    const plan = await buildPlan(db)
    const [editor, stranger] = [await as(plan.cityId, 'editor'), await as((await buildPlan(db)).cityId, 'admin')]
    const before = await tableCounts(db)
    expect((await call(editor, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {})).statusCode).toBe(403)
    expect((await call(stranger, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {})).json().code).toBe('PLAN_NOT_FOUND')
    expect(await tableCounts(db)).toEqual(before)
  })
})

describe('GET /api/plans/:id/reporting-cycles and /api/reporting-cycles/:id', () => {
  it('lists the plan\'s cycles oldest first for a viewer of the city', async () => {
    const plan = await buildPlan(db)
    const later = await buildCycle(plan, { periodStart: '2026-01-01', periodEnd: '2027-12-31' })
    const earlier = await buildCycle(plan)
    const viewer = await as(plan.cityId, 'viewer')
    const res = await call(viewer, 'GET', `/api/plans/${plan.id}/reporting-cycles`)
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((c: { id: number }) => c.id)).toEqual([earlier.id, later.id])
    expect((await call(viewer, 'GET', `/api/reporting-cycles/${earlier.id}`)).json()).toMatchObject({ id: earlier.id, state: 'open' })
  })

  it('answers 401 to the public and 404 to another city', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    const stranger = await as((await buildPlan(db)).cityId, 'admin')
    expect((await call(null, 'GET', `/api/reporting-cycles/${cycle.id}`)).statusCode).toBe(401)
    expect((await call(stranger, 'GET', `/api/reporting-cycles/${cycle.id}`)).json().code).toBe('REPORTING_CYCLE_NOT_FOUND')
    expect((await call(stranger, 'GET', `/api/plans/${plan.id}/reporting-cycles`)).json().code).toBe('PLAN_NOT_FOUND')
  })
})

describe('PATCH /api/reporting-cycles/:id', () => {
  it('changes title, period and due date while the cycle is in review', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan, { state: 'in_review' })
    const res = await call(await as(plan.cityId, 'admin'), 'PATCH', `/api/reporting-cycles/${cycle.id}`, { dueDate: '2026-03-31', title: 'Bericht' }, 1)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ dueDate: '2026-03-31', title: 'Bericht', version: 2 })
  })

  it.each(['approved', 'submitted'] as const)('answers 409 CYCLE_LOCKED once the cycle is %s and writes nothing', async (state) => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan, { state })
    const admin = await as(plan.cityId, 'admin')
    const before = await tableCounts(db)
    const res = await call(admin, 'PATCH', `/api/reporting-cycles/${cycle.id}`, { title: 'Neu' }, 1)
    expect([res.statusCode, res.json().code]).toEqual([409, 'CYCLE_LOCKED'])
    expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 400 when the period would end before it starts, 428 without and 412 with a stale version', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    const admin = await as(plan.cityId, 'admin')
    const before = await tableCounts(db)
    expect((await call(admin, 'PATCH', `/api/reporting-cycles/${cycle.id}`, { periodEnd: '2023-12-31' }, 1)).json().code).toBe('CYCLE_PERIOD_INVALID')
    expect((await call(admin, 'PATCH', `/api/reporting-cycles/${cycle.id}`, { title: 'x' })).statusCode).toBe(428)
    const stale = await call(admin, 'PATCH', `/api/reporting-cycles/${cycle.id}`, { title: 'x' }, 7)
    expect(stale.statusCode).toBe(412)
    expect(stale.json().current).toMatchObject({ id: cycle.id, version: 1 })
    expect(await tableCounts(db)).toEqual(before)
  })
})

describe('PUT /api/reporting-cycles/:id/narratives/:number', () => {
  it('lets an editor write a commitment\'s narrative and change one language later', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    const editor = await as(plan.cityId, 'editor')
    const first = await call(editor, 'PUT', `/api/reporting-cycles/${cycle.id}/narratives/3`, { textDe: 'Beratung ausgebaut', textEn: 'Counselling expanded' }, 1)
    expect(first.statusCode, first.body).toBe(200)
    const second = await call(editor, 'PUT', `/api/reporting-cycles/${cycle.id}/narratives/3`, { textEn: 'Counselling extended' }, 2)
    expect(second.statusCode).toBe(200)
    expect(second.json().narratives[2]).toMatchObject({ number: 3, textDe: 'Beratung ausgebaut', textEn: 'Counselling extended', version: 3 })
    // Versioned per commitment: the narrative's version is the ETag, the cycle's stays.
    expect(second.headers.etag).toBe('"3"')
    expect(second.json().version).toBe(1)
    expect((await auditRows()).map((row) => row.action)).toEqual(['reporting.narrative.update', 'reporting.narrative.update'])
  })

  it('answers 409 once approved, 403 to a viewer, 400 for commitment 11, and writes nothing', async () => {
    const plan = await buildPlan(db)
    const approved = await buildCycle(plan, { state: 'approved' })
    const open = await buildCycle(plan)
    const [editor, viewer] = [await as(plan.cityId, 'editor'), await as(plan.cityId, 'viewer')]
    const before = await tableCounts(db)
    expect((await call(editor, 'PUT', `/api/reporting-cycles/${approved.id}/narratives/1`, { textDe: 'x' }, 1)).json().code).toBe('CYCLE_LOCKED')
    expect((await call(viewer, 'PUT', `/api/reporting-cycles/${open.id}/narratives/1`, { textDe: 'x' }, 1)).statusCode).toBe(403)
    expect((await call(editor, 'PUT', `/api/reporting-cycles/${open.id}/narratives/11`, { textDe: 'x' }, 1)).statusCode).toBe(400)
    expect(await tableCounts(db)).toEqual(before)
  })
})

describe('POST /api/reporting-cycles/:id/transitions', () => {
  const pairs = cycleStates.flatMap((from) => cycleStates.map((to) => [from, to] as [CycleState, CycleState]))
  const legal = pairs.filter(([from, to]) => transitionRole(from, to) !== null)
  const illegal = pairs.filter(([from, to]) => transitionRole(from, to) === null)

  it('knows five legal and eleven illegal steps', () => {
    expect(legal).toEqual([['open', 'in_review'], ['in_review', 'open'], ['in_review', 'approved'], ['approved', 'in_review'], ['approved', 'submitted']])
    expect(illegal).toHaveLength(11)
  })

  it.each(legal)('moves a cycle from %s to %s', async (from, to) => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan, { state: from })
    await explainAll(cycle.id)
    const res = await call(await as(plan.cityId, 'admin'), 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to }, 1)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ state: to, version: 2 })
    expect(await tableCounts(db)).toMatchObject({ audit_log: 1, cycle_snapshots: to === 'submitted' ? 1 : 0 })
  })

  it.each(illegal)('refuses to move a cycle from %s to %s with 409 and writes nothing', async (from, to) => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan, { state: from })
    const admin = await as(plan.cityId, 'admin')
    const before = await tableCounts(db)
    const res = await call(admin, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to }, 1)
    expect([res.statusCode, res.json().code]).toEqual([409, 'CYCLE_TRANSITION_INVALID'])
    expect(await tableCounts(db)).toEqual(before)
    expect((await db.select().from(reportingCycles).where(eq(reportingCycles.id, cycle.id)))[0]).toMatchObject({ state: from, version: 1 })
  })

  it('records who approved and when, and clears both when the approval is withdrawn', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan, { state: 'in_review' })
    await explainAll(cycle.id)
    const admin = await buildSignedInUser(db, { displayName: 'Büro für Migration', memberships: [{ cityId: plan.cityId, role: 'admin' }] })
    const start = Date.now()

    const approved = await call(admin.headers, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to: 'approved', version: 1 })
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({ state: 'approved', approvedBy: { id: admin.user.id, displayName: 'Büro für Migration' }, nextStates: ['in_review', 'submitted'] })
    const approvedAt = Date.parse(approved.json().approvedAt)
    expect(approvedAt).toBeGreaterThanOrEqual(start - 1000)
    expect(approvedAt).toBeLessThanOrEqual(Date.now() + 1000)
    const [row] = await db.select().from(reportingCycles)
    expect(row).toMatchObject({ approvedBy: admin.user.id })
    expect((await auditRows())[0]).toMatchObject({ action: 'reporting.cycle.approve', actorUserId: admin.user.id, after: { state: 'approved' } })

    const withdrawn = await call(admin.headers, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to: 'in_review', version: 2 })
    expect(withdrawn.json()).toMatchObject({ state: 'in_review', approvedBy: null, approvedAt: null })
  })

  it('records who submitted and when', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan, { state: 'approved' })
    await explainAll(cycle.id)
    const admin = await buildSignedInUser(db, { displayName: 'Amtsleitung', memberships: [{ cityId: plan.cityId, role: 'admin' }] })
    const res = await call(admin.headers, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to: 'submitted' }, 1)
    expect(res.json()).toMatchObject({ state: 'submitted', submittedBy: { id: admin.user.id, displayName: 'Amtsleitung' }, nextStates: [] })
    expect(res.json().submittedAt).not.toBeNull()
    expect(await db.select().from(cycleSnapshots)).toHaveLength(1)
  })

  it.each([
    ['open', 'in_review', 200],
    ['in_review', 'open', 200],
    ['in_review', 'approved', 403],
    ['approved', 'in_review', 403],
    ['approved', 'submitted', 403],
  ] as const)('lets an editor move %s to %s: %i', async (from, to, status) => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan, { state: from })
    const editor = await as(plan.cityId, 'editor')
    const before = await tableCounts(db)
    const res = await call(editor, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to }, 1)
    expect(res.statusCode, res.body).toBe(status)
    if (status === 403) expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 404 to another city\'s admin before asking for a version, and 403 to a viewer', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan)
    const [stranger, viewer] = [await as((await buildPlan(db)).cityId, 'admin'), await as(plan.cityId, 'viewer')]
    const before = await tableCounts(db)
    expect((await call(stranger, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to: 'in_review' })).json().code).toBe('REPORTING_CYCLE_NOT_FOUND')
    expect((await call(viewer, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to: 'in_review' }, 1)).statusCode).toBe(403)
    expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 412 with the current cycle when the version is stale', async () => {
    const plan = await buildPlan(db)
    const cycle = await buildCycle(plan, { state: 'in_review', version: 4 })
    await db.insert(cycleNarratives).values({ cycleId: cycle.id, commitmentNumber: 2, textDe: 'Text' })
    const admin = await as(plan.cityId, 'admin')
    const before = await tableCounts(db)
    const res = await call(admin, 'POST', `/api/reporting-cycles/${cycle.id}/transitions`, { to: 'approved' }, 3)
    expect(res.statusCode).toBe(412)
    expect(res.json().current).toMatchObject({ state: 'in_review', version: 4 })
    expect(res.json().current.narratives[1]).toMatchObject({ number: 2, textDe: 'Text', textEn: null })
    expect(await tableCounts(db)).toEqual(before)
  })
})
