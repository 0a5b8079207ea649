import { sql } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { useConcurrentWriters } from '../../../test/helpers/concurrent-writer.ts'
import { buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate } from '../../../test/helpers/factories.ts'
import { pagesMatchingTables, publicReader } from '../../../test/helpers/measure-reads.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

// The public's first page of a timeline is kept by triggers (migration 0021). Two transactions that
// change one measure's entries at once must both end up in it, whichever of them commits first.

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const { oneAfterTheOther } = useConcurrentWriters(testDb.url)

const recordInSql = `insert into status_updates (measure_id, date, status, progress, note_de) values ($1, $2, 'in_progress', $3, $4)`

/** A rename by other means than the API, which takes no lock of its own before the triggers' (drizzle's query runs once awaited). */
async function renameInSql (id: number, name: string) {
  await testDb.db.execute(sql`update organisations set name = ${name}, version = version + 1 where id = ${id}`)
}

/** The measure's page as the public reads it, checked against the presenter's. */
async function publicPage (measureId: number) {
  const [page] = await pagesMatchingTables(app, [measureId], publicReader)
  expect(page, 'the public sees the measure').toBeDefined()
  return page as { statusHistory: { noteDe: string | null, organisation: { name: string } | null }[], statusHistoryTotal: number }
}

/** A public measure with one entry made by a body named Bürgeramt. */
async function measureWithBodysEntry () {
  const plan = await buildPlan(testDb.db)
  const body = await buildOrganisation(testDb.db, plan.cityId, { name: 'Bürgeramt' })
  const measure = await buildMeasure(testDb.db, plan)
  await buildStatusUpdate(testDb.db, measure, { date: '2024-01-01', noteDe: 'Start', organisationId: body.id })
  return { body, measure }
}

const notesAndBodies = (page: Awaited<ReturnType<typeof publicPage>>) =>
  page.statusHistory.map((entry) => [entry.noteDe, entry.organisation?.name ?? null])

describe.skipIf(process.env.TEST_DATABASE_URL === undefined)('the public timeline while two transactions write one measure\'s entries', () => {
  it('keeps both first entries of a measure recorded at once', async () => {
    const measure = await buildMeasure(testDb.db, await buildPlan(testDb.db))

    await oneAfterTheOther({ text: recordInSql, values: [measure.id, '2024-05-01', 10, 'Erster Bericht'] },
      () => buildStatusUpdate(testDb.db, measure, { date: '2024-06-01', progress: 20, noteDe: 'Zweiter Bericht' }))

    const page = await publicPage(measure.id)
    expect(page.statusHistoryTotal).toBe(2)
    expect(page.statusHistory.map((entry) => entry.noteDe)).toEqual(['Zweiter Bericht', 'Erster Bericht'])
  })

  it('keeps an entry recorded while another is being recorded on a measure with a timeline', async () => {
    const measure = await buildMeasure(testDb.db, await buildPlan(testDb.db))
    await buildStatusUpdate(testDb.db, measure, { date: '2024-01-01', noteDe: 'Start' })

    await oneAfterTheOther({ text: recordInSql, values: [measure.id, '2024-05-01', 10, 'Bericht im Mai'] },
      () => buildStatusUpdate(testDb.db, measure, { date: '2024-04-01', progress: 5, noteDe: 'Bericht im April' }))

    const page = await publicPage(measure.id)
    expect(page.statusHistoryTotal).toBe(3)
    expect(page.statusHistory.map((entry) => entry.noteDe)).toEqual(['Bericht im Mai', 'Bericht im April', 'Start'])
  })

  it('waits for an entry being recorded, then renames a body in the measure\'s other entries without losing it', async () => {
    const { body, measure } = await measureWithBodysEntry()

    await oneAfterTheOther({ text: recordInSql, values: [measure.id, '2024-05-01', 10, 'Ohne Stelle'] },
      () => renameInSql(body.id, 'Zentrales Bürgeramt'))

    expect(notesAndBodies(await publicPage(measure.id))).toEqual([['Ohne Stelle', null], ['Start', 'Zentrales Bürgeramt']])
  })

  it('waits for a rename of a body in the measure\'s entries, then records an entry with the new name in the others', async () => {
    const { body, measure } = await measureWithBodysEntry()

    await oneAfterTheOther({ text: 'update organisations set name = $2, version = version + 1 where id = $1', values: [body.id, 'Zentrales Bürgeramt'] },
      () => buildStatusUpdate(testDb.db, measure, { date: '2024-05-01', progress: 10, noteDe: 'Ohne Stelle' }))

    expect(notesAndBodies(await publicPage(measure.id))).toEqual([['Ohne Stelle', null], ['Start', 'Zentrales Bürgeramt']])
  })
})
