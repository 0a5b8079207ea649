import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { useConcurrentWriters } from '../../../test/helpers/concurrent-writer.ts'
import { buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate } from '../../../test/helpers/factories.ts'
import { listRowsMatchingTables } from '../../../test/helpers/measure-reads.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const { otherWriter, appWaitsForLock } = useConcurrentWriters(testDb.url)

const rename = (id: number, name: string) =>
  app.inject({ method: 'PATCH', url: `/api/organisations/${id}`, payload: { name, kind: 'municipal_unit', version: 1 } })

// Row locks between two sessions: PGlite has one connection, so this runs on PostgreSQL only.
describe.skipIf(process.env.TEST_DATABASE_URL === undefined)('renaming a body while another transaction writes its measures', () => {
  it('waits for the other writer, then keeps both changes in the measure list\'s row', async () => {
    const plan = await buildPlan(testDb.db)
    const body = await buildOrganisation(testDb.db, plan.cityId, { name: 'Bürgeramt' })
    const measure = await buildMeasure(testDb.db, plan, { involvedOrganisationIds: [body.id] })
    const other = await otherWriter()
    await other.query(`update measures set status = 'in_progress', progress = 70, version = version + 1 where id = $1`, [measure.id])

    const renaming = rename(body.id, 'Zentrales Bürgeramt')
    await appWaitsForLock(other)
    await other.query('commit')

    expect((await renaming).statusCode).toBe(200)
    expect((await listRowsMatchingTables(app, plan.id)).find((row) => row.id === measure.id)).toMatchObject({
      status: 'in_progress', progress: 70, involvedOrganisations: [{ id: body.id, name: 'Zentrales Bürgeramt' }],
    })
  })

  // A rename through the API locks the body for its version check, so it and a link's foreign-key check
  // wait for each other. A change made by other means (here `nameEn` in SQL) takes a weaker lock, which a
  // foreign-key check does not wait for; only the triggers' lock on a newly linked body orders the two.
  it('waits for a transaction that links the body to a measure, then writes that measure\'s row with the new English name', async () => {
    const plan = await buildPlan(testDb.db)
    const body = await buildOrganisation(testDb.db, plan.cityId, { name: 'Bürgeramt', nameEn: 'Citizens office' })
    const measure = await buildMeasure(testDb.db, plan)
    const other = await otherWriter()
    await other.query('insert into measure_involved_organisations (measure_id, organisation_id) values ($1, $2)', [measure.id, body.id])

    const renaming = app.inject({
      method: 'PATCH', url: `/api/organisations/${body.id}`, payload: { name: 'Bürgeramt', nameEn: 'Citizens\' office', kind: 'municipal_unit', version: 1 },
    })
    await appWaitsForLock(other)
    await other.query('commit')

    expect((await renaming).statusCode).toBe(200)
    expect((await listRowsMatchingTables(app, plan.id))[0]!.involvedOrganisations).toEqual([{ id: body.id, name: 'Bürgeramt', nameEn: 'Citizens\' office' }])
  })

  it('makes a link to a body being renamed wait for the rename, then writes the row with the new English names', async () => {
    const plan = await buildPlan(testDb.db)
    const lead = await buildOrganisation(testDb.db, plan.cityId, { name: 'Integrationsbüro', nameEn: 'Integration office' })
    const body = await buildOrganisation(testDb.db, plan.cityId, { name: 'Bürgeramt', nameEn: 'Citizens office' })
    const measure = await buildMeasure(testDb.db, plan)
    const other = await otherWriter()
    const renameInSql = 'update organisations set name_en = $2, version = version + 1 where id = $1'
    await other.query(renameInSql, [lead.id, 'Office for integration'])
    await other.query(renameInSql, [body.id, 'Citizens\' office'])

    const linking = app.inject({
      method: 'PATCH', url: `/api/measures/${measure.id}`, payload: { leadOrganisationId: lead.id, involvedOrganisationIds: [body.id], version: 1 },
    })
    await appWaitsForLock(other)
    await other.query('commit')

    const res = await linking
    expect(res.statusCode, res.body).toBe(200)
    expect((await listRowsMatchingTables(app, plan.id))[0]).toMatchObject({
      leadOrganisation: { id: lead.id, nameEn: 'Office for integration' }, involvedOrganisations: [{ id: body.id, nameEn: 'Citizens\' office' }],
    })
  })

  // The timeline's kept entries (migration 0020): an entry is built with its body's committed name.
  const newestEntry = async (measureId: number) =>
    (await app.inject({ method: 'GET', url: `/api/measures/${measureId}` })).json().statusHistory[0]

  it('waits for a transaction that records an entry by the body, then writes that entry with the new name', async () => {
    const plan = await buildPlan(testDb.db)
    const body = await buildOrganisation(testDb.db, plan.cityId, { name: 'Bürgeramt' })
    const measure = await buildMeasure(testDb.db, plan)
    const other = await otherWriter()
    await other.query(`insert into status_updates (measure_id, date, status, progress, organisation_id) values ($1, '2024-06-01', 'in_progress', 20, $2)`,
      [measure.id, body.id])

    const renaming = rename(body.id, 'Zentrales Bürgeramt')
    await appWaitsForLock(other)
    await other.query('commit')

    expect((await renaming).statusCode).toBe(200)
    expect((await newestEntry(measure.id)).organisation).toMatchObject({ id: body.id, name: 'Zentrales Bürgeramt' })
  })

  // The body is none of the measure's, so nothing but the entries' trigger locks it: the foreign-key
  // check's lock does not wait for a rename made in SQL.
  it('makes an entry by a body being renamed wait for the rename, then writes it with the new English name', async () => {
    const plan = await buildPlan(testDb.db)
    const body = await buildOrganisation(testDb.db, plan.cityId, { name: 'Bürgeramt', nameEn: 'Citizens office' })
    const measure = await buildMeasure(testDb.db, plan)
    const other = await otherWriter()
    await other.query('update organisations set name_en = $2, version = version + 1 where id = $1', [body.id, 'Citizens\' office'])

    const recording = buildStatusUpdate(testDb.db, measure, { date: '2024-06-01', status: 'in_progress', progress: 20, organisationId: body.id })
    await appWaitsForLock(other)
    await other.query('commit')

    await recording
    expect((await newestEntry(measure.id)).organisation).toEqual({ id: body.id, name: 'Bürgeramt', nameEn: 'Citizens\' office' })
  })

  it('answers 503 with Retry-After and changes nothing when PostgreSQL ends a deadlock by aborting the rename', async () => {
    const plan = await buildPlan(testDb.db)
    const body = await buildOrganisation(testDb.db, plan.cityId, { name: 'Bürgeramt' })
    const first = await buildMeasure(testDb.db, plan, { involvedOrganisationIds: [body.id] })
    const second = await buildMeasure(testDb.db, plan, { involvedOrganisationIds: [body.id] })
    const other = await otherWriter()
    // This session looks for deadlocks only after 10 s, so the rename's (after 1 s) finds this one and ends itself.
    await other.query(`set local deadlock_timeout = '10s'`)
    await other.query('select 1 from measures where id = $1 for update', [second.id])

    const renaming = rename(body.id, 'Zentrales Bürgeramt')
    await appWaitsForLock(other)
    // The rename holds the first measure and waits for the second; this session now waits for the first.
    const crossing = other.query('select 1 from measures where id = $1 for update', [first.id])
    const res = await renaming
    await crossing
    await other.query('rollback')

    expect(res.statusCode, res.body).toBe(503)
    expect(res.headers['retry-after']).toBe('1')
    expect(res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' })
    expect(res.body).not.toMatch(/deadlock|postgres|SQL/i)
    const stored = (await app.inject({ method: 'GET', url: `/api/organisations/${body.id}` })).json()
    expect(stored).toMatchObject({ name: 'Bürgeramt', version: 1 })
    expect((await rename(body.id, 'Zentrales Bürgeramt')).statusCode).toBe(200)
  })
})
