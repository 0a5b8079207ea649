import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { Limits, MeasureDetailSchema } from '@eccar/shared'
import { Value } from 'typebox/value'
import { eq } from 'drizzle-orm'
import { organisations } from '../../db/schema/index.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildSignedInUser, buildUser } from '../../../test/helpers/auth.ts'
import {
  buildCity, buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate, linkExampleActions, linkMeasures,
} from '../../../test/helpers/factories.ts'
import { memberActor, pagesMatchingTables, publicReader, type Reader } from '../../../test/helpers/measure-reads.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

// The measure page the database writes (`measure-page.queries.ts`) against the presenter's page built
// from the rows, for every kind of reader: the SQL restates the visibility rules, so each is exercised.

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

/** A city with a measure that has everything a page shows, and measures each rule hides from someone. */
async function cityWithEveryKindOfMeasure () {
  const city = await buildCity(testDb.db)
  const plan = await buildPlan(testDb.db, { cityId: city.id })
  const earlier = await buildPlan(testDb.db, { cityId: city.id, state: 'closed', titleDe: 'Aktionsplan 2020–2021' })
  const draft = await buildPlan(testDb.db, { cityId: city.id, state: 'draft' })
  const office = await buildOrganisation(testDb.db, city.id, { name: 'Büro für Migration', nameEn: 'Migration office' })
  const council = await buildOrganisation(testDb.db, city.id, { name: 'Ausländerbeirat' })
  const recorder = await buildUser(testDb.db, { displayName: 'Ada Beispiel' })

  const before = await buildMeasure(testDb.db, earlier, { code: '1.1' })
  const measure = await buildMeasure(testDb.db, plan, {
    code: '2.1', primaryCommitment: 2, position: 1, secondaryCommitments: [7, 3], leadOrganisationId: office.id,
    involvedOrganisationIds: [council.id], status: 'delayed', statusReason: 'Stelle unbesetzt', progress: 30,
    descriptionDe: 'Beratung für Betroffene', fundingNoteEn: 'City budget', goodPractice: true, internalNote: 'Nur intern',
    origin: 'carried_over', predecessorMeasureId: before.id,
  })
  // Linked measures out of their codes' order: the page lists them in the plan's order.
  const later = await buildMeasure(testDb.db, plan, { code: '3.10', primaryCommitment: 3, position: 2, titleEn: null })
  const earlierInPlan = await buildMeasure(testDb.db, plan, { code: '3.9', primaryCommitment: 3, position: 3 })
  const internal = await buildMeasure(testDb.db, plan, { code: '1.5', isPublic: false, internalNote: 'Entwurf' })
  const hidden = await buildMeasure(testDb.db, plan, { code: '1.6', deletedAt: new Date() })
  for (const target of [later, earlierInPlan, internal, hidden]) await linkMeasures(testDb.db, measure, target, { noteDe: `zu ${target.code}` })
  await linkMeasures(testDb.db, internal, measure, { noteEn: 'needs' })
  await linkMeasures(testDb.db, later, measure)
  await linkExampleActions(testDb.db, measure, ['10.a', '2.b', '1.a'])
  for (let day = 1; day <= Limits.timelinePage + 5; day++) {
    await buildStatusUpdate(testDb.db, measure, {
      date: `2024-03-${String(day).padStart(2, '0')}`, status: 'in_progress', progress: day,
      organisationId: day % 3 === 0 ? null : office.id, userId: day % 2 === 0 ? recorder.id : null,
      evidenceLinks: day === Limits.timelinePage + 5 ? [{ url: 'https://example.org/bericht.pdf', label: 'Bericht' }] : [],
    })
  }
  // A second entry on the same date as the newest: the order falls back to the entry's id.
  await buildStatusUpdate(testDb.db, measure, { date: `2024-03-${Limits.timelinePage + 5}`, status: 'delayed', progress: 30, reason: 'Stelle unbesetzt' })

  const afterDraft = await buildMeasure(testDb.db, plan, {
    code: '4.1', primaryCommitment: 4, predecessorMeasureId: (await buildMeasure(testDb.db, draft, { code: '4.1' })).id,
  })
  const afterInternal = await buildMeasure(testDb.db, plan, {
    code: '4.2', primaryCommitment: 4, predecessorMeasureId: (await buildMeasure(testDb.db, earlier, { code: '4.2', isPublic: false })).id,
  })
  const inDraft = await buildMeasure(testDb.db, draft, { code: '5.1' })
  const ids = [measure, later, earlierInPlan, internal, hidden, before, afterDraft, afterInternal, inDraft].map((m) => m.id)
  return { city, ids, measure, later, earlierInPlan, internal, afterDraft, afterInternal, inDraft, hidden }
}

async function signedIn (memberships: { cityId: number, role: 'viewer' | 'editor' | 'admin' }[], platformAdmin = false): Promise<Reader> {
  const { headers } = await buildSignedInUser(testDb.db, { memberships, platformAdmin })
  return { headers, actor: memberActor(memberships, platformAdmin) }
}

