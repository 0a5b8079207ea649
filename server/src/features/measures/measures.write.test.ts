import type { CreateMeasure } from '@eccar/shared'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildMeasure, buildOrganisation, buildPlan } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })
const publicApp = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await publicApp.close()
  await testDb.close()
})

const minimal = (overrides: Partial<CreateMeasure> = {}): CreateMeasure => ({
  code: '1.1', primaryCommitment: 1, titleDe: 'Beratungsstelle einrichten', type: 'implementation', ...overrides,
})

/** Creates a measure through the API, so it starts with its first timeline entry as real ones do. */
async function createMeasure (planId: number, overrides: Partial<CreateMeasure> = {}) {
  const res = await app.inject({ method: 'POST', url: `/api/plans/${planId}/measures`, payload: minimal(overrides) })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

const getMeasure = (id: number) => app.inject({ method: 'GET', url: `/api/measures/${id}` })
const patch = (id: number, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'PATCH', url: `/api/measures/${id}`, payload, headers })

describe('POST /api/plans/:id/measures', () => {
  it('creates the measure with its links and one initial timeline entry when the input is valid', async () => {
    const plan = await buildPlan(testDb.db)
    const lead = await buildOrganisation(testDb.db, plan.cityId)
    const involved = await buildOrganisation(testDb.db, plan.cityId)
    const related = await buildMeasure(testDb.db, plan, { code: '9.9', position: 4 })

    const res = await app.inject({
      method: 'POST',
      url: `/api/plans/${plan.id}/measures`,
      payload: minimal({
        code: '2.1', primaryCommitment: 2, secondaryCommitments: [4], type: 'examination',
        leadOrganisationId: lead.id, involvedOrganisationIds: [involved.id],
        relatedMeasures: [{ measureId: related.id, noteDe: 'siehe auch' }], exampleActions: ['2.a'],
        status: 'delayed', statusReason: 'Stelle unbesetzt', progress: 10, internalNote: 'intern',
      }),
    })
    expect(res.statusCode).toBe(201)
    expect(res.headers.etag).toBe('"1"')
    const expected = {
      code: '2.1', primaryCommitment: 2, secondaryCommitments: [4], version: 1, status: 'delayed', statusReason: 'Stelle unbesetzt',
      leadOrganisation: { id: lead.id }, involvedOrganisations: [{ id: involved.id }],
      relatedMeasures: [{ id: related.id, noteDe: 'siehe auch' }], exampleActions: [{ key: '2.a' }],
      statusHistory: [{ fromStatus: null, status: 'delayed', progress: 10, reason: 'Stelle unbesetzt' }],
    }
    expect(res.json()).toMatchObject(expected)

    const stored = await getMeasure(res.json().id)
    expect(stored.statusCode).toBe(200)
    expect(stored.json()).toMatchObject({ ...expected, internalNote: 'intern' })
    expect(stored.json().statusHistory).toHaveLength(1)
    expect((await getMeasure(related.id)).json().referencedBy).toMatchObject([{ id: res.json().id }])
    expect((await tableCounts(testDb.db)).status_updates).toBe(1)
  })

  const rejected: [string, string, (ids: { org: number, measure: number }) => Partial<CreateMeasure>][] = [
    ['delayed without a reason', 'STATUS_REASON_REQUIRED', () => ({ status: 'delayed' })],
    ['dropped with a blank reason', 'STATUS_REASON_REQUIRED', () => ({ status: 'dropped', statusReason: '   ' })],
    ['exam_done_no without a reason', 'STATUS_REASON_REQUIRED', () => ({ status: 'exam_done_no', statusReason: null })],
    ['the end date lies before the start date', 'MEASURE_DATES_INVALID', () => ({ startDate: '2025-01-01', endDate: '2024-12-31' })],
    ['a secondary commitment repeats the primary one', 'SECONDARY_COMMITMENT_INVALID', () => ({ primaryCommitment: 2, secondaryCommitments: [3, 2] })],
    ['the lead body belongs to another city', 'ORGANISATION_UNKNOWN', ({ org }) => ({ leadOrganisationId: org })],
    ['an involved body belongs to another city', 'ORGANISATION_UNKNOWN', ({ org }) => ({ involvedOrganisationIds: [org] })],
    ['a related measure belongs to another plan', 'RELATED_MEASURE_INVALID', ({ measure }) => ({ relatedMeasures: [{ measureId: measure }] })],
    ['a related measure is named twice', 'RELATED_MEASURE_REPEATED', ({ measure }) => ({ relatedMeasures: [{ measureId: measure }, { measureId: measure, noteDe: 'noch einmal' }] })],
    ['an example action does not exist', 'EXAMPLE_ACTION_UNKNOWN', () => ({ exampleActions: ['1.a', '9.z'] })],
  ]
  it.each(rejected)('answers 400 and writes nothing when %s', async (_case, code, input) => {
    const plan = await buildPlan(testDb.db)
    const otherPlan = await buildPlan(testDb.db)
    const foreignOrg = await buildOrganisation(testDb.db, otherPlan.cityId)
    const foreignMeasure = await buildMeasure(testDb.db, otherPlan)
    const before = await tableCounts(testDb.db)

    const res = await app.inject({
      method: 'POST', url: `/api/plans/${plan.id}/measures`, payload: minimal(input({ org: foreignOrg.id, measure: foreignMeasure.id })),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe(code)
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('answers 409 MEASURE_CODE_TAKEN and writes nothing when a live measure of the plan has the code', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { code: '1.1' })
    const before = await tableCounts(testDb.db)

    const res = await app.inject({ method: 'POST', url: `/api/plans/${plan.id}/measures`, payload: minimal({ code: '1.1' }) })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('MEASURE_CODE_TAKEN')
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('answers 400 VALIDATION_FAILED when a required field is missing', async () => {
    const plan = await buildPlan(testDb.db)
    const { titleDe: _omitted, ...payload } = minimal()
    const res = await app.inject({ method: 'POST', url: `/api/plans/${plan.id}/measures`, payload })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/titleDe' }] })
  })

  it('answers 401 and writes nothing when the public tries to create', async () => {
    const plan = await buildPlan(testDb.db)
    const before = await tableCounts(testDb.db)
    const res = await publicApp.inject({ method: 'POST', url: `/api/plans/${plan.id}/measures`, payload: minimal() })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
    expect(await tableCounts(testDb.db)).toEqual(before)
  })
})

describe('PATCH /api/measures/:id', () => {
  it('answers 428 VERSION_REQUIRED when neither a version nor If-Match is sent', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { titleDe: 'Alt' })

    const res = await patch(measure.id, { titleDe: 'Neu' })
    expect(res.statusCode).toBe(428)
    expect(res.json().code).toBe('VERSION_REQUIRED')
    expect((await getMeasure(measure.id)).json()).toMatchObject({ titleDe: 'Alt', version: 1 })
  })

  it('answers 412 with the stored measure and changes nothing when the version is stale', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { titleDe: 'Alt', version: 2, internalNote: 'intern' })
    const before = await tableCounts(testDb.db)

    const res = await patch(measure.id, { titleDe: 'Neu', status: 'done', version: 1 })
    expect(res.statusCode).toBe(412)
    expect(res.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: measure.id, titleDe: 'Alt', status: 'planned', version: 2 } })
    expect((await getMeasure(measure.id)).json()).toMatchObject({ titleDe: 'Alt', status: 'planned', version: 2 })
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('accepts the version from a strong If-Match header when the body has none', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { titleDe: 'Alt' })

    const res = await patch(measure.id, { titleDe: 'Neu' }, { 'if-match': '"1"' })
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toBe('"2"')
    expect(res.json()).toMatchObject({ titleDe: 'Neu', version: 2 })
  })

  it('answers 412 and changes nothing when If-Match is a weak validator, which never matches', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { titleDe: 'Alt' })

    const res = await patch(measure.id, { titleDe: 'Neu' }, { 'if-match': 'W/"1"' })
    expect(res.statusCode).toBe(412)
    expect(res.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { titleDe: 'Alt', version: 1 } })
    expect((await getMeasure(measure.id)).json()).toMatchObject({ titleDe: 'Alt', version: 1 })
  })

  it('answers 400 VERSION_MISMATCH when If-Match and the version field disagree', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { titleDe: 'Alt' })

    const res = await patch(measure.id, { titleDe: 'Neu', version: 2 }, { 'if-match': '"1"' })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VERSION_MISMATCH')
    expect((await getMeasure(measure.id)).json()).toMatchObject({ titleDe: 'Alt', version: 1 })
  })

  it('answers 400 INVALID_PRECONDITION for an If-Match that is not an entity tag', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan)
    const res = await patch(measure.id, { titleDe: 'Neu' }, { 'if-match': 'one' })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('INVALID_PRECONDITION')
  })

  it('adds exactly one timeline entry with the old and new status when the status changes', async () => {
    const plan = await buildPlan(testDb.db)
    const created = await createMeasure(plan.id)

    const res = await patch(created.id, { status: 'in_progress', progress: 30, version: 1 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'in_progress', progress: 30, version: 2 })
    expect(res.json().statusHistory).toHaveLength(2)
    // Newest first.
    expect(res.json().statusHistory[0]).toMatchObject({ fromStatus: 'planned', status: 'in_progress', fromProgress: 0, progress: 30 })
    expect((await tableCounts(testDb.db)).status_updates).toBe(2)
  })

  it('adds no timeline entry when only the title changes', async () => {
    const plan = await buildPlan(testDb.db)
    const created = await createMeasure(plan.id)

    const res = await patch(created.id, { titleDe: 'Neuer Titel', version: 1 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ titleDe: 'Neuer Titel', version: 2 })
    expect(res.json().statusHistory).toHaveLength(1)
    expect((await tableCounts(testDb.db)).status_updates).toBe(1)
  })

  it('clears the old reason when the status moves away from delayed', async () => {
    const plan = await buildPlan(testDb.db)
    const created = await createMeasure(plan.id, { status: 'delayed', statusReason: 'Haushaltssperre' })

    const res = await patch(created.id, { status: 'in_progress', version: 1 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'in_progress', statusReason: null })
    expect(res.json().statusHistory[0]).toMatchObject({ fromStatus: 'delayed', status: 'in_progress', reason: null })
  })

  it('replaces a link list as a whole when it is sent and keeps the lists left out', async () => {
    const plan = await buildPlan(testDb.db)
    const [a, b] = [await buildOrganisation(testDb.db, plan.cityId), await buildOrganisation(testDb.db, plan.cityId)]
    const other = await buildMeasure(testDb.db, plan)
    const created = await createMeasure(plan.id, {
      secondaryCommitments: [3, 4], involvedOrganisationIds: [a.id, b.id], relatedMeasures: [{ measureId: other.id }], exampleActions: ['1.a'],
    })

    const first = await patch(created.id, { secondaryCommitments: [5], version: 1 })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({
      secondaryCommitments: [5], relatedMeasures: [{ id: other.id }], exampleActions: [{ key: '1.a' }],
    })
    expect(first.json().involvedOrganisations.map((o: { id: number }) => o.id).sort()).toEqual([a.id, b.id].sort())

    const second = await patch(created.id, { involvedOrganisationIds: [], relatedMeasures: [], version: 2 })
    expect(second.statusCode).toBe(200)
    expect(second.json()).toMatchObject({ secondaryCommitments: [5], involvedOrganisations: [], relatedMeasures: [], exampleActions: [{ key: '1.a' }] })
  })

  it('answers 400 and changes nothing when a rule is broken by the merged result', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { primaryCommitment: 1, secondaryCommitments: [3] })
    const cases: [object, string][] = [
      [{ relatedMeasures: [{ measureId: measure.id }] }, 'RELATED_MEASURE_INVALID'],
      [{ primaryCommitment: 3 }, 'SECONDARY_COMMITMENT_INVALID'],
      [{ status: 'delayed' }, 'STATUS_REASON_REQUIRED'],
      [{ endDate: '2023-01-01', startDate: '2024-01-01' }, 'MEASURE_DATES_INVALID'],
    ]
    const before = await tableCounts(testDb.db)
    for (const [payload, code] of cases) {
      const res = await patch(measure.id, { ...payload, version: 1 })
      expect(res.statusCode, code).toBe(400)
      expect(res.json().code).toBe(code)
    }
    expect(await tableCounts(testDb.db)).toEqual(before)
    expect((await getMeasure(measure.id)).json()).toMatchObject({ version: 1, primaryCommitment: 1, status: 'planned' })
  })

  it('answers 409 MEASURE_CODE_TAKEN when renaming to the code of another live measure', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { code: '1.1' })
    const measure = await buildMeasure(testDb.db, plan, { code: '1.2' })

    const res = await patch(measure.id, { code: '1.1', version: 1 })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('MEASURE_CODE_TAKEN')
    expect((await getMeasure(measure.id)).json()).toMatchObject({ code: '1.2', version: 1 })
  })

  it('answers 401 and changes nothing when the public tries to change a measure', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { titleDe: 'Alt' })

    const res = await publicApp.inject({ method: 'PATCH', url: `/api/measures/${measure.id}`, payload: { titleDe: 'Neu', version: 1 } })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
    expect((await getMeasure(measure.id)).json()).toMatchObject({ titleDe: 'Alt', version: 1 })
  })
})

