import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { Limits, MeasureListSchema } from '@eccar/shared'
import { Value } from 'typebox/value'
import { statusUpdates } from '../../db/schema/index.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import {
  buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate, linkExampleActions, linkMeasures,
} from '../../../test/helpers/factories.ts'
import { listRowsMatchingTables, pagesMatchingTables, publicReader } from '../../../test/helpers/measure-reads.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })
const publicApp = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await publicApp.close()
  await testDb.close()
})

type Reader = typeof app
const listCodes = async (reader: Reader, planId: number, query = '') => {
  const res = await reader.inject({ method: 'GET', url: `/api/plans/${planId}/measures${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return (res.json().items as { code: string }[]).map((item) => item.code)
}

describe('GET /api/plans/:id/measures', () => {
  it('lists measures by commitment, then position, when they were added out of order', async () => {
    const plan = await buildPlan(testDb.db)
    const other = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { code: '2.1', primaryCommitment: 2, position: 1 })
    await buildMeasure(testDb.db, plan, { code: '1.10', primaryCommitment: 1, position: 10 })
    await buildMeasure(testDb.db, plan, { code: '1.9', primaryCommitment: 1, position: 9 })
    await buildMeasure(testDb.db, plan, { code: '1.1', primaryCommitment: 1, position: 2 })
    await buildMeasure(testDb.db, other, { code: '1.0', primaryCommitment: 1, position: 0 })

    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ total: 4, limit: 50, offset: 0 })
    expect(res.json().items.map((item: { code: string }) => item.code)).toEqual(['1.1', '1.9', '1.10', '2.1'])
  })

  it('matches primary and secondary commitments when filtering by commitment', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { code: 'primary', primaryCommitment: 3 })
    await buildMeasure(testDb.db, plan, { code: 'secondary', primaryCommitment: 1, secondaryCommitments: [2, 3] })
    await buildMeasure(testDb.db, plan, { code: 'four', primaryCommitment: 1, secondaryCommitments: [4] })
    await buildMeasure(testDb.db, plan, { code: 'none', primaryCommitment: 5 })

    expect(await listCodes(publicApp, plan.id, '?commitment=3')).toEqual(['secondary', 'primary'])
    expect(await listCodes(publicApp, plan.id, '?commitment=3&commitment=4')).toEqual(['secondary', 'four', 'primary'])
  })

  it('matches any of the values when status or type is repeated', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { code: 'a', status: 'planned', type: 'implementation' })
    await buildMeasure(testDb.db, plan, { code: 'b', status: 'delayed', statusReason: 'Personal fehlt', type: 'examination' })
    await buildMeasure(testDb.db, plan, { code: 'c', status: 'done', type: 'advocacy' })

    expect(await listCodes(publicApp, plan.id, '?status=delayed&status=done')).toEqual(['b', 'c'])
    expect(await listCodes(publicApp, plan.id, '?status=planned')).toEqual(['a'])
    expect(await listCodes(publicApp, plan.id, '?type=implementation&type=advocacy')).toEqual(['a', 'c'])
    expect(await listCodes(publicApp, plan.id, '?status=done&type=examination')).toEqual([])
  })

  it('matches lead and involved bodies when filtering by organisation', async () => {
    const plan = await buildPlan(testDb.db)
    const office = await buildOrganisation(testDb.db, plan.cityId)
    const council = await buildOrganisation(testDb.db, plan.cityId)
    await buildMeasure(testDb.db, plan, { code: 'leads', leadOrganisationId: office.id })
    await buildMeasure(testDb.db, plan, { code: 'joins', leadOrganisationId: council.id, involvedOrganisationIds: [office.id] })
    await buildMeasure(testDb.db, plan, { code: 'other', leadOrganisationId: council.id })

    expect(await listCodes(publicApp, plan.id, `?organisation=${office.id}`)).toEqual(['leads', 'joins'])
  })

  it('searches code, titles and descriptions without regard to case, never internal fields, when q is given', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { code: 'KITA-1' })
    await buildMeasure(testDb.db, plan, { code: 'de-title', titleDe: 'Kita-Projekt' })
    await buildMeasure(testDb.db, plan, { code: 'en-title', titleEn: 'KiTa outreach' })
    await buildMeasure(testDb.db, plan, { code: 'de-text', descriptionDe: 'Für alle Kitas der Stadt' })
    await buildMeasure(testDb.db, plan, { code: 'en-text', descriptionEn: 'training for kita staff' })
    await buildMeasure(testDb.db, plan, { code: 'miss', titleDe: 'Schule', descriptionDe: 'Kein Treffer' })
    await buildMeasure(testDb.db, plan, { code: 'internal-only', titleDe: 'Schule', internalNote: 'Kita-Budget', statusReason: 'Kita' })

    expect(await listCodes(publicApp, plan.id, '?q=kItA')).toEqual(['KITA-1', 'de-title', 'en-title', 'de-text', 'en-text'])
  })

  it('treats % and _ as text when they are part of q', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { code: 'percent', titleDe: 'Quote von 50% erreichen' })
    await buildMeasure(testDb.db, plan, { code: 'digits', titleDe: '500 Stellen besetzen' })
    await buildMeasure(testDb.db, plan, { code: 'underscore', titleDe: 'Feld a_b pflegen' })
    await buildMeasure(testDb.db, plan, { code: 'letter', titleDe: 'Feld axb pflegen' })

    expect(await listCodes(publicApp, plan.id, `?q=${encodeURIComponent('50%')}`)).toEqual(['percent'])
    expect(await listCodes(publicApp, plan.id, '?q=a_b')).toEqual(['underscore'])
    expect(await listCodes(publicApp, plan.id, `?q=${encodeURIComponent('%')}`)).toEqual(['percent'])
  })

  it('returns one page and the total before paging when limit and offset are given', async () => {
    const plan = await buildPlan(testDb.db)
    for (const position of [1, 2, 3, 4, 5]) await buildMeasure(testDb.db, plan, { code: `1.${position}`, position })

    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures?limit=2&offset=2` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ total: 5, limit: 2, offset: 2 })
    expect(res.json().items.map((item: { code: string }) => item.code)).toEqual(['1.3', '1.4'])
  })

  it('answers 400 when limit is above 100', async () => {
    const plan = await buildPlan(testDb.db)
    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures?limit=101` })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/limit' }] })
  })

  it('answers 400 when an unknown query parameter is sent', async () => {
    const plan = await buildPlan(testDb.db)
    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures?sort=code` })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/sort' }] })
  })

  it('answers 404 to the public when the plan is a draft, but lists it in development mode', async () => {
    const plan = await buildPlan(testDb.db, { state: 'draft' })
    await buildMeasure(testDb.db, plan, { code: 'draft-1' })

    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures` })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('PLAN_NOT_FOUND')
    expect(await listCodes(app, plan.id)).toEqual(['draft-1'])
  })

  it('answers 404 PLAN_NOT_FOUND for a plan that does not exist', async () => {
    const res = await publicApp.inject({ method: 'GET', url: '/api/plans/999999/measures' })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('PLAN_NOT_FOUND')
  })

  it('leaves out non-public measures for the public and deleted ones for everyone', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { code: 'public' })
    await buildMeasure(testDb.db, plan, { code: 'internal', isPublic: false })
    await buildMeasure(testDb.db, plan, { code: 'deleted', deletedAt: new Date() })

    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ total: 1, items: [{ code: 'public' }] })
    expect(await listCodes(app, plan.id)).toEqual(['public', 'internal'])
  })
  it('sends each row as the measure page summarises the same measure, to the list schema, bodies in German name order', async () => {
    const plan = await buildPlan(testDb.db)
    const lead = await buildOrganisation(testDb.db, plan.cityId, { name: 'Integrationsbüro', nameEn: 'Integration office' })
    const names = ['Zentrum für Vielfalt', 'Ärztekammer', 'amt für Bildung', 'Ökumenisches Forum', 'Oberbürgermeister']
    const involved = []
    for (const name of names) involved.push(await buildOrganisation(testDb.db, plan.cityId, { name }))
    const full = await buildMeasure(testDb.db, plan, {
      primaryCommitment: 2, secondaryCommitments: [9, 3, 5], leadOrganisationId: lead.id,
      involvedOrganisationIds: involved.map((organisation) => organisation.id), startDate: '2025-02-01', endDate: '2026-12-31',
    })
    const bare = await buildMeasure(testDb.db, plan, { primaryCommitment: 1 })

    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    const list = res.json()
    expect(Value.Check(MeasureListSchema, list), JSON.stringify([...Value.Errors(MeasureListSchema, list)].slice(0, 3))).toBe(true)
    expect(list).toMatchObject({ total: 2, limit: 50, offset: 0 })
    const checked = await listRowsMatchingTables(publicApp, plan.id)
    expect(checked.map((item) => item.id)).toEqual([bare.id, full.id])
    expect(list.items).toStrictEqual(checked)
    expect(list.items[1].secondaryCommitments).toEqual([3, 5, 9])
    expect(list.items[1].involvedOrganisations.map((o: { name: string }) => o.name))
      .toEqual(['amt für Bildung', 'Ärztekammer', 'Oberbürgermeister', 'Ökumenisches Forum', 'Zentrum für Vielfalt'])
    expect(list.items[0]).toMatchObject({ leadOrganisation: null, involvedOrganisations: [], secondaryCommitments: [], startDate: null })
  })

  it('shows each write in the row and on the measure page as in the tables: the measure, its links, its status, a body renamed, a measure hidden and restored', async () => {
    const plan = await buildPlan(testDb.db)
    const lead = await buildOrganisation(testDb.db, plan.cityId, { name: 'Integrationsbüro', nameEn: 'Integration office' })
    const involved = await buildOrganisation(testDb.db, plan.cityId, { name: 'Bürgeramt' })
    const joining = await buildOrganisation(testDb.db, plan.cityId, { name: 'Ausländerbehörde' })
    const measure = await buildMeasure(testDb.db, plan, {
      primaryCommitment: 2, secondaryCommitments: [5], leadOrganisationId: lead.id, involvedOrganisationIds: [involved.id],
    })
    const other = await buildMeasure(testDb.db, plan, { primaryCommitment: 3, leadOrganisationId: involved.id })
    /** The row of `measure` after a write, every row and both measures' pages checked against the tables' rows. */
    const rowAfterWrite = async (res: { statusCode: number, body: string }) => {
      expect(res.statusCode, res.body).toBeLessThan(300)
      await pagesMatchingTables(publicApp, [measure.id, other.id], publicReader)
      return (await listRowsMatchingTables(publicApp, plan.id)).find((item) => item.id === measure.id)
    }

    expect(await rowAfterWrite(await app.inject({
      method: 'PATCH', url: `/api/measures/${measure.id}`,
      payload: { titleDe: 'Beratung ausbauen', secondaryCommitments: [9, 4], involvedOrganisationIds: [joining.id, involved.id], version: 1 },
    }))).toMatchObject({
      titleDe: 'Beratung ausbauen', secondaryCommitments: [4, 9], version: 2,
      involvedOrganisations: [{ id: joining.id, name: 'Ausländerbehörde' }, { id: involved.id, name: 'Bürgeramt' }],
    })
    expect(await rowAfterWrite(await app.inject({
      method: 'POST', url: `/api/measures/${measure.id}/status-updates`, payload: { status: 'in_progress', progress: 40, version: 2 },
    }))).toMatchObject({ status: 'in_progress', progress: 40, version: 3 })
    expect(await rowAfterWrite(await app.inject({
      method: 'PATCH', url: `/api/organisations/${involved.id}`, payload: { name: 'Zentrales Bürgeramt', kind: 'municipal_unit', version: 1 },
    }))).toMatchObject({ involvedOrganisations: [{ name: 'Ausländerbehörde' }, { name: 'Zentrales Bürgeramt' }] })
    expect((await rowAfterWrite(await app.inject({
      method: 'PATCH', url: `/api/organisations/${lead.id}`, payload: { name: 'Büro für Integration', nameEn: 'Office for integration', kind: 'municipal_unit', version: 1 },
    })))?.leadOrganisation).toEqual({ id: lead.id, name: 'Büro für Integration', nameEn: 'Office for integration' })
    expect(await rowAfterWrite(await app.inject({ method: 'DELETE', url: `/api/measures/${measure.id}`, headers: { 'if-match': '"3"' } }))).toBeUndefined()
    expect(await rowAfterWrite(await app.inject({ method: 'POST', url: `/api/measures/${measure.id}/restore`, headers: { 'if-match': '"4"' } })))
      .toMatchObject({ version: 5, titleDe: 'Beratung ausbauen' })
    expect((await publicApp.inject({ method: 'GET', url: `/api/measures/${other.id}` })).json().leadOrganisation.name).toBe('Zentrales Bürgeramt')
  })

  it('counts all matches when the page is beyond the end', async () => {
    const plan = await buildPlan(testDb.db)
    for (let i = 0; i < 3; i++) await buildMeasure(testDb.db, plan)
    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures?limit=2&offset=10` })
    expect(res.json()).toEqual({ items: [], total: 3, limit: 2, offset: 10 })
  })
})