describe('GET /api/measures/:id as the database writes it', () => {
  it('gives every reader the presenter\'s page: the public, a member, a member of another city, a platform administrator', async () => {
    const fixture = await cityWithEveryKindOfMeasure()
    const otherCity = await buildCity(testDb.db)
    const readers: [string, Reader][] = [
      ['public', publicReader],
      ['viewer of the city', await signedIn([{ cityId: fixture.city.id, role: 'viewer' }])],
      ['editor of another city', await signedIn([{ cityId: otherCity.id, role: 'editor' }])],
      ['platform administrator', await signedIn([], true)],
    ]
    const seen: Record<string, number> = {}
    for (const [name, reader] of readers) seen[name] = (await pagesMatchingTables(app, fixture.ids, reader)).length
    // Public: the measure, its two public links, the predecessor in the closed plan, the two after predecessors.
    expect(seen).toEqual({ 'public': 6, 'viewer of the city': 8, 'editor of another city': 6, 'platform administrator': 8 })
  })

  it('shows the public no internal note, nobody who recorded an entry, no internal links and no predecessor in a draft', async () => {
    const fixture = await cityWithEveryKindOfMeasure()
    const res = await app.inject({ method: 'GET', url: `/api/measures/${fixture.measure.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toBe(`"${fixture.measure.version}"`)
    const page = res.json()
    expect(Value.Check(MeasureDetailSchema, page), JSON.stringify([...Value.Errors(MeasureDetailSchema, page)].slice(0, 3))).toBe(true)
    expect(page).not.toHaveProperty('internalNote')
    expect(page.statusHistory.some((entry: object) => 'recordedBy' in entry)).toBe(false)
    expect(page.relatedMeasures.map((link: { code: string }) => link.code)).toEqual(['3.10', '3.9'])
    expect(page.referencedBy.map((link: { code: string }) => link.code)).toEqual(['3.10'])
    expect(page.exampleActions.map((action: { key: string }) => action.key)).toEqual(['1.a', '2.b', '10.a'])
    expect(page.predecessor).toMatchObject({ code: '1.1', planTitleDe: 'Aktionsplan 2020–2021' })
    expect((await app.inject({ method: 'GET', url: `/api/measures/${fixture.afterDraft.id}` })).json().predecessor).toBeNull()
    expect((await app.inject({ method: 'GET', url: `/api/measures/${fixture.afterInternal.id}` })).json().predecessor).toBeNull()
  })

  it('pages the timeline newest first and links to the older entries, which the link then returns', async () => {
    const fixture = await cityWithEveryKindOfMeasure()
    const member = await signedIn([{ cityId: fixture.city.id, role: 'viewer' }])
    const page = (await app.inject({ method: 'GET', url: `/api/measures/${fixture.measure.id}`, headers: member.headers })).json()
    expect(page.statusHistoryTotal).toBe(Limits.timelinePage + 6)
    expect(page.statusHistory).toHaveLength(Limits.timelinePage)
    expect(page.statusHistory.slice(0, 2).map((entry: { status: string }) => entry.status)).toEqual(['delayed', 'in_progress'])
    expect(page.statusHistory[1].evidenceLinks).toEqual([{ url: 'https://example.org/bericht.pdf', label: 'Bericht' }])
    expect(page.statusHistory.map((entry: { recordedBy: unknown }) => entry.recordedBy)).toContainEqual({ id: expect.any(Number), displayName: 'Ada Beispiel' })
    expect(page.internalNote).toBe('Nur intern')

    const older = await app.inject({ method: 'GET', url: page.statusHistoryNext, headers: member.headers })
    expect(older.statusCode).toBe(200)
    expect(older.json().items.map((entry: { date: string }) => entry.date)).toEqual(['2024-03-06', '2024-03-05', '2024-03-04', '2024-03-03', '2024-03-02', '2024-03-01'])
    expect(older.json().next).toBeNull()
  })

  it('names a body in the entries it made as it is now called, and nobody once it is deleted, whatever code writes', async () => {
    const fixture = await cityWithEveryKindOfMeasure()
    const visitor = await buildOrganisation(testDb.db, fixture.city.id, { name: 'Gastverein' })
    await buildStatusUpdate(testDb.db, fixture.measure, { date: '2024-05-01', status: 'in_progress', progress: 40, organisationId: visitor.id })
    const newest = async () => (await app.inject({ method: 'GET', url: `/api/measures/${fixture.measure.id}` })).json().statusHistory[0]
    expect((await newest()).organisation).toEqual({ id: visitor.id, name: 'Gastverein', nameEn: null })

    await testDb.db.update(organisations).set({ name: 'Verein der Gäste', nameEn: 'Guests\' association' }).where(eq(organisations.id, visitor.id))
    expect((await newest()).organisation).toEqual({ id: visitor.id, name: 'Verein der Gäste', nameEn: 'Guests\' association' })
    await testDb.db.delete(organisations).where(eq(organisations.id, visitor.id))
    expect((await newest()).organisation).toBeNull()
    expect(await pagesMatchingTables(app, fixture.ids, publicReader)).toHaveLength(6)
  })

  it('has no link to older entries when the first page holds them all', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan)
    for (let day = 1; day <= Limits.timelinePage; day++) {
      await buildStatusUpdate(testDb.db, measure, { date: `2024-04-${String(day).padStart(2, '0')}`, status: 'in_progress', progress: day })
    }
    const [page] = await pagesMatchingTables(app, [measure.id], publicReader)
    expect(page).toMatchObject({ statusHistoryTotal: Limits.timelinePage, statusHistoryNext: null })
  })
})
