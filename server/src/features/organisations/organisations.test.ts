import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan } from '../../../test/helpers/factories.ts'
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

const getOrganisation = (id: number, reader = app) => reader.inject({ method: 'GET', url: `/api/organisations/${id}` })
const codes = (measures: { code: string }[]) => measures.map((measure) => measure.code)

describe('GET /api/cities/:city/organisations', () => {
  it('lists the bodies of the city sorted by name, as German readers expect', async () => {
    const city = await buildCity(testDb.db)
    const other = await buildCity(testDb.db)
    for (const name of ['Zentrum für Vielfalt', 'Ärztlicher Dienst', 'bürgerbüro', 'Amt für Soziales']) {
      await buildOrganisation(testDb.db, city.id, { name })
    }
    await buildOrganisation(testDb.db, other.id, { name: 'Amt der anderen Stadt' })

    const res = await publicApp.inject({ method: 'GET', url: `/api/cities/${city.slug}/organisations` })
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((o: { name: string }) => o.name))
      .toEqual(['Amt für Soziales', 'Ärztlicher Dienst', 'bürgerbüro', 'Zentrum für Vielfalt'])
    expect(res.json().items[0]).toEqual({
      id: expect.any(Number), citySlug: city.slug, name: 'Amt für Soziales', nameEn: null, kind: 'municipal_unit',
      descriptionDe: null, descriptionEn: null, version: 1,
    })
  })

  it('answers 404 CITY_NOT_FOUND when the city does not exist', async () => {
    const res = await publicApp.inject({ method: 'GET', url: '/api/cities/atlantis/organisations' })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('CITY_NOT_FOUND')
  })
})