const remove = (id: number, version: number, reader = app) =>
  reader.inject({ method: 'DELETE', url: `/api/measures/${id}`, headers: { 'if-match': `"${version}"` } })
const restore = (id: number, version: number, reader = app) =>
  reader.inject({ method: 'POST', url: `/api/measures/${id}/restore`, headers: { 'if-match': `"${version}"` } })
const progressTotal = async (planId: number) =>
  (await app.inject({ method: 'GET', url: `/api/plans/${planId}/progress` })).json().total.measureCount
const listedIds = async (planId: number) =>
  (await app.inject({ method: 'GET', url: `/api/plans/${planId}/measures` })).json().items.map((m: { id: number }) => m.id)

describe('DELETE /api/measures/:id', () => {
  it('hides the measure from its page, the list and the progress counts when deleted', async () => {
    const plan = await buildPlan(testDb.db)
    const kept = await buildMeasure(testDb.db, plan)
    const measure = await buildMeasure(testDb.db, plan)
    expect(await progressTotal(plan.id)).toBe(2)

    const res = await remove(measure.id, 1)
    expect(res.statusCode).toBe(204)
    expect(res.body).toBe('')
    expect(res.headers.etag).toBe('"2"')
    expect((await getMeasure(measure.id)).statusCode).toBe(404)
    expect(await listedIds(plan.id)).toEqual([kept.id])
    expect(await progressTotal(plan.id)).toBe(1)
  })

  it('answers 428 and keeps the measure when If-Match is missing', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan)

    const res = await app.inject({ method: 'DELETE', url: `/api/measures/${measure.id}` })
    expect(res.statusCode).toBe(428)
    expect(res.json().code).toBe('VERSION_REQUIRED')
    expect((await getMeasure(measure.id)).statusCode).toBe(200)
  })

  it('answers 412 and keeps the measure when the version is stale', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { version: 3 })

    const res = await remove(measure.id, 2)
    expect(res.statusCode).toBe(412)
    expect(res.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: measure.id, version: 3 } })
    expect((await getMeasure(measure.id)).statusCode).toBe(200)
  })

  it('answers 401 and keeps the measure when the public tries to delete', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan)

    const res = await remove(measure.id, 1, publicApp)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
    expect((await getMeasure(measure.id)).json()).toMatchObject({ version: 1 })
  })
})

