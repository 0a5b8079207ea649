import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, statusUpdates } from '../../db/schema/index.ts'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildMeasure, buildOrganisation, buildPlan } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

async function setting () {
  const plan = await buildPlan(testDb.db)
  const office = await buildOrganisation(testDb.db, plan.cityId, { name: 'Antidiskriminierungsstelle' })
  const other = await buildOrganisation(testDb.db, plan.cityId, { name: 'Jugendamt' })
  const measure = await buildMeasure(testDb.db, plan, { leadOrganisationId: office.id })
  const foreign = await buildMeasure(testDb.db, plan, { leadOrganisationId: other.id })
  const editor = await buildSignedInUser(testDb.db, {
    displayName: 'Erika Beispiel', email: 'erika@example.org',
    memberships: [{ cityId: plan.cityId, role: 'editor', organisationIds: [office.id] }],
  })
  return { plan, office, other, measure, foreign, editor }
}

const report = (id: number, headers: Record<string, string>, payload: object) =>
  app.inject({ method: 'POST', url: `/api/measures/${id}/status-updates`, headers, payload })

describe('POST /api/measures/:id/status-updates', () => {
  it('writes exactly one timeline entry and one audit row, and sets the measure\'s status', async () => {
    const { measure, office, editor } = await setting()
    const before = await tableCounts(testDb.db)
    const res = await report(measure.id, editor.headers, {
      status: 'in_progress', progress: 40, date: '2024-05-02', noteDe: 'Konzept steht', noteEn: 'Concept ready',
      evidenceLinks: [{ url: 'https://rathaus.jena.de/beschluss', label: 'Beschluss' }], version: 1,
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().entry).toMatchObject({
      date: '2024-05-02', fromStatus: 'planned', status: 'in_progress', fromProgress: 0, progress: 40, noteDe: 'Konzept steht',
      organisation: { id: office.id, name: 'Antidiskriminierungsstelle' }, recordedBy: { displayName: 'Erika Beispiel' },
    })
    expect(res.json().measure).toMatchObject({ status: 'in_progress', progress: 40, version: 2 })
    const after = await tableCounts(testDb.db)
    expect(after.status_updates! - before.status_updates!).toBe(1)
    expect(after.audit_log! - before.audit_log!).toBe(1)
    const [audit] = await testDb.db.select().from(auditLog)
    expect(audit).toMatchObject({ action: 'measure.status.update', entityType: 'measure', entityId: String(measure.id), actorUserId: editor.user.id })
  })

  it('answers 400 STATUS_REASON_REQUIRED for delayed without a reason and changes nothing', async () => {
    const { measure, editor } = await setting()
    const before = await tableCounts(testDb.db)
    const res = await report(measure.id, editor.headers, { status: 'delayed', progress: 10, version: 1 })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('STATUS_REASON_REQUIRED')
    expect(await tableCounts(testDb.db)).toEqual(before)
    const ok = await report(measure.id, editor.headers, { status: 'delayed', progress: 10, reason: 'Stelle unbesetzt', version: 1 })
    expect(ok.json().measure).toMatchObject({ status: 'delayed', statusReason: 'Stelle unbesetzt' })
  })

  it('lets an editor limited to organisations report only on their bodies\' measures', async () => {
    const { foreign, editor } = await setting()
    const res = await report(foreign.id, editor.headers, { status: 'in_progress', progress: 10, version: 1 })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('FORBIDDEN')
  })

  it('refuses a reporting body the editor does not act for, and a date in the future', async () => {
    const { measure, other, editor } = await setting()
    const wrongBody = await report(measure.id, editor.headers, { status: 'in_progress', progress: 10, organisationId: other.id, version: 1 })
    expect(wrongBody.json().code).toBe('REPORTING_ORGANISATION_INVALID')
    const future = await report(measure.id, editor.headers, { status: 'in_progress', progress: 10, date: '2999-01-01', version: 1 })
    expect(future.json().code).toBe('STATUS_DATE_IN_FUTURE')
  })

  it('answers a viewer with 403, the public with 401 and another city\'s member with 404', async () => {
    const { plan, measure } = await setting()
    const viewer = await buildSignedInUser(testDb.db, { memberships: [{ cityId: plan.cityId, role: 'viewer' }] })
    const stranger = await buildSignedInUser(testDb.db, { memberships: [{ cityId: (await buildPlan(testDb.db)).cityId, role: 'admin' }] })
    const body = { status: 'done', progress: 100, version: 1 }
    expect((await report(measure.id, viewer.headers, body)).statusCode).toBe(403)
    expect((await report(measure.id, {}, body)).statusCode).toBe(401)
    expect((await report(measure.id, stranger.headers, body)).statusCode).toBe(404)
  })

  it('shows the public the entry\'s status, date, note and organisation, never the person', async () => {
    const { measure, editor } = await setting()
    await report(measure.id, editor.headers, { status: 'in_progress', progress: 40, noteDe: 'Konzept steht', version: 1 })
    const res = await app.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(res.statusCode).toBe(200)
    const [entry] = res.json().statusHistory
    expect(entry).toMatchObject({ status: 'in_progress', noteDe: 'Konzept steht', organisation: { name: 'Antidiskriminierungsstelle' } })
    expect(entry).not.toHaveProperty('recordedBy')
    expect(res.body).not.toContain('Erika')
    expect(res.body).not.toContain('erika@example.org')
    expect(res.json()).not.toHaveProperty('internalNote')
  })
})

describe('two writers racing on one measure', () => {
  it('lands or refuses every update with 412 for 200 rounds, and the history holds exactly the accepted ones', async () => {
    const { measure, editor, plan } = await setting()
    const second = await buildSignedInUser(testDb.db, { memberships: [{ cityId: plan.cityId, role: 'editor' }] })
    const accepted: string[] = []
    for (let round = 0; round < 200; round++) {
      const current = (await app.inject({ method: 'GET', url: `/api/measures/${measure.id}`, headers: editor.headers })).json()
      const results = await Promise.all([editor, second].map((writer, i) =>
        report(measure.id, { ...writer.headers, 'if-match': `"${current.version}"` }, {
          status: 'in_progress', progress: (round * 2 + i) % 101, noteDe: `Runde ${round}, Person ${i}`,
        })))
      const statuses = results.map((res) => res.statusCode).sort()
      expect(statuses, `round ${round}`).toEqual([201, 412])
      accepted.push(results.find((res) => res.statusCode === 201)!.json().entry.noteDe)
    }
    const history = await testDb.db.select({ noteDe: statusUpdates.noteDe }).from(statusUpdates)
      .where(eq(statusUpdates.measureId, measure.id)).orderBy(statusUpdates.id)
    expect(history.map((entry) => entry.noteDe)).toEqual(accepted)
    const final = (await app.inject({ method: 'GET', url: `/api/measures/${measure.id}` })).json()
    expect(final.version).toBe(201)
  }, 180_000) // 200 rounds of four requests: about 25 s on an idle machine, much more on a busy one
})
