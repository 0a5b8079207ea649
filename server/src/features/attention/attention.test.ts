import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'
import { systemActor } from '../../auth/actor.ts'
import { addMonths, isoDate } from './attention.rules.ts'
import { dayInZone } from '../../lib/dates.ts'
import { createAttentionService } from './attention.service.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

// The route reads the real clock, so dates are placed well clear of every boundary; the exact edges are unit-tested.
const today = isoDate(new Date())
const monthsAgo = (months: number) => addMonths(today, -months)
const farFuture = '2999-12-31'

async function cityWithPlan (options: { staleMonths?: number, periodEnd?: string } = {}) {
  const city = await buildCity(testDb.db, { attentionStaleMonths: options.staleMonths ?? 6 })
  const plan = await buildPlan(testDb.db, { cityId: city.id, periodStart: '2020-01-01', periodEnd: options.periodEnd ?? farFuture })
  const viewer = await buildSignedInUser(testDb.db, { memberships: [{ cityId: city.id, role: 'viewer' }] })
  return { city, plan, viewer }
}

/** A measure in progress, on time and reported on today, unless told otherwise. */
async function measure (plan: { id: number, cityId: number }, overrides: Parameters<typeof buildMeasure>[2] = {}, lastUpdate: string | null = today) {
  const built = await buildMeasure(testDb.db, plan, { status: 'in_progress', endDate: farFuture, ...overrides })
  if (lastUpdate) await buildStatusUpdate(testDb.db, built, { date: lastUpdate, status: built.status })
  return built
}

const getAttention = (planId: number, headers?: Record<string, string>, query = '') =>
  app.inject({ method: 'GET', url: `/api/plans/${planId}/attention${query}`, ...(headers ? { headers } : {}) })

type Body = { groups: { organisation: { name: string } | null, measures: { code: string, reasons: string[] }[] }[] }
const reasonsByCode = (body: Body) =>
  Object.fromEntries(body.groups.flatMap((group) => group.measures.map((m) => [m.code, m.reasons])))