describe('GET /api/measures/:id', () => {
  it('shows lead and involved bodies, secondary commitments and example actions when they are linked', async () => {
    const plan = await buildPlan(testDb.db)
    const lead = await buildOrganisation(testDb.db, plan.cityId, { name: 'Integrationsbüro' })
    const second = await buildOrganisation(testDb.db, plan.cityId, { name: 'Zentrum für Vielfalt', nameEn: 'Diversity centre' })
    const first = await buildOrganisation(testDb.db, plan.cityId, { name: 'Amt für Bildung' })
    const measure = await buildMeasure(testDb.db, plan, {
      primaryCommitment: 1, secondaryCommitments: [5, 3], leadOrganisationId: lead.id, involvedOrganisationIds: [second.id, first.id],
    })
    await linkExampleActions(testDb.db, measure, ['1.b', '1.a'])

    const res = await publicApp.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      id: measure.id,
      planId: plan.id,
      secondaryCommitments: [3, 5],
      leadOrganisation: { id: lead.id, name: 'Integrationsbüro', nameEn: null },
      involvedOrganisations: [
        { id: first.id, name: 'Amt für Bildung' },
        { id: second.id, name: 'Zentrum für Vielfalt', nameEn: 'Diversity centre' },
      ],
      exampleActions: [{ key: '1.a', commitmentNumber: 1 }, { key: '1.b', commitmentNumber: 1 }],
    })
  })

  it('shows related measures in both directions when measures refer to each other', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { code: '1.2' })
    const target = await buildMeasure(testDb.db, plan, { code: '1.3', titleDe: 'Ziel' })
    const source = await buildMeasure(testDb.db, plan, { code: '1.1', titleDe: 'Quelle' })
    await linkMeasures(testDb.db, measure, target, { noteDe: 'baut auf', noteEn: 'builds on' })
    await linkMeasures(testDb.db, source, measure)

    const res = await publicApp.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json().relatedMeasures).toEqual([
      { id: target.id, code: '1.3', titleDe: 'Ziel', titleEn: target.titleEn, noteDe: 'baut auf', noteEn: 'builds on' },
    ])
    expect(res.json().referencedBy).toEqual([
      { id: source.id, code: '1.1', titleDe: 'Quelle', titleEn: source.titleEn, noteDe: null, noteEn: null },
    ])
  })

  it('hides links to non-public measures from the public and links to deleted ones from everyone', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan)
    const internal = await buildMeasure(testDb.db, plan, { isPublic: false })
    const deleted = await buildMeasure(testDb.db, plan, { deletedAt: new Date() })
    await linkMeasures(testDb.db, measure, internal)
    await linkMeasures(testDb.db, measure, deleted)
    await linkMeasures(testDb.db, internal, measure)
    await linkMeasures(testDb.db, deleted, measure)

    const res = await publicApp.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ relatedMeasures: [], referencedBy: [] })
    const dev = await app.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(dev.json().relatedMeasures.map((link: { id: number }) => link.id)).toEqual([internal.id])
    expect(dev.json().referencedBy.map((link: { id: number }) => link.id)).toEqual([internal.id])
  })

  it('lists the status history newest first when entries were recorded out of order', async () => {
    const plan = await buildPlan(testDb.db)
    const office = await buildOrganisation(testDb.db, plan.cityId)
    const measure = await buildMeasure(testDb.db, plan, { status: 'in_progress', progress: 40 })
    await buildStatusUpdate(testDb.db, measure, { date: '2024-06-01', fromStatus: 'planned', status: 'in_progress', fromProgress: 0, progress: 40, organisationId: office.id })
    await buildStatusUpdate(testDb.db, measure, { date: '2024-01-15', status: 'planned', progress: 0 })

    const res = await publicApp.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json().statusHistory).toMatchObject([
      { date: '2024-06-01', fromStatus: 'planned', status: 'in_progress', fromProgress: 0, progress: 40, organisation: { id: office.id } },
      { date: '2024-01-15', fromStatus: null, status: 'planned', progress: 0, organisation: null },
    ])
    expect(res.json()).toMatchObject({ statusHistoryTotal: 2, statusHistoryNext: null })
  })

  it('stays small after 1,000 status updates and pages through the older entries, newest first', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { status: 'in_progress', progress: 40 })
    const start = Date.UTC(2020, 0, 1)
    await testDb.db.insert(statusUpdates).values(Array.from({ length: 1000 }, (_, i) => ({
      measureId: measure.id, date: new Date(start + Math.floor(i / 3) * 86_400_000).toISOString().slice(0, 10),
      status: 'in_progress' as const, progress: i % 100, noteDe: `Zwischenstand ${i + 1}, mit einer Notiz von durchschnittlicher Länge.`,
    })))

    const res = await publicApp.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.body.length).toBeLessThan(20_000)
    const first = res.json()
    expect(first.statusHistory).toHaveLength(Limits.timelinePage)
    expect(first.statusHistory[0].noteDe).toMatch(/^Zwischenstand 1000,/)
    expect(first.statusHistoryTotal).toBe(1000)

    // Following the links gives every entry once, newest first.
    const notes: string[] = first.statusHistory.map((e: { noteDe: string }) => e.noteDe)
    let next: string | null = first.statusHistoryNext
    let pages = 0
    while (next) {
      const page = await publicApp.inject({ method: 'GET', url: `${next}&limit=100` })
      expect(page.statusCode).toBe(200)
      notes.push(...page.json().items.map((e: { noteDe: string }) => e.noteDe))
      next = page.json().next
      pages++
    }
    expect(pages).toBe(10)
    expect(notes).toHaveLength(1000)
    expect(notes.map((n) => Number(/\d+/.exec(n)![0]))).toEqual(Array.from({ length: 1000 }, (_, i) => 1000 - i))

    // A status update's answer and a 412's body carry the newest page only.
    const report = { status: 'in_progress', progress: 50, date: '2024-01-01' }
    const posted = await app.inject({ method: 'POST', url: `/api/measures/${measure.id}/status-updates`, payload: { ...report, version: first.version } })
    expect(posted.statusCode).toBe(201)
    expect(posted.body.length).toBeLessThan(20_000)
    // Dated back, the new entry is not among the newest, and the answer still names it.
    expect(posted.json().entry).toMatchObject({ date: '2024-01-01', progress: 50 })
    expect(posted.json().measure.statusHistoryTotal).toBe(1001)
    const stale = await app.inject({ method: 'POST', url: `/api/measures/${measure.id}/status-updates`, payload: { ...report, version: first.version } })
    expect(stale.statusCode).toBe(412)
    expect(stale.body.length).toBeLessThan(20_000)
    expect(stale.json().current.statusHistory).toHaveLength(Limits.timelinePage)
  })

  it('answers 404 for the timeline of a measure the reader may not see, and 400 for a malformed cursor', async () => {
    const plan = await buildPlan(testDb.db)
    const hidden = await buildMeasure(testDb.db, plan, { isPublic: false })
    expect((await publicApp.inject({ method: 'GET', url: `/api/measures/${hidden.id}/status-history` })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: `/api/measures/${hidden.id}/status-history` })).statusCode).toBe(200)
    const bad = await publicApp.inject({ method: 'GET', url: `/api/measures/${hidden.id}/status-history?before=yesterday` })
    expect(bad.statusCode).toBe(400)
  })

  it('sends the version as a strong ETag', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { version: 7 })

    const res = await publicApp.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toBe('"7"')
    expect(res.json().version).toBe(7)
  })

  it('leaves out internalNote for the public and includes it in development mode', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { internalNote: 'Budget noch nicht freigegeben' })

    const res = await publicApp.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).not.toHaveProperty('internalNote')
    expect(res.body).not.toContain('Budget noch nicht freigegeben')
    const dev = await app.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(dev.statusCode).toBe(200)
    expect(dev.json().internalNote).toBe('Budget noch nicht freigegeben')
  })

  it('answers 404 to the public when the measure is non-public, deleted or in a draft plan', async () => {
    const plan = await buildPlan(testDb.db)
    const draft = await buildPlan(testDb.db, { state: 'draft' })
    const internal = await buildMeasure(testDb.db, plan, { isPublic: false })
    const deleted = await buildMeasure(testDb.db, plan, { deletedAt: new Date() })
    const drafted = await buildMeasure(testDb.db, draft)

    for (const measure of [internal, deleted, drafted]) {
      const res = await publicApp.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
      expect(res.statusCode, measure.code).toBe(404)
      expect(res.json().code).toBe('MEASURE_NOT_FOUND')
    }
    expect((await app.inject({ method: 'GET', url: `/api/measures/${internal.id}` })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: `/api/measures/${drafted.id}` })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: `/api/measures/${deleted.id}` })).statusCode).toBe(404)
  })
})
