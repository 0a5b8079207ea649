import { readFile } from 'node:fs/promises'
import jsonld from 'jsonld'
import { Parser, Store, type Quad } from 'n3'
import SHACLValidator from 'rdf-validate-shacl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildPlan, buildStatusUpdate } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'
import { indicators, indicatorValues } from '../../db/schema/index.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })
const standards = new URL('../../../test/standards/', import.meta.url)
const dcat = 'http://www.w3.org/ns/dcat#'
const dct = 'http://purl.org/dc/terms/'
const dcatde = 'http://dcat-ap.de/def/dcatde/'
const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'

let validator: SHACLValidator
let city: Awaited<ReturnType<typeof buildCity>>
let admin: Record<string, string>
const settings = {
  licence: 'dl-de-by-2.0', publisherName: 'Stadt Jena', contactEmail: 'opendata@jena.de',
  municipalityKey: '16053000', contributorId: 'http://dcat-ap.de/def/contributors/stadtJena',
}

beforeAll(async () => {
  const shapes = new Store()
  for (const file of ['dcat-ap-3.0.1-SHACL.ttl', 'dcat-ap-3.0.1-ranges.ttl']) {
    shapes.addQuads(new Parser().parse(await readFile(new URL(file, standards), 'utf8')))
  }
  validator = new SHACLValidator(shapes)

  city = await buildCity(db, { slug: 'jena', name: 'Jena' })
  const plan = await buildPlan(db, { cityId: city.id, titleDe: 'Aktionsplan Jena' })
  await buildPlan(db, { cityId: city.id, state: 'draft', titleDe: 'Entwurf 2030' })
  const measure = await buildMeasure(db, plan, { code: '1.1' })
  await buildStatusUpdate(db, measure, { date: '2024-03-01', status: 'in_progress', progress: 40 })
  const [indicator] = await db.insert(indicators).values({ cityId: city.id, planId: plan.id, nameDe: 'Beratungsfälle', unit: 'Anzahl', direction: 'increase', isPublic: true }).returning()
  await db.insert(indicatorValues).values({ indicatorId: indicator!.id, periodStart: '2024-01-01', periodEnd: '2024-12-31', category: null, value: 120 })
  admin = (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'admin' }] })).headers
  await saveSettings(settings)
})

afterAll(async () => {
  await app.close()
  await testDb.close()
})

async function saveSettings (body: object) {
  const current = await app.inject({ url: '/api/cities/jena/open-data', headers: admin })
  const saved = await app.inject({ method: 'PUT', url: '/api/cities/jena/open-data', headers: { ...admin, 'if-match': current.headers.etag! }, payload: body })
  expect(saved.statusCode).toBe(200)
}

async function turtle () {
  const res = await app.inject({ url: '/api/cities/jena/catalog.ttl' })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toBe('text/turtle; charset=utf-8')
  return new Parser().parse(res.body)
}

async function fromJsonLd () {
  const res = await app.inject({ url: '/api/cities/jena/catalog.jsonld' })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8')
  const nquads = await jsonld.toRDF(res.json(), { format: 'application/n-quads' }) as unknown as string
  return new Parser({ format: 'N-Quads' }).parse(nquads)
}