describe('POST /api/measures/:id/restore', () => {
  it('brings a deleted measure back with its version raised by one', async () => {
    const plan = await buildPlan(testDb.db)
    const created = await createMeasure(plan.id, { secondaryCommitments: [2] })
    expect((await remove(created.id, 1)).statusCode).toBe(204)

    const res = await restore(created.id, 2)
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toBe('"3"')
    expect(res.json()).toMatchObject({ id: created.id, version: 3, secondaryCommitments: [2] })
    expect(res.json().statusHistory).toHaveLength(1)
    expect(await listedIds(plan.id)).toEqual([created.id])
    expect(await progressTotal(plan.id)).toBe(1)
  })

  it('answers 409 MEASURE_CODE_TAKEN when another live measure took the code meanwhile', async () => {
    const plan = await buildPlan(testDb.db)
    const created = await createMeasure(plan.id, { code: '1.1' })
    expect((await remove(created.id, 1)).statusCode).toBe(204)
    const successor = await createMeasure(plan.id, { code: '1.1' })

    const res = await restore(created.id, 2)
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('MEASURE_CODE_TAKEN')
    expect((await getMeasure(created.id)).statusCode).toBe(404)
    expect(await listedIds(plan.id)).toEqual([successor.id])
  })

  it('answers 409 MEASURE_NOT_DELETED when the measure is not hidden', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan)

    const res = await restore(measure.id, 1)
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('MEASURE_NOT_DELETED')
    expect((await getMeasure(measure.id)).json()).toMatchObject({ version: 1 })
  })

  it('answers 401 and keeps the measure hidden when the public tries to restore', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { deletedAt: new Date(), version: 2 })

    const res = await restore(measure.id, 2, publicApp)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
    expect((await getMeasure(measure.id)).statusCode).toBe(404)
  })
})
