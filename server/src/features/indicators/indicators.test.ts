import type { CreateIndicator, Role } from '@eccar/shared'
import { asc } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildMeasure, buildPlan } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import { auditLog, indicatorCommitments, indicatorMeasures, indicators, indicatorValues } from '../../db/schema/index.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
/** A request as `who` (null: anonymous); `version` goes into If-Match. */
const call = (who: AuthHeaders | null, method: Method, url: string, payload?: InjectOptions['payload'], version?: number) =>
  app.inject({ method, url, payload, headers: { ...who, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) } })

const as = async (cityId: number, role: Role) => (await buildSignedInUser(db, { memberships: [{ cityId, role }] })).headers

async function buildIndicator (plan: { id: number, cityId: number }, overrides: Partial<typeof indicators.$inferInsert> = {}) {
  const [row] = await db.insert(indicators).values({
    nameDe: 'Gemeldete Vorfälle', unit: 'Anzahl', direction: 'decrease', isPublic: true, ...overrides, planId: plan.id, cityId: plan.cityId,
  }).returning()
  return row!
}

async function buildValue (indicator: { id: number }, overrides: Partial<typeof indicatorValues.$inferInsert> = {}) {
  const [row] = await db.insert(indicatorValues).values({ periodStart: '2022-01-01', periodEnd: '2022-12-31', value: 1, ...overrides, indicatorId: indicator.id }).returning()
  return row!
}

const auditActions = async () => (await db.select().from(auditLog).orderBy(asc(auditLog.id))).map((row) => row.action)

const input = (overrides: Partial<CreateIndicator> = {}): CreateIndicator => ({
  nameDe: 'Beratungsfälle der Antidiskriminierungsstelle', nameEn: 'Cases advised', unit: 'Anzahl', direction: 'increase',
  baselineValue: 40, baselineDate: '2021-12-31', targetValue: 80, targetDate: '2023-12-31', ...overrides,
})

