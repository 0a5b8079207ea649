import type { CreatePlanSuccessor, MeasureDetail, PlanDetail, Role, SuccessorDecision } from '@eccar/shared'
import { asc, eq } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate, linkMeasures } from '../../../test/helpers/factories.ts'
import { listRowsMatchingTables } from '../../../test/helpers/measure-reads.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import { auditLog, measures, plans } from '../../db/schema/index.ts'
import { loadDemoData } from '../../demo/load-demo-data.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const call = (who: AuthHeaders | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: InjectOptions['payload'], version?: number) =>
  app.inject({ method, url, payload, headers: { ...who, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) } })

const as = async (cityId: number, role: Role) => (await buildSignedInUser(db, { memberships: [{ cityId, role }] })).headers

const successor = (decisions: SuccessorDecision[], overrides: Partial<CreatePlanSuccessor> = {}): CreatePlanSuccessor => ({
  titleDe: '10-Punkte-Aktionsplan 2024–2025', titleEn: 'Action plan 2024–2025', periodStart: '2024-01-01', periodEnd: '2025-12-31',
  resolutionNumber: '23/1234-BV', resolutionDate: '2023-12-13', decisions, ...overrides,
})

const read = async <T>(who: AuthHeaders | null, url: string): Promise<T> => {
  const res = await call(who, 'GET', url)
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200)
  return res.json() as T
}

