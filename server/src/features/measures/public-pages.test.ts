import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { cities, measureExampleActions, measureRelations, measures, organisations, plans } from '../../db/schema/index.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { useConcurrentWriters } from '../../../test/helpers/concurrent-writer.ts'
import {
  buildCity, buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate, linkExampleActions, linkMeasures,
} from '../../../test/helpers/factories.ts'
import { pagesMatchingTables, publicReader } from '../../../test/helpers/measure-reads.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

// The public reads each measure's page as the database keeps it (`measure_public_pages`, migration 0024):
// a page shows other rows (its plan and city, the measures linked both ways, its predecessor and that
// one's plan), and a write to any of them, by whatever code, must reach every page that shows it. Each
// case writes with plain SQL or drizzle, as no route does, and compares every page with the presenter's.

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })
const adminApp = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await adminApp.close()
  await testDb.close()
})

/** A plan whose measure 2.1 links to 3.1 and is linked from 4.1, and continues 1.1 of a closed earlier plan. */
async function linkedMeasures () {
  const city = await buildCity(testDb.db)
  const earlier = await buildPlan(testDb.db, { cityId: city.id, state: 'closed', titleDe: 'Aktionsplan 2020–2021' })
  const plan = await buildPlan(testDb.db, { cityId: city.id, titleDe: 'Aktionsplan 2022–2023', titleEn: 'Action plan 2022–2023' })
  const before = await buildMeasure(testDb.db, earlier, { code: '1.1' })
  const measure = await buildMeasure(testDb.db, plan, { code: '2.1', primaryCommitment: 2, predecessorMeasureId: before.id })
  const target = await buildMeasure(testDb.db, plan, { code: '3.1', primaryCommitment: 3, titleDe: 'Beratung' })
  const source = await buildMeasure(testDb.db, plan, { code: '4.1', primaryCommitment: 4, titleDe: 'Schulungen' })
  await linkMeasures(testDb.db, measure, target, { noteDe: 'baut auf' })
  await linkMeasures(testDb.db, source, measure)
  const ids = [measure, target, source, before].map((m) => m.id)
  return { city, earlier, plan, before, measure, target, source, ids }
}

const pageOf = async (id: number) => (await pagesMatchingTables(app, [id], publicReader))[0] as Record<string, unknown> | undefined
const codesOf = (links: unknown) => (links as { code: string }[]).map((link) => link.code)