describe('POST /api/plans/:id/indicators', () => {
  it('creates the indicator with its commitments and measures when an admin sends it', async () => {
    const plan = await buildPlan(db)
    const later = await buildMeasure(db, plan, { code: '3.2', primaryCommitment: 3, position: 2 })
    const earlier = await buildMeasure(db, plan, { code: '3.1', primaryCommitment: 3, position: 1 })
    const admin = await as(plan.cityId, 'admin')

    const res = await call(admin, 'POST', `/api/plans/${plan.id}/indicators`, input({ commitments: [3, 2], measureIds: [later.id, earlier.id], source: 'ADS-Statistik' }))
    expect(res.statusCode, res.body).toBe(201)
    expect(res.headers.etag).toBe('"1"')
    expect(res.json()).toMatchObject({
      planId: plan.id, nameDe: 'Beratungsfälle der Antidiskriminierungsstelle', direction: 'increase', isPublic: false, source: 'ADS-Statistik',
      baselineValue: 40, targetValue: 80, commitments: [2, 3], values: [], latestValue: null, progressToTarget: null, version: 1,
      measures: [{ id: earlier.id, code: '3.1' }, { id: later.id, code: '3.2' }],
    })
    expect(await auditActions()).toEqual(['indicator.create'])
  })

  it.each([
    ['the unit is missing', 'VALIDATION_FAILED', () => ({ unit: undefined })],
    ['the direction is unknown', 'VALIDATION_FAILED', () => ({ direction: 'sideways' })],
    ['a commitment does not exist', 'VALIDATION_FAILED', () => ({ commitments: [11] })],
    ['a linked measure belongs to another plan', 'INDICATOR_MEASURE_INVALID', (other: number) => ({ measureIds: [other] })],
  ])('answers 400 and writes nothing when %s', async (_case, code, overrides) => {
    const plan = await buildPlan(db)
    const other = await buildMeasure(db, await buildPlan(db, { cityId: plan.cityId }))
    const admin = await as(plan.cityId, 'admin')
    const before = await tableCounts(db)

    const res = await call(admin, 'POST', `/api/plans/${plan.id}/indicators`, { ...input(), ...overrides(other.id) })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe(code)
    expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 403 to an editor and 404 to another city\'s admin, and writes nothing', async () => {
    const plan = await buildPlan(db)
    const other = await buildPlan(db)
    const [asEditor, asStranger] = [await as(plan.cityId, 'editor'), await as(other.cityId, 'admin')]
    const before = await tableCounts(db)
    const editor = await call(asEditor, 'POST', `/api/plans/${plan.id}/indicators`, input())
    const stranger = await call(asStranger, 'POST', `/api/plans/${plan.id}/indicators`, input())
    expect([editor.statusCode, editor.json().code]).toEqual([403, 'FORBIDDEN'])
    expect([stranger.statusCode, stranger.json().code]).toEqual([404, 'PLAN_NOT_FOUND'])
    expect(await tableCounts(db)).toEqual(before)
  })
})

describe('GET /api/plans/:id/indicators', () => {
  it('computes the latest total and the progress toward the target from the values', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan, { baselineValue: 100, targetValue: 50 })
    await buildValue(indicator, { periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 75 })
    await buildValue(indicator, { periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 30, category: 'Wohnen' })
    await buildValue(indicator, { periodStart: '2022-01-01', periodEnd: '2022-12-31', value: 90 })

    const res = await call(null, 'GET', `/api/plans/${plan.id}/indicators`)
    expect(res.statusCode).toBe(200)
    const [item] = res.json().items
    expect(item).toMatchObject({ latestValue: 75, progressToTarget: 0.5 })
    expect(item.values.map((v: { value: number }) => v.value)).toEqual([90, 75, 30])
  })

  it('shows the public published indicators only, without persons or internal measures; members see everything', async () => {
    const plan = await buildPlan(db)
    const open = await buildMeasure(db, plan, { code: '2.1' })
    const internal = await buildMeasure(db, plan, { code: '2.2', isPublic: false })
    const published = await buildIndicator(plan, { nameDe: 'veröffentlicht' })
    await buildIndicator(plan, { nameDe: 'intern', isPublic: false })
    await db.insert(indicatorMeasures).values([{ indicatorId: published.id, measureId: open.id }, { indicatorId: published.id, measureId: internal.id }])
    const viewer = await buildSignedInUser(db, { displayName: 'Erika Muster', memberships: [{ cityId: plan.cityId, role: 'viewer' }] })
    await buildValue(published, { enteredBy: viewer.user.id })

    const anonymous = (await call(null, 'GET', `/api/plans/${plan.id}/indicators`)).json()
    expect(anonymous.items.map((i: { nameDe: string }) => i.nameDe)).toEqual(['veröffentlicht'])
    expect(anonymous.items[0].measures.map((m: { code: string }) => m.code)).toEqual(['2.1'])
    expect(anonymous.items[0].values[0]).not.toHaveProperty('enteredBy')

    const member = (await call(viewer.headers, 'GET', `/api/plans/${plan.id}/indicators`)).json()
    expect(member.items.map((i: { nameDe: string }) => i.nameDe)).toEqual(['veröffentlicht', 'intern'])
    expect(member.items[0].measures.map((m: { code: string }) => m.code)).toEqual(['2.1', '2.2'])
    expect(member.items[0].values[0].enteredBy).toEqual({ id: viewer.user.id, displayName: 'Erika Muster' })
  })

  it('answers 404 to the public for a draft plan', async () => {
    const plan = await buildPlan(db, { state: 'draft' })
    await buildIndicator(plan)
    expect((await call(null, 'GET', `/api/plans/${plan.id}/indicators`)).statusCode).toBe(404)
    expect((await call(await as(plan.cityId, 'viewer'), 'GET', `/api/plans/${plan.id}/indicators`)).statusCode).toBe(200)
  })

  it('shows the public a new value at once, although its answers are cached', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan)
    expect((await call(null, 'GET', `/api/plans/${plan.id}/indicators`)).json().items[0].latestValue).toBeNull()
    const res = await call(await as(plan.cityId, 'editor'), 'POST', `/api/indicators/${indicator.id}/values`, { periodStart: '2022-01-01', periodEnd: '2022-12-31', value: 12 })
    expect(res.statusCode, res.body).toBe(201)
    expect((await call(null, 'GET', `/api/plans/${plan.id}/indicators`)).json().items[0].latestValue).toBe(12)
  })
})