describe('POST /api/plans/:id/successor with the Jena plan', () => {
  it('carries measures over with their codes, links and history, closes and replaces the others, in one audited transaction', async () => {
    const { planId } = (await loadDemoData(db))!
    const [old] = await db.select().from(plans).where(eq(plans.id, planId))
    const admin = await as(old!.cityId, 'admin')
    const oldMeasures = await db.select().from(measures).where(eq(measures.planId, planId)).orderBy(asc(measures.primaryCommitment), asc(measures.position))
    const special: Record<string, SuccessorDecision> = {
      1.2: { code: '1.2', action: 'close', finalStatus: 'done' },
      1.4: { code: '1.4', action: 'close', finalStatus: 'dropped', reason: 'Fonds wird nicht eingerichtet' },
      2.3: { code: '2.3', action: 'replace', replacement: { code: '2.3a', titleDe: 'Indikatorenset mit der Hochschule entwickeln' } },
    }
    const decisions = oldMeasures.map((m) => special[m.code] ?? { code: m.code, action: 'carry_over' as const })
    const oldOne = await read<MeasureDetail>(admin, `/api/measures/${oldMeasures.find((m) => m.code === '1.1')!.id}`)
    const auditBefore = (await tableCounts(db)).audit_log!

    const res = await call(admin, 'POST', `/api/plans/${planId}/successor`, successor(decisions))
    expect(res.statusCode, res.body).toBe(201)
    const result = res.json()
    expect(result.plan).toMatchObject({
      titleDe: '10-Punkte-Aktionsplan 2024–2025', state: 'draft', predecessorId: planId, resolutionNumber: '23/1234-BV',
      resolutionDate: '2023-12-13', periodStart: '2024-01-01', periodEnd: '2025-12-31', measureCount: oldMeasures.length - 2,
    })
    expect(result.measures).toHaveLength(oldMeasures.length)
    expect(result.measures.find((m: { code: string }) => m.code === '1.2')).toMatchObject({ action: 'close', oldStatus: 'done', finalStatus: 'done', newMeasureId: null })
    expect(result.measures.find((m: { code: string }) => m.code === '2.3')).toMatchObject({ action: 'replace', finalStatus: 'carried_over', newCode: '2.3a', origin: 'replacement' })

    // The new plan: a draft with the old plan's commitment texts and the same codes in the same order.
    const newPlan = await read<PlanDetail>(admin, `/api/plans/${result.plan.id}`)
    const oldPlan = await read<PlanDetail>(admin, `/api/plans/${planId}`)
    expect(oldPlan.state).toBe('closed')
    expect(newPlan.commitments.map(({ measureCount: _n, ...texts }) => texts)).toEqual(oldPlan.commitments.map(({ measureCount: _n, ...texts }) => texts))
    const newCodes = (await listRowsMatchingTables(app, result.plan.id, admin)).map((m) => m.code)
    const expectedCodes = oldMeasures.filter((m) => !['1.2', '1.4'].includes(m.code)).map((m) => (m.code === '2.3' ? '2.3a' : m.code))
    expect(newCodes).toEqual(expectedCodes)

    // A carried-over measure: same code and links, pointing back to its history.
    const carried = await read<MeasureDetail>(admin, `/api/measures/${result.measures.find((m: { code: string }) => m.code === '1.1').newMeasureId}`)
    expect(carried).toMatchObject({
      code: '1.1', origin: 'carried_over', status: oldOne.status, progress: oldOne.progress, titleDe: oldOne.titleDe,
      leadOrganisation: oldOne.leadOrganisation, involvedOrganisations: oldOne.involvedOrganisations, exampleActions: oldOne.exampleActions,
      secondaryCommitments: oldOne.secondaryCommitments,
      predecessor: { id: oldOne.id, code: '1.1', planId, planTitleDe: old!.titleDe },
    })
    expect(carried.relatedMeasures.map((r) => r.code)).toEqual(oldOne.relatedMeasures.map((r) => r.code))
    expect(carried.relatedMeasures.every((r) => !oldMeasures.some((m) => m.id === r.id))).toBe(true)
    expect(carried.statusHistory).toHaveLength(1)
    expect(carried.statusHistory[0]).toMatchObject({ fromStatus: null, status: oldOne.status })

    // Relations to a measure that was not carried over are not re-linked.
    const twoTwo = await read<MeasureDetail>(admin, `/api/measures/${result.measures.find((m: { code: string }) => m.code === '2.2').newMeasureId}`)
    expect(twoTwo.relatedMeasures.map((r) => r.code)).toEqual(['2.1'])

    // The old measure keeps its whole history and ends as carried over.
    const oldAfter = await read<MeasureDetail>(admin, `/api/measures/${oldOne.id}`)
    expect(oldAfter.status).toBe('carried_over')
    // Newest first: the carry-over entry, then the history as it was.
    expect(oldAfter.statusHistory.slice(1)).toEqual(oldOne.statusHistory)
    expect(oldAfter.statusHistory[0]).toMatchObject({ fromStatus: oldOne.status, status: 'carried_over' })
    expect(oldAfter.predecessor).toBeNull()
    expect(oldAfter.origin).toBe('new')
    expect((await listRowsMatchingTables(app, planId, admin)).find((m) => m.id === oldOne.id)).toMatchObject({ status: 'carried_over' })

    // Closed and replaced measures.
    const dropped = await read<MeasureDetail>(admin, `/api/measures/${oldMeasures.find((m) => m.code === '1.4')!.id}`)
    expect(dropped).toMatchObject({ status: 'dropped', statusReason: 'Fonds wird nicht eingerichtet' })
    const done = await read<MeasureDetail>(admin, `/api/measures/${oldMeasures.find((m) => m.code === '1.2')!.id}`)
    expect(done.status).toBe('done')
    const replacement = await read<MeasureDetail>(admin, `/api/measures/${result.measures.find((m: { code: string }) => m.code === '2.3').newMeasureId}`)
    expect(replacement).toMatchObject({
      code: '2.3a', origin: 'replacement', status: 'planned', primaryCommitment: 2,
      predecessor: { id: oldMeasures.find((m) => m.code === '2.3')!.id, code: '2.3', planId },
    })

    const audit = await db.select().from(auditLog).orderBy(asc(auditLog.id))
    expect(audit).toHaveLength(auditBefore + 1)
    expect(audit.at(-1)).toMatchObject({ action: 'plan.successor.create', entityType: 'plan', entityId: String(result.plan.id) })
  })
})

