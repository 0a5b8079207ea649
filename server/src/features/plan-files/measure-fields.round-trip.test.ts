import type { CreateMeasure, MeasureDetail } from '@eccar/shared'
import { afterAll, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })
afterAll(async () => {
  await app.close()
  await testDb.close()
})

/**
 * A measure with every writable field set to something other than its default. Typed as
 * `Required<CreateMeasure>`, so a new measure field does not compile until it is given a value here,
 * and then this test proves it survives the way API → plan file → import → API.
 */
function everyField (ids: { lead: number, involved: number, related: number }): Required<CreateMeasure> {
  return {
    code: '3.7', primaryCommitment: 3, secondaryCommitments: [5, 9], titleDe: 'Alle Felder', titleEn: 'Every field',
    descriptionDe: 'Beschreibung', descriptionEn: 'Description', type: 'examination',
    leadOrganisationId: ids.lead, involvedOrganisationIds: [ids.involved],
    startDate: '2024-02-01', endDate: '2025-11-30', recurrence: 'yearly', recurrenceOn: '09-11',
    timeframeNoteDe: 'jährlich im Herbst', timeframeNoteEn: 'every autumn', fundingNoteDe: 'Landesmittel', fundingNoteEn: 'State funds',
    goodPractice: true, goodPracticeDescriptionDe: 'Vorbildlich', goodPracticeDescriptionEn: 'Exemplary',
    relatedMeasures: [{ measureId: ids.related, noteDe: 'vgl.', noteEn: 'cf.' }], exampleActions: ['2.a', '3.a'],
    isPublic: false, internalNote: 'nur intern', status: 'delayed', statusReason: 'Stelle unbesetzt', progress: 35,
  }
}

/** The measure as its fields read when ids are replaced by what a plan file carries: names and codes. */
function portable (detail: MeasureDetail): Record<keyof CreateMeasure, unknown> {
  return {
    code: detail.code, primaryCommitment: detail.primaryCommitment, secondaryCommitments: detail.secondaryCommitments,
    titleDe: detail.titleDe, titleEn: detail.titleEn, descriptionDe: detail.descriptionDe, descriptionEn: detail.descriptionEn,
    type: detail.type, leadOrganisationId: detail.leadOrganisation?.name, involvedOrganisationIds: detail.involvedOrganisations.map((o) => o.name),
    startDate: detail.startDate, endDate: detail.endDate, recurrence: detail.recurrence, recurrenceOn: detail.recurrenceOn,
    timeframeNoteDe: detail.timeframeNoteDe, timeframeNoteEn: detail.timeframeNoteEn, fundingNoteDe: detail.fundingNoteDe, fundingNoteEn: detail.fundingNoteEn,
    goodPractice: detail.goodPractice, goodPracticeDescriptionDe: detail.goodPracticeDescriptionDe, goodPracticeDescriptionEn: detail.goodPracticeDescriptionEn,
    relatedMeasures: detail.relatedMeasures.map((r) => ({ code: r.code, noteDe: r.noteDe, noteEn: r.noteEn })),
    exampleActions: detail.exampleActions.map((e) => e.key), isPublic: detail.isPublic, internalNote: detail.internalNote,
    status: detail.status, statusReason: detail.statusReason, progress: detail.progress,
  }
}

it('carries every measure field through the plan file export and import unchanged', async () => {
  const plan = await buildPlan(testDb.db, { state: 'draft' })
  const lead = await buildOrganisation(testDb.db, plan.cityId, { name: 'Amt für Integration' })
  const involved = await buildOrganisation(testDb.db, plan.cityId, { name: 'Beirat' })
  const related = await buildMeasure(testDb.db, plan, { code: '5.1' })
  const input = everyField({ lead: lead.id, involved: involved.id, related: related.id })
  const created = await app.inject({ method: 'POST', url: `/api/plans/${plan.id}/measures`, payload: input })
  expect(created.statusCode, created.body).toBe(201)

  const file = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}/export` })
  expect(file.statusCode).toBe(200)
  const elsewhere = await buildCity(testDb.db, { slug: 'elsewhere' })
  const imported = await app.inject({ method: 'POST', url: `/api/cities/${elsewhere.slug}/plans/import`, payload: file.json() })
  expect(imported.statusCode, imported.body).toBe(201)
  const list = await app.inject({ method: 'GET', url: `/api/plans/${imported.json().plan.id}/measures?q=3.7` })
  const copy = await app.inject({ method: 'GET', url: `/api/measures/${list.json().items[0].id}` })

  const before = portable(created.json())
  const after = portable(copy.json())
  for (const field of Object.keys(input) as (keyof CreateMeasure)[]) {
    expect(before[field], `${field} as created`).not.toBeUndefined()
    expect(after[field], field).toEqual(before[field])
  }
})