describe('GET /api/indicators/:id', () => {
  it('answers 404 to the public for an unpublished indicator and 200 to a member', async () => {
    const plan = await buildPlan(db)
    const hidden = await buildIndicator(plan, { isPublic: false })
    const res = await call(null, 'GET', `/api/indicators/${hidden.id}`)
    expect([res.statusCode, res.json().code]).toEqual([404, 'INDICATOR_NOT_FOUND'])
    const member = await call(await as(plan.cityId, 'viewer'), 'GET', `/api/indicators/${hidden.id}`)
    expect(member.statusCode).toBe(200)
    expect(member.headers.etag).toBe('"1"')
  })
})

describe('PATCH /api/indicators/:id', () => {
  it('changes the fields sent, replaces the links and counts the version up', async () => {
    const plan = await buildPlan(db)
    const measure = await buildMeasure(db, plan)
    const indicator = await buildIndicator(plan)
    await db.insert(indicatorCommitments).values({ indicatorId: indicator.id, commitmentNumber: 1 })

    const res = await call(await as(plan.cityId, 'admin'), 'PATCH', `/api/indicators/${indicator.id}`,
      { targetValue: 10, baselineValue: 20, commitments: [10], measureIds: [measure.id], version: 1 })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers.etag).toBe('"2"')
    expect(res.json()).toMatchObject({ nameDe: 'Gemeldete Vorfälle', targetValue: 10, baselineValue: 20, commitments: [10], measures: [{ id: measure.id }], version: 2 })
    const [audit] = await db.select().from(auditLog)
    expect(audit).toMatchObject({ action: 'indicator.update', before: { version: 1, commitments: [1] }, after: { version: 2, commitments: [10] } })
  })

  it('answers 428 without a version, 412 with the current record for a stale one, and writes nothing', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan, { version: 3 })
    const admin = await as(plan.cityId, 'admin')
    const before = await tableCounts(db)
    const missing = await call(admin, 'PATCH', `/api/indicators/${indicator.id}`, { unit: '%' })
    expect([missing.statusCode, missing.json().code]).toEqual([428, 'VERSION_REQUIRED'])
    const stale = await call(admin, 'PATCH', `/api/indicators/${indicator.id}`, { unit: '%' }, 2)
    expect([stale.statusCode, stale.json().code]).toEqual([412, 'VERSION_CONFLICT'])
    expect(stale.json().current).toMatchObject({ id: indicator.id, unit: 'Anzahl', version: 3 })
    expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 404 to another city\'s admin before asking for a version', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan)
    const res = await call(await as((await buildPlan(db)).cityId, 'admin'), 'PATCH', `/api/indicators/${indicator.id}`, { unit: '%' })
    expect([res.statusCode, res.json().code]).toEqual([404, 'INDICATOR_NOT_FOUND'])
  })
})

describe('DELETE /api/indicators/:id', () => {
  it('deletes the indicator with its values and links', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan)
    await buildValue(indicator)
    await db.insert(indicatorCommitments).values({ indicatorId: indicator.id, commitmentNumber: 4 })
    const res = await call(await as(plan.cityId, 'admin'), 'DELETE', `/api/indicators/${indicator.id}`, undefined, 1)
    expect(res.statusCode).toBe(204)
    expect(await tableCounts(db)).toMatchObject({ indicators: 0, indicator_values: 0, indicator_commitments: 0, audit_log: 1 })
  })

  it('answers 403 to an editor and writes nothing', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan)
    const editor = await as(plan.cityId, 'editor')
    const before = await tableCounts(db)
    expect((await call(editor, 'DELETE', `/api/indicators/${indicator.id}`, undefined, 1)).statusCode).toBe(403)
    expect(await tableCounts(db)).toEqual(before)
  })
})