describe('POST /api/plans/:id/successor', () => {
  async function smallPlan (overrides: Partial<typeof plans.$inferInsert> = {}) {
    const plan = await buildPlan(db, { periodStart: '2022-01-01', periodEnd: '2023-12-31', ...overrides })
    const a = await buildMeasure(db, plan, { code: 'A', position: 1, status: 'in_progress', progress: 30 })
    const b = await buildMeasure(db, plan, { code: 'B', position: 2, status: 'planned' })
    const c = await buildMeasure(db, plan, { code: 'C', position: 3, status: 'examining', isPublic: false })
    await buildMeasure(db, plan, { code: 'HIDDEN', position: 4, deletedAt: new Date() })
    await linkMeasures(db, a, b, { noteDe: 'baut auf' })
    await buildStatusUpdate(db, a, { date: '2022-02-01', status: 'in_progress', progress: 30 })
    return { plan, a, b, c, admin: await as(plan.cityId, 'admin') }
  }
  const all = (action: SuccessorDecision['action'] = 'carry_over'): SuccessorDecision[] =>
    ['A', 'B', 'C'].map((code) => ({ code, action }))

  it('continues a closed plan, carries the relation between carried-over measures and leaves hidden measures alone', async () => {
    const { plan, a, b, admin } = await smallPlan({ state: 'closed' })
    const res = await call(admin, 'POST', `/api/plans/${plan.id}/successor`, successor(all()))
    expect(res.statusCode, res.body).toBe(201)
    const newA = res.json().measures[0].newMeasureId
    const detail = await read<MeasureDetail>(admin, `/api/measures/${newA}`)
    expect(detail.relatedMeasures).toEqual([{ id: res.json().measures[1].newMeasureId, code: 'B', titleDe: b.titleDe, titleEn: b.titleEn, noteDe: 'baut auf', noteEn: null }])
    expect(detail.predecessor).toMatchObject({ id: a.id, code: 'A' })
    const [hidden] = await db.select().from(measures).where(eq(measures.code, 'HIDDEN'))
    expect(hidden).toMatchObject({ status: 'planned', version: 1 })
    expect((await db.select().from(plans).where(eq(plans.id, plan.id)))[0]!.state).toBe('closed')
  })

  it('shows the public the predecessor once the new plan is adopted, and not when the old measure is hidden', async () => {
    const { plan, a, admin } = await smallPlan()
    const res = await call(admin, 'POST', `/api/plans/${plan.id}/successor`, successor(all()))
    const created = res.json()
    expect((await call(admin, 'PATCH', `/api/plans/${created.plan.id}`, { state: 'adopted' }, 1)).statusCode).toBe(200)
    const newA = created.measures[0].newMeasureId
    expect((await read<MeasureDetail>(null, `/api/measures/${newA}`)).predecessor).toEqual({ id: a.id, code: 'A', planId: plan.id, planTitleDe: plan.titleDe })
    const version = (await read<MeasureDetail>(admin, `/api/measures/${a.id}`)).version
    expect((await call(admin, 'DELETE', `/api/measures/${a.id}`, undefined, version)).statusCode).toBe(204)
    expect((await read<MeasureDetail>(null, `/api/measures/${newA}`)).predecessor).toBeNull()
  })

  const rejected: [string, number, string, (ids: { otherOrg: number }) => SuccessorDecision[], Partial<CreatePlanSuccessor>?][] = [
    ['a measure has no decision (naming the first one missing)', 400, 'SUCCESSOR_DECISION_MISSING', () => [{ code: 'A', action: 'carry_over' }]],
    ['a measure has two decisions', 400, 'SUCCESSOR_DECISION_DUPLICATE', () => [...all(), { code: 'B', action: 'close', finalStatus: 'done' }]],
    ['a decision names an unknown code', 400, 'SUCCESSOR_DECISION_UNKNOWN', () => [...all(), { code: 'HIDDEN', action: 'carry_over' }]],
    ['"close" has no final status', 400, 'SUCCESSOR_DECISION_INVALID', () => [...all().slice(0, 2), { code: 'C', action: 'close' }]],
    ['"close" names a status that is not final', 400, 'SUCCESSOR_DECISION_INVALID', () => [...all().slice(0, 2), { code: 'C', action: 'close', finalStatus: 'in_progress' }]],
    ['"dropped" comes without a reason', 400, 'SUCCESSOR_DECISION_INVALID', () => [...all().slice(0, 2), { code: 'C', action: 'close', finalStatus: 'dropped', reason: ' ' }]],
    ['"replace" has no replacement', 400, 'SUCCESSOR_DECISION_INVALID', () => [...all().slice(0, 2), { code: 'C', action: 'replace' }]],
    ['a carried-over measure gets a final status', 400, 'SUCCESSOR_DECISION_INVALID', () => [...all().slice(0, 2), { code: 'C', action: 'carry_over', finalStatus: 'done' }]],
    ['a replacement takes a carried-over code', 409, 'MEASURE_CODE_TAKEN', () => [...all().slice(0, 2), { code: 'C', action: 'replace', replacement: { code: 'A', titleDe: 'Neu' } }]],
    ['a replacement\'s lead body is another city\'s', 400, 'ORGANISATION_UNKNOWN', ({ otherOrg }) => [...all().slice(0, 2), { code: 'C', action: 'replace', replacement: { code: 'C2', titleDe: 'Neu', leadOrganisationId: otherOrg } }]],
    ['the period ends before it starts', 400, 'PLAN_PERIOD_INVALID', () => all(), { periodEnd: '2023-12-31' }],
    ['the resolution is missing', 400, 'VALIDATION_FAILED', () => all(), { resolutionNumber: undefined }],
    ['an action is unknown', 400, 'VALIDATION_FAILED', () => [...all().slice(0, 2), { code: 'C', action: 'postpone' as 'close' }]],
  ]
  it.each(rejected)('answers when %s: %i, and changes nothing', async (_case, status, code, decisions, overrides = {}) => {
    const { plan, admin } = await smallPlan()
    const otherOrg = (await buildOrganisation(db, (await buildPlan(db)).cityId)).id
    const before = await tableCounts(db)
    const stored = await db.select().from(measures).orderBy(asc(measures.id))
    const res = await call(admin, 'POST', `/api/plans/${plan.id}/successor`, successor(decisions({ otherOrg }), overrides))
    expect([res.statusCode, res.json().code], res.body).toEqual([status, code])
    if (code === 'SUCCESSOR_DECISION_MISSING') expect(res.json().message).toContain('Measure B')
    expect(await tableCounts(db)).toEqual(before)
    expect(await db.select().from(measures).orderBy(asc(measures.id))).toEqual(stored)
    expect((await db.select().from(plans).where(eq(plans.id, plan.id)))[0]!.state).toBe('adopted')
  })

  it('answers 409 for a draft plan and for a plan that already has a successor, and changes nothing', async () => {
    const draft = await smallPlan({ state: 'draft' })
    const continued = await smallPlan()
    await buildPlan(db, { cityId: continued.plan.cityId, predecessorId: continued.plan.id, state: 'draft' })
    const before = await tableCounts(db)
    const first = await call(draft.admin, 'POST', `/api/plans/${draft.plan.id}/successor`, successor(all()))
    expect([first.statusCode, first.json().code]).toEqual([409, 'PLAN_NOT_CONTINUABLE'])
    const second = await call(continued.admin, 'POST', `/api/plans/${continued.plan.id}/successor`, successor(all()))
    expect([second.statusCode, second.json().code]).toEqual([409, 'PLAN_ALREADY_CONTINUED'])
    expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 403 to an editor and 404 to another city\'s admin, and changes nothing', async () => {
    const { plan } = await smallPlan()
    const [editor, stranger] = [await as(plan.cityId, 'editor'), await as((await buildPlan(db)).cityId, 'admin')]
    const before = await tableCounts(db)
    expect((await call(editor, 'POST', `/api/plans/${plan.id}/successor`, successor(all()))).statusCode).toBe(403)
    expect((await call(stranger, 'POST', `/api/plans/${plan.id}/successor`, successor(all()))).json().code).toBe('PLAN_NOT_FOUND')
    expect(await tableCounts(db)).toEqual(before)
  })
})