describe('POST /api/cities/:city/organisations', () => {
  it('creates a body when the name is new in the city', async () => {
    const city = await buildCity(testDb.db)
    const res = await app.inject({
      method: 'POST', url: `/api/cities/${city.slug}/organisations`,
      payload: { name: 'Integrationsbeirat', nameEn: 'Integration council', kind: 'advisory_council' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.headers.etag).toBe('"1"')
    expect(res.json()).toMatchObject({
      citySlug: city.slug, name: 'Integrationsbeirat', nameEn: 'Integration council', kind: 'advisory_council', version: 1, leads: [], joins: [],
    })
    expect((await getOrganisation(res.json().id)).statusCode).toBe(200)
  })

  it('answers 409 ORGANISATION_NAME_TAKEN and writes nothing when the city already has the name', async () => {
    const city = await buildCity(testDb.db)
    await buildOrganisation(testDb.db, city.id, { name: 'Ordnungsamt' })
    const before = await tableCounts(testDb.db)

    const res = await app.inject({ method: 'POST', url: `/api/cities/${city.slug}/organisations`, payload: { name: 'Ordnungsamt', kind: 'municipal_unit' } })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('ORGANISATION_NAME_TAKEN')
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('allows a name another city already uses', async () => {
    const city = await buildCity(testDb.db)
    const other = await buildCity(testDb.db)
    await buildOrganisation(testDb.db, other.id, { name: 'Ordnungsamt' })

    const res = await app.inject({ method: 'POST', url: `/api/cities/${city.slug}/organisations`, payload: { name: 'Ordnungsamt', kind: 'municipal_unit' } })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ citySlug: city.slug, name: 'Ordnungsamt' })
  })

  it('answers 400 when the kind is unknown', async () => {
    const city = await buildCity(testDb.db)
    const res = await app.inject({ method: 'POST', url: `/api/cities/${city.slug}/organisations`, payload: { name: 'Verein', kind: 'club' } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/kind' }] })
    expect((await tableCounts(testDb.db)).organisations).toBe(0)
  })

  it('answers 404 CITY_NOT_FOUND when the city does not exist', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/cities/atlantis/organisations', payload: { name: 'Amt', kind: 'municipal_unit' } })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('CITY_NOT_FOUND')
  })

  it('answers 401 and writes nothing when the public tries to create', async () => {
    const city = await buildCity(testDb.db)
    const res = await publicApp.inject({ method: 'POST', url: `/api/cities/${city.slug}/organisations`, payload: { name: 'Amt', kind: 'municipal_unit' } })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
    expect((await tableCounts(testDb.db)).organisations).toBe(0)
  })
})

describe('GET /api/organisations/:id', () => {
  it('lists only the led and joined measures the reader may see', async () => {
    const plan = await buildPlan(testDb.db, { periodStart: '2020-01-01', periodEnd: '2023-12-31' })
    const draft = await buildPlan(testDb.db, { cityId: plan.cityId, state: 'draft', periodStart: '2024-01-01' })
    const org = await buildOrganisation(testDb.db, plan.cityId)
    const lead = { leadOrganisationId: org.id }
    const joined = { involvedOrganisationIds: [org.id] }
    await buildMeasure(testDb.db, plan, { ...lead, code: 'lead-public', position: 1 })
    await buildMeasure(testDb.db, plan, { ...lead, code: 'lead-internal', position: 2, isPublic: false })
    await buildMeasure(testDb.db, plan, { ...lead, code: 'lead-deleted', position: 3, deletedAt: new Date() })
    await buildMeasure(testDb.db, draft, { ...lead, code: 'lead-draft' })
    await buildMeasure(testDb.db, plan, { ...joined, code: 'join-public', position: 4 })
    await buildMeasure(testDb.db, plan, { ...joined, code: 'join-internal', position: 5, isPublic: false })
    await buildMeasure(testDb.db, plan, { ...joined, code: 'join-deleted', position: 6, deletedAt: new Date() })
    await buildMeasure(testDb.db, draft, { ...joined, code: 'join-draft' })
    await buildMeasure(testDb.db, plan, { code: 'unrelated' })

    const res = await getOrganisation(org.id, publicApp)
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toBe('"1"')
    expect(codes(res.json().leads)).toEqual(['lead-public'])
    expect(codes(res.json().joins)).toEqual(['join-public'])
    expect(res.json().leads[0]).toMatchObject({ planId: plan.id, planTitleDe: plan.titleDe, status: 'planned', progress: 0 })

    const dev = await getOrganisation(org.id)
    expect(codes(dev.json().leads)).toEqual(['lead-public', 'lead-internal', 'lead-draft'])
    expect(codes(dev.json().joins)).toEqual(['join-public', 'join-internal', 'join-draft'])
  })

  it('answers 404 ORGANISATION_NOT_FOUND when the body does not exist', async () => {
    const res = await getOrganisation(4711, publicApp)
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('ORGANISATION_NOT_FOUND')
  })
})

describe('PATCH /api/organisations/:id', () => {
  it('changes the body and raises its version when the version matches', async () => {
    const city = await buildCity(testDb.db)
    const org = await buildOrganisation(testDb.db, city.id, { name: 'Sozialamt' })

    const res = await app.inject({ method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { name: 'Amt für Soziales', kind: 'state_body', version: 1 } })
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toBe('"2"')
    expect(res.json()).toMatchObject({ id: org.id, name: 'Amt für Soziales', kind: 'state_body', version: 2 })
    expect((await getOrganisation(org.id)).json()).toMatchObject({ name: 'Amt für Soziales', version: 2 })
  })

  it('accepts the version from an If-Match header', async () => {
    const city = await buildCity(testDb.db)
    const org = await buildOrganisation(testDb.db, city.id)

    const res = await app.inject({ method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { nameEn: 'Social office' }, headers: { 'if-match': '"1"' } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ nameEn: 'Social office', version: 2 })
  })

  it('answers 428 VERSION_REQUIRED when no version is sent', async () => {
    const city = await buildCity(testDb.db)
    const org = await buildOrganisation(testDb.db, city.id, { name: 'Sozialamt' })

    const res = await app.inject({ method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { name: 'Neu' } })
    expect(res.statusCode).toBe(428)
    expect(res.json().code).toBe('VERSION_REQUIRED')
    expect((await getOrganisation(org.id)).json()).toMatchObject({ name: 'Sozialamt', version: 1 })
  })

  it('answers 412 with the stored body and changes nothing when the version is stale', async () => {
    const city = await buildCity(testDb.db)
    const org = await buildOrganisation(testDb.db, city.id, { name: 'Sozialamt', version: 2 })

    const res = await app.inject({ method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { name: 'Neu', version: 1 } })
    expect(res.statusCode).toBe(412)
    expect(res.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: org.id, name: 'Sozialamt', version: 2 } })
    expect((await getOrganisation(org.id)).json()).toMatchObject({ name: 'Sozialamt', version: 2 })
  })

  it('answers 409 ORGANISATION_NAME_TAKEN when renaming to another body\'s name', async () => {
    const city = await buildCity(testDb.db)
    await buildOrganisation(testDb.db, city.id, { name: 'Ordnungsamt' })
    const org = await buildOrganisation(testDb.db, city.id, { name: 'Sozialamt' })

    const res = await app.inject({ method: 'PATCH', url: `/api/organisations/${org.id}`, payload: { name: 'Ordnungsamt', version: 1 } })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('ORGANISATION_NAME_TAKEN')
    expect((await getOrganisation(org.id)).json()).toMatchObject({ name: 'Sozialamt', version: 1 })
  })
})

describe('DELETE /api/organisations/:id', () => {
  const remove = (id: number, reader = app) =>
    reader.inject({ method: 'DELETE', url: `/api/organisations/${id}`, headers: { 'if-match': '"1"' } })

  it.each([
    ['leads', (org: number) => ({ leadOrganisationId: org })],
    ['is involved in', (org: number) => ({ involvedOrganisationIds: [org] })],
    ['leads a deleted', (org: number) => ({ leadOrganisationId: org, deletedAt: new Date() })],
  ])('answers 409 ORGANISATION_IN_USE and keeps the body when it %s measure', async (_case, link) => {
    const plan = await buildPlan(testDb.db)
    const org = await buildOrganisation(testDb.db, plan.cityId)
    await buildMeasure(testDb.db, plan, link(org.id))

    const res = await remove(org.id)
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('ORGANISATION_IN_USE')
    expect((await getOrganisation(org.id)).statusCode).toBe(200)
  })

  it('deletes the body when no measure names it', async () => {
    const plan = await buildPlan(testDb.db)
    const org = await buildOrganisation(testDb.db, plan.cityId)
    await buildMeasure(testDb.db, plan)

    const res = await remove(org.id)
    expect(res.statusCode).toBe(204)
    expect((await getOrganisation(org.id)).statusCode).toBe(404)
    expect((await tableCounts(testDb.db)).organisations).toBe(0)
  })

  it('answers 428 and keeps the body when If-Match is missing', async () => {
    const city = await buildCity(testDb.db)
    const org = await buildOrganisation(testDb.db, city.id)

    const res = await app.inject({ method: 'DELETE', url: `/api/organisations/${org.id}` })
    expect(res.statusCode).toBe(428)
    expect(res.json().code).toBe('VERSION_REQUIRED')
    expect((await getOrganisation(org.id)).statusCode).toBe(200)
  })

  it('answers 401 and keeps the body when the public tries to delete', async () => {
    const city = await buildCity(testDb.db)
    const org = await buildOrganisation(testDb.db, city.id)

    const res = await remove(org.id, publicApp)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
    expect((await getOrganisation(org.id)).statusCode).toBe(200)
  })
})