describe('POST /api/indicators/:id/values', () => {
  const value = { periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 60, sourceNote: 'Jahresbericht ADS' }

  it('records the value and who entered it when an editor sends it', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan, { direction: 'increase', baselineValue: 40, targetValue: 80 })
    const editor = await buildSignedInUser(db, { displayName: 'Lenkungsgruppe', memberships: [{ cityId: plan.cityId, role: 'editor' }] })

    const res = await call(editor.headers, 'POST', `/api/indicators/${indicator.id}/values`, value)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      latestValue: 60, progressToTarget: 0.5,
      values: [{ ...value, category: null, enteredBy: { id: editor.user.id, displayName: 'Lenkungsgruppe' } }],
    })
    const [stored] = await db.select().from(indicatorValues)
    expect(stored!.enteredBy).toBe(editor.user.id)
    expect(await auditActions()).toEqual(['indicator.value.create'])
  })

  it('keeps a total and its categories for the same period apart', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan)
    const admin = await as(plan.cityId, 'admin')
    expect((await call(admin, 'POST', `/api/indicators/${indicator.id}/values`, value)).statusCode).toBe(201)
    const res = await call(admin, 'POST', `/api/indicators/${indicator.id}/values`, { ...value, value: 20, category: 'Bildung' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ latestValue: 60, values: [{ category: null }, { category: 'Bildung' }] })
  })

  it.each([
    ['409 when the period already has a value', 409, 'INDICATOR_VALUE_EXISTS', {}],
    ['400 when the period ends before it starts', 400, 'INDICATOR_PERIOD_INVALID', { periodStart: '2024-01-01' }],
    ['400 when the value is not a number', 400, 'VALIDATION_FAILED', { value: 'viele' }],
  ])('answers %s and writes nothing', async (_case, status, code, overrides) => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan)
    await buildValue(indicator, { periodStart: value.periodStart, periodEnd: value.periodEnd })
    const editor = await as(plan.cityId, 'editor')
    const before = await tableCounts(db)
    const res = await call(editor, 'POST', `/api/indicators/${indicator.id}/values`, { ...value, ...overrides })
    expect([res.statusCode, res.json().code]).toEqual([status, code])
    expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 403 to a viewer and 404 to another city\'s admin', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan)
    const viewer = await as(plan.cityId, 'viewer')
    const stranger = await as((await buildPlan(db)).cityId, 'admin')
    const before = await tableCounts(db)
    expect((await call(viewer, 'POST', `/api/indicators/${indicator.id}/values`, value)).statusCode).toBe(403)
    expect((await call(stranger, 'POST', `/api/indicators/${indicator.id}/values`, value)).statusCode).toBe(404)
    expect(await tableCounts(db)).toEqual(before)
  })
})

describe('DELETE /api/indicators/:id/values/:valueId', () => {
  it('deletes the value', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan)
    const stored = await buildValue(indicator)
    const res = await call(await as(plan.cityId, 'editor'), 'DELETE', `/api/indicators/${indicator.id}/values/${stored.id}`)
    expect(res.statusCode).toBe(204)
    expect(await tableCounts(db)).toMatchObject({ indicator_values: 0, audit_log: 1 })
  })

  it('answers 404 for a value of another indicator and writes nothing', async () => {
    const plan = await buildPlan(db)
    const indicator = await buildIndicator(plan)
    const foreign = await buildValue(await buildIndicator(plan))
    const admin = await as(plan.cityId, 'admin')
    const before = await tableCounts(db)
    const res = await call(admin, 'DELETE', `/api/indicators/${indicator.id}/values/${foreign.id}`)
    expect([res.statusCode, res.json().code]).toEqual([404, 'INDICATOR_VALUE_NOT_FOUND'])
    expect(await tableCounts(db)).toEqual(before)
  })
})