async function conformance (quads: Quad[]) {
  const report = await validator.validate(new Store(quads))
  return report.results.map((r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join(' ')}`)
}

const objects = (quads: Quad[], predicate: string, subject?: string) =>
  quads.filter((q) => q.predicate.value === predicate && (!subject || q.subject.value === subject)).map((q) => q.object)

describe('the DCAT-AP.de catalogue', () => {
  it('validates against the DCAT-AP 3.0.1 shapes, in Turtle and in JSON-LD', async () => {
    const [ttl, json] = [await turtle(), await fromJsonLd()]
    expect(await conformance(ttl)).toEqual([])
    expect(await conformance(json)).toEqual([])
    // Both say the same: JSON-LD is made from the same triples.
    expect(new Store(json).size).toBe(new Store(ttl).size)
  })

  it('is checked for real: a dataset without its title and a distribution without its access URL are reported', async () => {
    const broken = (await turtle()).filter((q) => !(q.subject.value.endsWith('#plan-1-measures') && q.predicate.value === `${dct}title`)
      && !(q.subject.value.endsWith('#plan-1-measures-csv') && q.predicate.value === `${dcat}accessURL`))
    const problems = await conformance(broken)
    expect(problems.some((p) => p.includes('#plan-1-measures http://purl.org/dc/terms/title'))).toBe(true)
    expect(problems.some((p) => p.includes('#plan-1-measures-csv http://www.w3.org/ns/dcat#accessURL'))).toBe(true)
  })

  it('lists the published plan\'s datasets with distributions, licence, publisher, contact, temporal and spatial coverage', async () => {
    const quads = await turtle()
    const datasets = quads.filter((q) => q.predicate.value === rdfType && q.object.value === `${dcat}Dataset`).map((q) => q.subject.value)
    expect(datasets.map((iri) => iri.split('#')[1]).sort()).toEqual(['indicator-1', 'plan-1-measures', 'plan-1-status-by-commitment', 'plan-1-status-history'])
    const measures = datasets.find((iri) => iri.endsWith('plan-1-measures'))!
    expect(objects(quads, `${dct}title`, measures).map((t) => t.value)).toContain('Maßnahmen: Aktionsplan Jena')
    expect(objects(quads, `${dcat}contactPoint`, measures)).toHaveLength(1)
    expect(objects(quads, `${dct}temporal`, measures)).toHaveLength(1)
    expect(objects(quads, `${dct}spatial`, measures)).toHaveLength(1)
    const distributions = objects(quads, `${dcat}distribution`, measures).map((d) => d.value)
    expect(distributions).toHaveLength(2)
    const downloads = distributions.flatMap((d) => objects(quads, `${dcat}downloadURL`, d).map((u) => u.value))
    expect(downloads).toEqual([expect.stringMatching(/\/api\/plans\/1\/datasets\/measures\.csv$/), expect.stringMatching(/\/api\/plans\/1\/measures\.xlsx$/)])
    expect(quads.map((q) => q.object.value).join('\n')).not.toContain('Entwurf 2030')
  })

  it('has the German additions: licences from the DCAT-AP.de vocabulary and the attribution text they require', async () => {
    const quads = await turtle()
    const distributions = quads.filter((q) => q.predicate.value === rdfType && q.object.value === `${dcat}Distribution`).map((q) => q.subject.value)
    expect(distributions.length).toBeGreaterThan(0)
    for (const distribution of distributions) {
      expect(objects(quads, `${dct}license`, distribution).map((l) => l.value)).toEqual(['http://dcat-ap.de/def/licenses/dl-by-de/2.0'])
      const attribution = objects(quads, `${dcatde}licenseAttributionByText`, distribution)
      expect(attribution).toHaveLength(1)
      expect(attribution[0]!.value).toContain('Stadt Jena')
    }
    expect(objects(quads, 'http://xmlns.com/foaf/0.1/name').map((n) => n.value)).toContain('Stadt Jena')
  })

  it('names the municipality by its Amtlicher Gemeindeschlüssel and GovData\'s contributor ID on every dataset', async () => {
    for (const quads of [await turtle(), await fromJsonLd()]) {
      const datasets = quads.filter((q) => q.predicate.value === rdfType && q.object.value === `${dcat}Dataset`).map((q) => q.subject.value)
      expect(datasets).toHaveLength(4)
      for (const dataset of datasets) {
        expect(objects(quads, `${dcatde}politicalGeocodingURI`, dataset).map((o) => [o.termType, o.value]))
          .toEqual([['NamedNode', 'http://dcat-ap.de/def/politicalGeocoding/municipalityKey/16053000']])
        expect(objects(quads, `${dcatde}politicalGeocodingLevelURI`, dataset).map((o) => [o.termType, o.value]))
          .toEqual([['NamedNode', 'http://dcat-ap.de/def/politicalGeocoding/Level/municipality']])
        expect(objects(quads, `${dcatde}contributorID`, dataset).map((o) => [o.termType, o.value]))
          .toEqual([['NamedNode', 'http://dcat-ap.de/def/contributors/stadtJena']])
      }
      // DCAT-AP.de defines the three for datasets only; the catalogue carries none of them.
      const catalog = quads.find((q) => q.predicate.value === rdfType && q.object.value === `${dcat}Catalog`)!.subject.value
      expect(quads.filter((q) => q.subject.value === catalog && q.predicate.value.startsWith(dcatde))).toEqual([])
    }
  })

  it('omits them while the city has set neither, and stays valid', async () => {
    await saveSettings({ ...settings, municipalityKey: null, contributorId: null })
    try {
      const quads = await turtle()
      expect(quads.filter((q) => [`${dcatde}politicalGeocodingURI`, `${dcatde}politicalGeocodingLevelURI`, `${dcatde}contributorID`].includes(q.predicate.value))).toEqual([])
      expect(await conformance(quads)).toEqual([])
      expect(await conformance(await fromJsonLd())).toEqual([])
    } finally {
      await saveSettings(settings)
    }
  })

  it('a contributor ID without a municipality key is named alone', async () => {
    await saveSettings({ ...settings, municipalityKey: null })
    try {
      const quads = await turtle()
      expect(objects(quads, `${dcatde}contributorID`)).toHaveLength(4)
      expect(objects(quads, `${dcatde}politicalGeocodingURI`)).toEqual([])
      expect(await conformance(quads)).toEqual([])
    } finally {
      await saveSettings(settings)
    }
  })
})
