import { asc, eq } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildPlan } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'
import { auditLog, cycleNarratives, reportingCycles, steeringMeetings } from '../../db/schema/index.ts'

// Issue 12: a cycle of its own kind and period, and the steering-group meeting an approval records.
const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

type Method = 'GET' | 'POST' | 'PATCH'
const call = (who: AuthHeaders, method: Method, url: string, payload?: InjectOptions['payload'], version?: number) =>
  app.inject({ method, url, payload, headers: { ...who, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) } })

async function setUp () {
  const plan = await buildPlan(db, { periodStart: '2024-01-01', periodEnd: '2027-12-31' })
  const admin = await buildSignedInUser(db, { displayName: 'Büro für Migration', memberships: [{ cityId: plan.cityId, role: 'admin' }] })
  const [meeting] = await db.insert(steeringMeetings).values({ cityId: plan.cityId, date: '2025-03-12', agenda: 'Bericht' }).returning()
  const created = await call(admin.headers, 'POST', `/api/plans/${plan.id}/reporting-cycles`, {
    title: 'Sachstandsbericht 2024', kind: 'council', periodStart: '2024-01-01', periodEnd: '2024-12-31', dueDate: '2025-03-31',
  })
  expect(created.statusCode, created.body).toBe(201)
  const cycleId = created.json().id as number
  await db.insert(cycleNarratives).values(Array.from({ length: 10 }, (_, i) => ({ cycleId, commitmentNumber: i + 1, textDe: `Bericht ${i + 1}` })))
  expect((await call(admin.headers, 'POST', `/api/reporting-cycles/${cycleId}/transitions`, { to: 'in_review' }, 1)).statusCode).toBe(200)
  return { plan, admin: admin.headers, meeting: meeting!, cycleId }
}

const auditRows = () => db.select().from(auditLog).orderBy(asc(auditLog.id))

describe('reporting cycles of their own kind and period', () => {
  it('opens a yearly council cycle with its own period and due date next to the biennial one', async () => {
    const { plan, admin, cycleId } = await setUp()
    const biennial = await call(admin, 'POST', `/api/plans/${plan.id}/reporting-cycles`, { kind: 'eccar', periodStart: '2024-01-01', periodEnd: '2025-12-31' })
    expect(biennial.statusCode, biennial.body).toBe(201)
    expect(biennial.json()).toMatchObject({ kind: 'eccar', title: 'Umsetzungsbericht 2024–2025', approvalMeeting: null })

    const list = await call(admin, 'GET', `/api/plans/${plan.id}/reporting-cycles`)
    expect(list.json().items.map((c: { id: number, kind: string, dueDate: string | null }) => [c.id, c.kind, c.dueDate]))
      .toEqual([[cycleId, 'council', '2025-03-31'], [biennial.json().id, 'eccar', null]])
  })

  it('changes the period and due date of an open cycle with its version', async () => {
    const { admin, cycleId } = await setUp()
    const res = await call(admin, 'PATCH', `/api/reporting-cycles/${cycleId}`, { periodEnd: '2024-06-30', dueDate: '2024-09-30' }, 2)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ periodStart: '2024-01-01', periodEnd: '2024-06-30', dueDate: '2024-09-30', version: 3 })
    const stale = await call(admin, 'PATCH', `/api/reporting-cycles/${cycleId}`, { dueDate: '2024-10-31' }, 2)
    expect(stale.statusCode).toBe(412)
    expect(stale.json().current).toMatchObject({ dueDate: '2024-09-30' })
  })
})

describe('approval naming the steering-group meeting', () => {
  it('records the meeting, shows it in the cycle, the audit trail and the report, and clears it when withdrawn', async () => {
    const { admin, meeting, cycleId } = await setUp()
    const approved = await call(admin, 'POST', `/api/reporting-cycles/${cycleId}/transitions`, { to: 'approved', approvalMeetingId: meeting.id }, 2)
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({ state: 'approved', approvalMeeting: { id: meeting.id, date: '2025-03-12' } })
    expect((await db.select().from(reportingCycles).where(eq(reportingCycles.id, cycleId)))[0]!.approvalMeetingId).toBe(meeting.id)
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'reporting.cycle.approve', after: { approvalMeetingId: meeting.id } })

    const snapshot = await call(admin, 'GET', `/api/reporting-cycles/${cycleId}/snapshot`)
    expect(snapshot.json().cycle).toMatchObject({ state: 'approved', approvalMeetingDate: '2025-03-12' })
    const html = await call(admin, 'GET', `/api/reporting-cycles/${cycleId}/report?kind=council&format=html&lang=de`)
    expect(html.statusCode).toBe(200)
    expect(html.body).toContain('Freigabe beschlossen in der Sitzung der Lenkungsgruppe vom 12.03.2025')

    const withdrawn = await call(admin, 'POST', `/api/reporting-cycles/${cycleId}/transitions`, { to: 'in_review' }, 3)
    expect(withdrawn.json()).toMatchObject({ state: 'in_review', approvalMeeting: null })
  })

  it('keeps the meeting in the frozen report once submitted', async () => {
    const { admin, meeting, cycleId } = await setUp()
    await call(admin, 'POST', `/api/reporting-cycles/${cycleId}/transitions`, { to: 'approved', approvalMeetingId: meeting.id }, 2)
    const submitted = await call(admin, 'POST', `/api/reporting-cycles/${cycleId}/transitions`, { to: 'submitted' }, 3)
    expect(submitted.json()).toMatchObject({ state: 'submitted', approvalMeeting: { id: meeting.id } })
    const html = await call(admin, 'GET', `/api/reporting-cycles/${cycleId}/report?kind=eccar&format=html&lang=en`)
    expect(html.body).toContain('approval decided at the steering-group meeting of')
  })

  it('refuses a meeting of another city and changes nothing', async () => {
    const { admin, cycleId } = await setUp()
    const other = await buildCity(db)
    const [foreign] = await db.insert(steeringMeetings).values({ cityId: other.id, date: '2025-03-10' }).returning()
    const before = (await auditRows()).length

    const res = await call(admin, 'POST', `/api/reporting-cycles/${cycleId}/transitions`, { to: 'approved', approvalMeetingId: foreign!.id }, 2)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('CYCLE_APPROVAL_MEETING_INVALID')
    expect((await db.select().from(reportingCycles).where(eq(reportingCycles.id, cycleId)))[0]).toMatchObject({ state: 'in_review', version: 2, approvalMeetingId: null })
    expect(await auditRows()).toHaveLength(before)

    const unknown = await call(admin, 'POST', `/api/reporting-cycles/${cycleId}/transitions`, { to: 'approved', approvalMeetingId: 999_999 }, 2)
    expect(unknown.json().code).toBe('CYCLE_APPROVAL_MEETING_INVALID')
  })

  it('refuses a meeting on any step but approval', async () => {
    const { admin, meeting, cycleId } = await setUp()
    const res = await call(admin, 'POST', `/api/reporting-cycles/${cycleId}/transitions`, { to: 'open', approvalMeetingId: meeting.id }, 2)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('CYCLE_APPROVAL_MEETING_INVALID')
  })
})