describe('GET /api/plans/:id/attention', () => {
  it('lists delayed, overdue and stale measures with their reasons, and nothing else', async () => {
    const { plan, viewer } = await cityWithPlan()
    await measure(plan, { code: '1.1', status: 'delayed', statusReason: 'Kein Personal' })
    await measure(plan, { code: '1.2', endDate: '2021-06-30' })
    await measure(plan, { code: '1.3' }, monthsAgo(10))
    await measure(plan, { code: '1.4', createdAt: new Date('2021-01-01T10:00:00Z') }, null)
    await measure(plan, { code: '1.5', status: 'delayed', statusReason: 'x', endDate: '2021-06-30' }, '2021-01-01')
    await measure(plan, { code: '1.6', status: 'delayed', statusReason: 'x', isPublic: false })
    // Not listed: on track, settled, hidden (deleted), or in another plan.
    await measure(plan, { code: '2.1' })
    await measure(plan, { code: '2.2', status: 'done', endDate: '2021-06-30' }, '2021-01-01')
    await measure(plan, { code: '2.3', status: 'exam_done_no', statusReason: 'x', endDate: '2021-06-30' }, '2021-01-01')
    await measure(plan, { code: '2.4', status: 'delayed', statusReason: 'x', deletedAt: new Date() })
    const other = await buildPlan(testDb.db, { cityId: plan.cityId })
    await measure(other, { code: '9.1', status: 'delayed', statusReason: 'x' })

    const before = dayInZone(new Date(), 'Europe/Berlin')
    const res = await getAttention(plan.id, viewer.headers)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect([before, dayInZone(new Date(), 'Europe/Berlin')]).toContain(body.today)
    expect(body).toMatchObject({ planId: plan.id, staleMonths: 6, total: 6 })
    expect(reasonsByCode(body)).toEqual({
      '1.1': ['delayed'],
      '1.2': ['overdue'],
      '1.3': ['stale'],
      '1.4': ['stale'],
      '1.5': ['delayed', 'overdue', 'stale'],
      '1.6': ['delayed'],
    })
  })

  it('answers with the effective end date, the newest update and nothing internal', async () => {
    const { plan, viewer } = await cityWithPlan({ periodEnd: '2021-12-31' })
    const lead = await buildOrganisation(testDb.db, plan.cityId, { name: 'Büro für Integration', nameEn: 'Integration office' })
    const built = await measure(plan, {
      code: '3.1', titleDe: 'Beratung', titleEn: 'Counselling', endDate: null, progress: 40, leadOrganisationId: lead.id, internalNote: 'geheim',
    }, '2021-03-01')
    await buildStatusUpdate(testDb.db, built, { date: '2021-05-01', status: 'in_progress' })

    const res = await getAttention(plan.id, viewer.headers)
    expect(res.statusCode).toBe(200)
    expect(res.json().groups).toEqual([{
      organisation: { id: lead.id, name: 'Büro für Integration', nameEn: 'Integration office' },
      measures: [{
        id: built.id, code: '3.1', titleDe: 'Beratung', titleEn: 'Counselling', status: 'in_progress', progress: 40,
        endDate: '2021-12-31', lastUpdate: '2021-05-01', reasons: ['overdue', 'stale'],
      }],
    }])
  })

  it('groups by lead body in German order with unled measures last, measures in plan order', async () => {
    const { plan, viewer } = await cityWithPlan()
    const zentrum = await buildOrganisation(testDb.db, plan.cityId, { name: 'Zentrum für Vielfalt' })
    const aerzte = await buildOrganisation(testDb.db, plan.cityId, { name: 'Ärztlicher Dienst' })
    const amt = await buildOrganisation(testDb.db, plan.cityId, { name: 'Amt für Soziales' })
    const delayed = { status: 'delayed' as const, statusReason: 'x' }
    await measure(plan, { ...delayed, code: '4.1', primaryCommitment: 4, position: 1 })
    await measure(plan, { ...delayed, code: '2.2', primaryCommitment: 2, position: 9, leadOrganisationId: zentrum.id })
    await measure(plan, { ...delayed, code: '1.1', primaryCommitment: 1, position: 5, leadOrganisationId: aerzte.id })
    await measure(plan, { ...delayed, code: '2.1', primaryCommitment: 2, position: 2, leadOrganisationId: zentrum.id })
    await measure(plan, { ...delayed, code: '1.2', primaryCommitment: 1, position: 7 })
    await measure(plan, { ...delayed, code: '3.1', primaryCommitment: 3, position: 1, leadOrganisationId: amt.id })

    const res = await getAttention(plan.id, viewer.headers)
    expect(res.statusCode).toBe(200)
    expect(res.json().groups.map((group: Body['groups'][number]) => [group.organisation?.name ?? null, group.measures.map((m) => m.code)])).toEqual([
      ['Amt für Soziales', ['3.1']],
      ['Ärztlicher Dienst', ['1.1']],
      ['Zentrum für Vielfalt', ['2.1', '2.2']],
      [null, ['1.2', '4.1']],
    ])
  })

  it('takes the stale threshold from the city unless the query overrides it', async () => {
    const { plan, viewer } = await cityWithPlan({ staleMonths: 3 })
    await measure(plan, { code: '1.1' }, monthsAgo(4))
    await measure(plan, { code: '1.2' }, monthsAgo(8))

    const byCity = await getAttention(plan.id, viewer.headers)
    expect(byCity.statusCode).toBe(200)
    expect(byCity.json()).toMatchObject({ staleMonths: 3, total: 2 })

    const overridden = await getAttention(plan.id, viewer.headers, '?staleMonths=6')
    expect(overridden.statusCode).toBe(200)
    expect(overridden.json()).toMatchObject({ staleMonths: 6, total: 1 })
    expect(Object.keys(reasonsByCode(overridden.json()))).toEqual(['1.2'])
  })

  it('answers 400 for a threshold outside 1 to 60 months', async () => {
    const { plan, viewer } = await cityWithPlan()
    for (const value of ['0', '61', 'six']) {
      const res = await getAttention(plan.id, viewer.headers, `?staleMonths=${value}`)
      expect(res.statusCode, value).toBe(400)
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
  })

  it('keeps only the measures a body leads or joins when filtered by organisation', async () => {
    const { plan } = await cityWithPlan()
    const mine = await buildOrganisation(testDb.db, plan.cityId, { name: 'Büro für Integration' })
    const other = await buildOrganisation(testDb.db, plan.cityId, { name: 'Amt für Soziales' })
    const delayed = { status: 'delayed' as const, statusReason: 'x' }
    await measure(plan, { ...delayed, code: '1.1', leadOrganisationId: mine.id })
    await measure(plan, { ...delayed, code: '1.2', leadOrganisationId: other.id, involvedOrganisationIds: [mine.id] })
    await measure(plan, { ...delayed, code: '1.3', leadOrganisationId: other.id })
    await measure(plan, { ...delayed, code: '1.4', involvedOrganisationIds: [other.id] })
    await measure(plan, { code: '1.5', leadOrganisationId: mine.id })
    const editor = await buildSignedInUser(testDb.db, { memberships: [{ cityId: plan.cityId, role: 'editor', organisationIds: [mine.id] }] })

    const res = await getAttention(plan.id, editor.headers, `?organisation=${mine.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().total).toBe(2)
    expect(res.json().groups.map((group: Body['groups'][number]) => [group.organisation?.name, group.measures.map((m) => m.code)])).toEqual([
      ['Amt für Soziales', ['1.2']],
      ['Büro für Integration', ['1.1']],
    ])

    // A body without measures gets the plan's answer with nothing in it, not a 404.
    const idle = await buildOrganisation(testDb.db, plan.cityId, { name: 'Seniorenbeirat' })
    const none = await getAttention(plan.id, editor.headers, `?organisation=${idle.id}`)
    expect(none.statusCode).toBe(200)
    expect(none.json()).toMatchObject({ planId: plan.id, total: 0, groups: [] })
  })

  it('answers 401 to the public', async () => {
    const { plan } = await cityWithPlan()
    const res = await getAttention(plan.id)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
  })

  it('shows a draft plan to its city\'s viewers', async () => {
    const { plan, viewer } = await cityWithPlan()
    const draft = await buildPlan(testDb.db, { cityId: plan.cityId, state: 'draft' })
    const res = await getAttention(draft.id, viewer.headers)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ planId: draft.id, total: 0, groups: [] })
  })

  it('answers 404 PLAN_NOT_FOUND to members of another city and for an unknown plan', async () => {
    const { plan } = await cityWithPlan()
    await measure(plan, { status: 'delayed', statusReason: 'x' })
    const elsewhere = await buildCity(testDb.db)
    const otherAdmin = await buildSignedInUser(testDb.db, { memberships: [{ cityId: elsewhere.id, role: 'admin' }] })
    const nobody = await buildSignedInUser(testDb.db)

    for (const headers of [otherAdmin.headers, nobody.headers]) {
      const res = await getAttention(plan.id, headers)
      expect(res.statusCode).toBe(404)
      expect(res.json().code).toBe('PLAN_NOT_FOUND')
    }
    const unknown = await getAttention(4711, otherAdmin.headers)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('PLAN_NOT_FOUND')
  })
})

describe('createAttentionService with a fixed clock', () => {
  const service = createAttentionService(testDb.db, () => new Date('2025-06-15T08:00:00Z'))

  it('classifies against the clock\'s day, to the exact boundary', async () => {
    const { plan } = await cityWithPlan()
    await measure(plan, { code: '1.1', endDate: '2025-06-15' }, '2024-12-16')
    await measure(plan, { code: '1.2', endDate: '2025-06-14' }, '2024-12-16')
    await measure(plan, { code: '1.3', endDate: '2025-06-15' }, '2024-12-15')

    const answer = await service.forPlan(plan.id, {}, systemActor)
    expect(answer).toMatchObject({ today: '2025-06-15', staleMonths: 6, total: 2 })
    expect(reasonsByCode(answer)).toEqual({ '1.2': ['overdue'], '1.3': ['stale'] })
  })
})