describe('the public measure page the database keeps', () => {
  it('shows a linked measure\'s new code and title on both ends, and drops it once hidden, deleted or gone', async () => {
    const { measure, target, source, ids } = await linkedMeasures()

    await testDb.db.update(measures).set({ code: '3.2', titleDe: 'Beratung für Betroffene' }).where(eq(measures.id, target.id))
    await testDb.db.update(measures).set({ titleDe: 'Schulungen für Lehrkräfte' }).where(eq(measures.id, source.id))
    await pagesMatchingTables(app, ids, publicReader)
    expect((await pageOf(measure.id))?.relatedMeasures).toMatchObject([{ code: '3.2', titleDe: 'Beratung für Betroffene', noteDe: 'baut auf' }])
    expect((await pageOf(measure.id))?.referencedBy).toMatchObject([{ code: '4.1', titleDe: 'Schulungen für Lehrkräfte' }])

    await testDb.db.update(measures).set({ isPublic: false }).where(eq(measures.id, target.id))
    await testDb.db.update(measures).set({ deletedAt: new Date() }).where(eq(measures.id, source.id))
    await pagesMatchingTables(app, ids, publicReader)
    expect(codesOf((await pageOf(measure.id))?.relatedMeasures)).toEqual([])
    expect(codesOf((await pageOf(measure.id))?.referencedBy)).toEqual([])

    await testDb.db.update(measures).set({ isPublic: true }).where(eq(measures.id, target.id))
    expect(codesOf((await pageOf(measure.id))?.relatedMeasures)).toEqual(['3.2'])
    await testDb.db.delete(measures).where(eq(measures.id, target.id))
    expect(codesOf((await pageOf(measure.id))?.relatedMeasures)).toEqual([])
    await pagesMatchingTables(app, ids, publicReader)
  })

  it('lists the links in the plan\'s order after a linked measure moves, and shows their notes as changed', async () => {
    const { plan, measure, target, ids } = await linkedMeasures()
    const first = await buildMeasure(testDb.db, plan, { code: '5.1', primaryCommitment: 5 })
    await linkMeasures(testDb.db, measure, first)
    expect(codesOf((await pageOf(measure.id))?.relatedMeasures)).toEqual(['3.1', '5.1'])

    await testDb.db.update(measures).set({ primaryCommitment: 1 }).where(eq(measures.id, first.id))
    await testDb.db.update(measureRelations).set({ noteEn: 'builds on' }).where(eq(measureRelations.relatedMeasureId, target.id))
    expect((await pageOf(measure.id))?.relatedMeasures).toMatchObject([{ code: '5.1' }, { code: '3.1', noteDe: 'baut auf', noteEn: 'builds on' }])
    await pagesMatchingTables(app, [...ids, first.id], publicReader)
  })

  it('shows the plan\'s new titles, the city\'s new address, and the predecessor as its plan is renamed or withdrawn', async () => {
    const { city, earlier, plan, measure, ids } = await linkedMeasures()

    await testDb.db.update(plans).set({ titleDe: 'Aktionsplan 2022–2024', titleEn: null }).where(eq(plans.id, plan.id))
    await testDb.db.update(plans).set({ titleDe: 'Erster Aktionsplan' }).where(eq(plans.id, earlier.id))
    await testDb.db.update(cities).set({ slug: `${city.slug}-stadt` }).where(eq(cities.id, city.id))
    expect(await pageOf(measure.id)).toMatchObject({
      planTitleDe: 'Aktionsplan 2022–2024', planTitleEn: null, citySlug: `${city.slug}-stadt`, predecessor: { code: '1.1', planTitleDe: 'Erster Aktionsplan' },
    })
    await pagesMatchingTables(app, ids, publicReader)

    // Back to a draft, the earlier plan is no longer the public's, and neither is the predecessor in it.
    await testDb.db.update(plans).set({ state: 'draft' }).where(eq(plans.id, earlier.id))
    expect((await pageOf(measure.id))?.predecessor).toBeNull()
    await pagesMatchingTables(app, ids, publicReader)
  })

  it('shows the measure\'s own example actions, bodies and timeline as they are written', async () => {
    const { city, measure, ids } = await linkedMeasures()
    const office = await buildOrganisation(testDb.db, city.id, { name: 'Büro für Migration' })
    await testDb.db.update(measures).set({ leadOrganisationId: office.id, descriptionDe: 'Beratung – „vor Ort“' }).where(eq(measures.id, measure.id))
    await linkExampleActions(testDb.db, measure, ['2.b', '1.a'])
    await buildStatusUpdate(testDb.db, measure, { date: '2024-02-01', noteDe: 'Begonnen', organisationId: office.id })
    await testDb.db.update(organisations).set({ name: 'Büro für Integration' }).where(eq(organisations.id, office.id))
    await testDb.db.delete(measureExampleActions).where(eq(measureExampleActions.exampleActionKey, '2.b'))

    expect(await pageOf(measure.id)).toMatchObject({
      descriptionDe: 'Beratung – „vor Ort“', leadOrganisation: { name: 'Büro für Integration' }, exampleActions: [{ key: '1.a' }],
      statusHistoryTotal: 1, statusHistory: [{ noteDe: 'Begonnen', organisation: { name: 'Büro für Integration' } }],
    })
    await pagesMatchingTables(app, ids, publicReader)
  })

  it('keeps the page as it was when a write is rolled back, whole or to a savepoint', async () => {
    const { measure, target, ids } = await linkedMeasures()
    const rollback = new Error('rolled back')

    await expect(testDb.db.transaction(async (tx) => {
      await tx.update(measures).set({ titleDe: 'Nie geschrieben' }).where(eq(measures.id, target.id))
      throw rollback
    })).rejects.toBe(rollback)
    await testDb.db.transaction(async (tx) => {
      await tx.transaction(async (savepoint) => {
        await savepoint.update(measures).set({ code: '9.9' }).where(eq(measures.id, target.id))
        savepoint.rollback()
      }).catch(() => {})
      await tx.update(measures).set({ descriptionDe: 'Geschrieben' }).where(eq(measures.id, measure.id))
    })

    expect(await pageOf(measure.id)).toMatchObject({ descriptionDe: 'Geschrieben', relatedMeasures: [{ code: '3.1', titleDe: 'Beratung' }] })
    await pagesMatchingTables(app, ids, publicReader)
  })

  it('replaces a link list through the API without losing the links it keeps or their notes', async () => {
    const { plan, measure, target, ids } = await linkedMeasures()
    const other = await buildMeasure(testDb.db, plan, { code: '6.1', primaryCommitment: 6 })
    const current = (await adminApp.inject({ method: 'GET', url: `/api/measures/${measure.id}` })).json()

    const res = await adminApp.inject({
      method: 'PATCH', url: `/api/measures/${measure.id}`,
      payload: { relatedMeasures: [{ measureId: target.id, noteDe: 'baut darauf auf' }, { measureId: other.id }], version: current.version },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect((await pageOf(measure.id))?.relatedMeasures).toMatchObject([{ code: '3.1', noteDe: 'baut darauf auf' }, { code: '6.1', noteDe: null }])
    expect(codesOf((await pageOf(other.id))?.referencedBy)).toEqual(['2.1'])
    await pagesMatchingTables(app, [...ids, other.id], publicReader)
  })
})

const { otherWriter, appWaitsForLock, oneAfterTheOther } = useConcurrentWriters(testDb.url)

describe.skipIf(process.env.TEST_DATABASE_URL === undefined)('the public measure page while two transactions write what it shows', () => {
  it('shows a measure renamed while another transaction linked it, and the link', async () => {
    const { plan, measure, ids } = await linkedMeasures()
    const other = await buildMeasure(testDb.db, plan, { code: '7.1', primaryCommitment: 7 })

    await oneAfterTheOther({ text: 'insert into measure_relations (measure_id, related_measure_id) values ($1, $2)', values: [measure.id, other.id] },
      async () => await testDb.db.execute(sql`update measures set title_de = 'Neuer Titel' where id = ${other.id}`))

    expect((await pageOf(measure.id))?.relatedMeasures).toContainEqual(expect.objectContaining({ code: '7.1', titleDe: 'Neuer Titel' }))
    await pagesMatchingTables(app, [...ids, other.id], publicReader)
  })

  it('links a measure while another transaction renames it, and shows the new name', async () => {
    const { plan, measure, ids } = await linkedMeasures()
    const other = await buildMeasure(testDb.db, plan, { code: '7.1', primaryCommitment: 7 })

    await oneAfterTheOther({ text: `update measures set title_de = 'Neuer Titel' where id = $1`, values: [other.id] },
      () => linkMeasures(testDb.db, other, measure))

    expect((await pageOf(measure.id))?.referencedBy).toContainEqual(expect.objectContaining({ code: '7.1', titleDe: 'Neuer Titel' }))
    await pagesMatchingTables(app, [...ids, other.id], publicReader)
  })

  it('edits a measure\'s links without waiting for a rename of a measure it stays linked to', async () => {
    const { measure, target, ids } = await linkedMeasures()
    const version = (await adminApp.inject({ method: 'GET', url: `/api/measures/${measure.id}` })).json().version
    const other = await otherWriter()
    await other.query(`update measures set title_de = 'Neuer Titel' where id = $1`, [target.id])

    const edit = adminApp.inject({
      method: 'PATCH', url: `/api/measures/${measure.id}`, payload: { relatedMeasures: [{ measureId: target.id, noteDe: 'neu' }], version },
    })
    const first = await Promise.race([edit.then(() => 'edited'), appWaitsForLock(other).then(() => 'waited', () => 'never waited')])
    expect(first).toBe('edited')
    expect((await edit).statusCode).toBe(200)
    await other.query('commit')

    expect((await pageOf(measure.id))?.relatedMeasures).toMatchObject([{ code: '3.1', titleDe: 'Neuer Titel', noteDe: 'neu' }])
    await pagesMatchingTables(app, ids, publicReader)
  })

  it('shows the plan\'s new title on a measure added while the plan was renamed', async () => {
    const { plan, ids } = await linkedMeasures()

    await oneAfterTheOther({ text: `update plans set title_de = 'Umbenannter Plan' where id = $1`, values: [plan.id] },
      () => buildMeasure(testDb.db, plan, { code: '8.1', primaryCommitment: 8 }))
    const [newest] = await testDb.db.select({ id: measures.id }).from(measures).where(eq(measures.code, '8.1'))
    expect(await pageOf(newest!.id)).toMatchObject({ planTitleDe: 'Umbenannter Plan' })
    await pagesMatchingTables(app, ids, publicReader)
  })
})
