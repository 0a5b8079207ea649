import type { PlanFile } from '@eccar/shared'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { listRowsMatchingTables } from '../../../test/helpers/measure-reads.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import { jenaPlanFile } from '../../demo/jena/index.ts'
import { loadDemoData } from '../../demo/load-demo-data.ts'
import { parsePlanFile } from './plan-file.check.ts'
import { PlanFileInvalidError } from './plan-files.errors.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })
const publicApp = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await publicApp.close()
  await testDb.close()
})

const exportPlan = (planId: number) => app.inject({ method: 'GET', url: `/api/plans/${planId}/export` })
const importFile = (citySlug: string, file: unknown) =>
  app.inject({ method: 'POST', url: `/api/cities/${citySlug}/plans/import`, payload: file as object })
const withoutStamp = ({ exportedAt: _stamp, ...rest }: PlanFile) => rest
const jenaCopy = (): PlanFile => structuredClone(jenaPlanFile)

async function createCity (slug: string) {
  const res = await app.inject({ method: 'POST', url: '/api/cities', payload: { slug, name: slug.toUpperCase() } })
  expect(res.statusCode).toBe(201)
}

/** Imports a file into a new city and exports the plan it created. */
async function importAndExport (slug: string, file: PlanFile) {
  await createCity(slug)
  const imported = await importFile(slug, file)
  expect(imported.statusCode, imported.body).toBe(201)
  const exported = await exportPlan(imported.json().plan.id)
  expect(exported.statusCode).toBe(200)
  return exported.json() as PlanFile
}

/** A small plan with every optional field filled, listed in the order an export writes it. */
function completePlanFile (): PlanFile {
  const organisation = (name: string, nameEn: string, kind: 'municipal_unit' | 'advisory_council' | 'civil_society') =>
    ({ name, nameEn, kind, descriptionDe: `Über ${name}`, descriptionEn: `About ${nameEn}` })
  return {
    format: 'eccar-action-plan',
    formatVersion: 1,
    exportedAt: '2025-01-01T00:00:00.000Z',
    plan: {
      titleDe: 'Aktionsplan Musterstadt', titleEn: 'Action plan of Musterstadt', periodStart: '2024-01-01', periodEnd: '2025-12-31',
      resolutionNumber: '23/0815-BV', resolutionDate: '2023-11-15', state: 'adopted', introDe: 'Einleitung', introEn: 'Introduction',
    },
    commitments: Array.from({ length: 10 }, (_, i) => ({
      number: i + 1, localTitleDe: `Eigener Titel ${i + 1}`, localTitleEn: `Own title ${i + 1}`, contextDe: `Kontext ${i + 1}`, contextEn: `Context ${i + 1}`,
    })),
    organisations: [
      organisation('Amt für Integration', 'Integration Office', 'municipal_unit'),
      organisation('Beirat für Migration', 'Migration Council', 'advisory_council'),
      organisation('Verein Vielfalt', 'Diversity Association', 'civil_society'),
    ],
    measures: [
      {
        code: '1.1', primaryCommitment: 1, secondaryCommitments: [4, 9], titleDe: 'Kampagne', titleEn: 'Campaign',
        descriptionDe: 'Eine Kampagne gegen Rassismus.', descriptionEn: 'A campaign against racism.', type: 'implementation',
        leadOrganisation: 'Amt für Integration', involvedOrganisations: ['Beirat für Migration', 'Verein Vielfalt'],
        startDate: '2024-03-01', endDate: '2025-06-30', recurrence: 'yearly', recurrenceOn: '03-21',
        timeframeNoteDe: 'jährlich am 21. März', timeframeNoteEn: 'every 21 March', fundingNoteDe: 'Doppelhaushalt 2024/25', fundingNoteEn: 'Budget 2024/25',
        goodPractice: true, goodPracticeDescriptionDe: 'Gemeinsam mit Betroffenen entwickelt', goodPracticeDescriptionEn: 'Developed with those affected',
        relatedMeasures: [{ code: '2.1', noteDe: 'vgl. Verpflichtung 2', noteEn: 'cf. commitment 2' }],
        exampleActions: ['1.a', '4.b'], isPublic: true, internalNote: 'Motive mit Betroffenen abstimmen', status: 'in_progress',
        statusReason: 'Auftakt erfolgt', progress: 30,
        statusHistory: [{
          date: '2024-03-21', status: 'in_progress', progress: 30, noteDe: 'Start', noteEn: 'Launch', reason: 'Beschluss liegt vor',
          evidenceLinks: [{ url: 'https://example.org/kampagne', label: 'Pressemitteilung' }], organisation: 'Amt für Integration',
          recordedAt: '2024-03-22T09:15:00.000Z',
        }],
      },
      {
        code: '2.1', primaryCommitment: 2, secondaryCommitments: [1], titleDe: 'Interne Analyse', titleEn: 'Internal analysis',
        descriptionDe: 'Analyse der Beschwerden.', descriptionEn: 'Analysis of complaints.', type: 'examination',
        leadOrganisation: 'Beirat für Migration', involvedOrganisations: ['Amt für Integration'],
        startDate: '2024-01-15', endDate: '2024-12-31', recurrence: 'once', recurrenceOn: null,
        timeframeNoteDe: 'bis Jahresende', timeframeNoteEn: 'by the end of the year', fundingNoteDe: 'Drittmittel', fundingNoteEn: 'Third-party funds',
        goodPractice: false, goodPracticeDescriptionDe: null, goodPracticeDescriptionEn: null,
        relatedMeasures: [{ code: '1.1', noteDe: 'Kampagne nutzt die Ergebnisse', noteEn: 'The campaign uses the results' }],
        exampleActions: ['2.b'], isPublic: false, internalNote: 'Nur für die Lenkungsgruppe', status: 'delayed',
        statusReason: 'Haushaltssperre', progress: 40,
        statusHistory: [
          {
            date: '2024-02-01', status: 'examining', progress: 20, noteDe: 'Auftrag vergeben', noteEn: 'Contract awarded', reason: 'Ausschreibung beendet',
            evidenceLinks: [{ url: 'https://example.org/vergabe', label: 'Vergabe' }], organisation: 'Beirat für Migration',
            recordedAt: '2024-02-02T08:00:00.000Z',
          },
          {
            date: '2024-09-30', status: 'delayed', progress: 40, noteDe: 'Zwischenstand', noteEn: 'Interim state', reason: 'Haushaltssperre',
            evidenceLinks: [{ url: 'https://example.org/bericht', label: 'Bericht' }, { url: 'https://example.org/protokoll', label: 'Protokoll' }],
            organisation: 'Verein Vielfalt', recordedAt: '2024-10-01T12:30:45.123Z',
          },
        ],
      },
    ],
  }
}

describe('GET /api/plans/:id/export', () => {
  it('survives an import into another city unchanged when the plan is the Jena demo', async () => {
    const demo = await loadDemoData(testDb.db)
    const first = await exportPlan(demo!.planId)
    expect(first.statusCode).toBe(200)
    const original = first.json() as PlanFile
    await createCity('weimar')

    const imported = await importFile('weimar', original)
    expect(imported.statusCode).toBe(201)
    expect(imported.json()).toMatchObject({
      plan: { citySlug: 'weimar', titleDe: original.plan.titleDe, measureCount: 49 },
      measures: 49, organisationsCreated: original.organisations.length, organisationsReused: 0,
    })
    const copy = (await exportPlan(imported.json().plan.id)).json() as PlanFile
    expect(withoutStamp(copy)).toEqual(withoutStamp(original))
    // The imported measures' list rows, written in bulk with their links, are those of their pages.
    expect(await listRowsMatchingTables(app, imported.json().plan.id)).toHaveLength(49)
    const timeline = (file: PlanFile) => file.measures.find((m) => m.code === '1.2')!.statusHistory!
    expect(timeline(copy)[0]!.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(timeline(copy)[0]!.recordedAt).toBe(timeline(original)[0]!.recordedAt)
  })

  it('gives back every field of the imported file when all optional fields are filled', async () => {
    const file = completePlanFile()
    const exported = await importAndExport('musterstadt', file)
    expect(withoutStamp(exported)).toEqual(withoutStamp(file))
    expect(await importAndExport('kopiestadt', exported).then(withoutStamp)).toEqual(withoutStamp(file))
  })

  it('keeps the draft state and fills defaults when the file is a minimal draft', async () => {
    const file = completePlanFile()
    file.plan = { titleDe: 'Entwurf', periodStart: '2026-01-01', periodEnd: '2027-12-31', state: 'draft' }
    file.organisations = []
    file.measures = [{ code: 'A', primaryCommitment: 3, titleDe: 'Erste Idee', type: 'aspiration' }]
    const exported = await importAndExport('entwurfstadt', file)
    expect(exported.plan).toMatchObject({ state: 'draft', titleEn: null, resolutionNumber: null })
    expect(exported.measures).toEqual([expect.objectContaining({
      code: 'A', status: 'planned', progress: 0, isPublic: true, recurrence: 'once', statusHistory: [], relatedMeasures: [],
    })])
    expect(withoutStamp(await importAndExport('zweitstadt', exported))).toEqual(withoutStamp(exported))
  })

  it('sends the file as a download named after city and period when asked with write access', async () => {
    const demo = await loadDemoData(testDb.db)
    const res = await exportPlan(demo!.planId)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toBe('attachment; filename="jena-action-plan-2022-2023.json"')
    expect(res.json()).toMatchObject({ format: 'eccar-action-plan', formatVersion: 1, plan: { periodStart: '2022-01-01' } })
  })

  it('refuses with 401 when the caller has no write access', async () => {
    const demo = await loadDemoData(testDb.db)
    const res = await publicApp.inject({ method: 'GET', url: `/api/plans/${demo!.planId}/export` })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
  })

  it('answers 404 when the plan does not exist', async () => {
    const res = await exportPlan(4711)
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('PLAN_NOT_FOUND')
  })
})

type Mutation = (file: PlanFile) => void
const unknownBody = 'Amt für Unbekanntes'
const fourth = (file: PlanFile) => file.measures[3]! // measure 1.4 of the Jena plan

const badFiles: { problem: string, code: string, path: string, reason: RegExp, mutate: Mutation }[] = [
  { problem: 'the format is wrong', code: 'VALIDATION_FAILED', path: '/format', reason: /.+/, mutate: (f) => { (f as { format: string }).format = 'eccar-plan' } },
  { problem: 'there are 9 commitments', code: 'VALIDATION_FAILED', path: '/commitments', reason: /10/, mutate: (f) => { f.commitments.pop() } },
  { problem: 'a measure has no code', code: 'VALIDATION_FAILED', path: '/measures/3/code', reason: /required/, mutate: (f) => { delete (fourth(f) as { code?: string }).code } },
  { problem: 'a measure has an unknown field', code: 'VALIDATION_FAILED', path: '/measures/3/colour', reason: /unknown property/, mutate: (f) => { Object.assign(fourth(f), { colour: 'red' }) } },
  { problem: 'a measure code repeats', code: 'PLAN_FILE_INVALID', path: '/measures/3/code', reason: /repeats code "1.3"/, mutate: (f) => { fourth(f).code = '1.3' } },
  { problem: 'the lead organisation is unknown', code: 'PLAN_FILE_INVALID', path: '/measures/3/leadOrganisation', reason: /not in \/organisations/, mutate: (f) => { fourth(f).leadOrganisation = unknownBody } },
  { problem: 'an involved organisation is unknown', code: 'PLAN_FILE_INVALID', path: '/measures/3/involvedOrganisations/0', reason: /not in \/organisations/, mutate: (f) => { fourth(f).involvedOrganisations = [unknownBody] } },
  {
    problem: 'a timeline entry names an unknown organisation', code: 'PLAN_FILE_INVALID', path: '/measures/3/statusHistory/0/organisation', reason: /not in \/organisations/,
    mutate: (f) => { fourth(f).statusHistory = [{ date: '2022-03-01', status: 'in_progress', progress: 10, organisation: unknownBody }] },
  },
  { problem: 'a related code does not exist', code: 'PLAN_FILE_INVALID', path: '/measures/3/relatedMeasures/0/code', reason: /not a measure of this plan/, mutate: (f) => { fourth(f).relatedMeasures = [{ code: '11.1' }] } },
  { problem: 'a measure refers to itself', code: 'PLAN_FILE_INVALID', path: '/measures/3/relatedMeasures/0/code', reason: /itself/, mutate: (f) => { fourth(f).relatedMeasures = [{ code: '1.4' }] } },
  { problem: 'an example action is unknown', code: 'PLAN_FILE_INVALID', path: '/measures/3/exampleActions/0', reason: /not an ECCAR example action/, mutate: (f) => { fourth(f).exampleActions = ['7.a'] } },
  { problem: 'a delayed measure has no reason', code: 'PLAN_FILE_INVALID', path: '/measures/3/statusReason', reason: /required/, mutate: (f) => { Object.assign(fourth(f), { status: 'delayed', statusReason: ' ' }) } },
  {
    problem: 'the timeline is out of date order', code: 'PLAN_FILE_INVALID', path: '/measures/3/statusHistory/1/date', reason: /earlier/,
    mutate: (f) => {
      fourth(f).statusHistory = [{ date: '2022-06-01', status: 'in_progress', progress: 20 }, { date: '2022-02-01', status: 'in_progress', progress: 30 }]
    },
  },
  { problem: 'the period ends before it starts', code: 'PLAN_FILE_INVALID', path: '/plan/periodEnd', reason: /before/, mutate: (f) => { f.plan.periodEnd = '2021-12-31' } },
]

describe('POST /api/cities/:city/plans/import', () => {
  for (const { problem, code, path, reason, mutate } of badFiles) {
    it(`answers 400 ${code} at ${path} and changes nothing when ${problem}`, async () => {
      const city = await buildCity(testDb.db)
      const file = jenaCopy()
      mutate(file)
      const before = await tableCounts(testDb.db)

      const res = await importFile(city.slug, file)
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code, details: [{ path }] })
      expect(res.json().details[0].reason).toMatch(reason)
      expect(await tableCounts(testDb.db)).toEqual(before)
    })
  }

  it('names the first problem only when the file has several', async () => {
    const city = await buildCity(testDb.db)
    const file = jenaCopy()
    fourth(file).leadOrganisation = unknownBody
    file.measures[40]!.relatedMeasures = [{ code: file.measures[40]!.code }]
    const res = await importFile(city.slug, file)
    expect(res.statusCode).toBe(400)
    expect(res.json().details).toEqual([{ path: '/measures/3/leadOrganisation', reason: expect.any(String) }])
  })

  it('leaves no plan, measure or organisation behind when the last measure breaks a rule', async () => {
    const city = await buildCity(testDb.db)
    const file = jenaCopy()
    file.measures.at(-1)!.exampleActions = ['10.z']
    const res = await importFile(city.slug, file)
    expect(res.statusCode).toBe(400)
    expect(res.json().details[0].path).toBe(`/measures/${file.measures.length - 1}/exampleActions/0`)
    expect(await tableCounts(testDb.db)).toMatchObject({ plans: 0, plan_commitments: 0, measures: 0, organisations: 0, status_updates: 0 })
  })

  it('rolls back everything when the database refuses a value of the last measure', async () => {
    const city = await buildCity(testDb.db)
    const file = jenaCopy()
    // Year 0 passes the schema and the checks; PostgreSQL refuses it only when the timeline is written, after plan and measures.
    file.measures.at(-1)!.statusHistory = [{ date: '0000-01-01', status: 'in_progress', progress: 10 }]
    const res = await importFile(city.slug, file)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('INVALID_VALUE')
    expect(res.body).not.toMatch(/insert|status_updates/i)
    expect(await tableCounts(testDb.db)).toMatchObject({ plans: 0, plan_commitments: 0, measures: 0, organisations: 0, measure_relations: 0 })
  })

  it('answers 409 PLAN_EXISTS and changes nothing when the city already has the plan', async () => {
    await loadDemoData(testDb.db)
    const before = await tableCounts(testDb.db)
    const res = await importFile('jena', jenaCopy())
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('PLAN_EXISTS')
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('reuses organisations the city already has when their names match', async () => {
    await createCity('weimar')
    const existing = await app.inject({
      method: 'POST', url: '/api/cities/weimar/organisations',
      payload: { name: 'Antidiskriminierungsstelle der Stadt Jena', kind: 'municipal_unit', descriptionDe: 'Schon vorhanden' },
    })
    expect(existing.statusCode).toBe(201)

    const res = await importFile('weimar', jenaCopy())
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ organisationsReused: 1, organisationsCreated: jenaPlanFile.organisations.length - 1 })
    const list = (await app.inject({ method: 'GET', url: '/api/cities/weimar/organisations' })).json().items as { id: number, name: string, descriptionDe: string }[]
    expect(list).toHaveLength(jenaPlanFile.organisations.length)
    expect(new Set(list.map((o) => o.name)).size).toBe(list.length)
    const office = list.find((o) => o.name === 'Antidiskriminierungsstelle der Stadt Jena')!
    expect(office).toMatchObject({ id: existing.json().id, descriptionDe: 'Schon vorhanden' })
    const detail = (await app.inject({ method: 'GET', url: `/api/organisations/${office.id}` })).json()
    expect(detail.leads.map((m: { code: string }) => m.code)).toContain('1.1')
  })

  it('refuses with 401 and changes nothing when the caller has no write access', async () => {
    const city = await buildCity(testDb.db)
    const res = await publicApp.inject({ method: 'POST', url: `/api/cities/${city.slug}/plans/import`, payload: jenaCopy() })
    expect(res.statusCode).toBe(401)
    expect((await tableCounts(testDb.db)).plans).toBe(0)
  })
})

describe('POST /api/cities/:city/plans/import/preview', () => {
  const preview = (citySlug: string, file: unknown) =>
    app.inject({ method: 'POST', url: `/api/cities/${citySlug}/plans/import/preview`, payload: file as object })

  it('lists what the import would create and writes nothing when the file is sound', async () => {
    await createCity('weimar')
    const existing = await app.inject({
      method: 'POST', url: '/api/cities/weimar/organisations',
      payload: { name: 'Antidiskriminierungsstelle der Stadt Jena', kind: 'municipal_unit' },
    })
    expect(existing.statusCode).toBe(201)
    const before = await tableCounts(testDb.db)

    const res = await preview('weimar', jenaCopy())
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.plan.titleDe).toBe(jenaPlanFile.plan.titleDe)
    expect(body.measures).toHaveLength(jenaPlanFile.measures.length)
    expect(body.measures[0]).toMatchObject({ code: jenaPlanFile.measures[0]!.code, titleDe: jenaPlanFile.measures[0]!.titleDe })
    expect(body.measuresPerCommitment.reduce((a: number, b: number) => a + b, 0)).toBe(jenaPlanFile.measures.length)
    expect(body).toMatchObject({ organisationsReused: 1, organisationsCreated: jenaPlanFile.organisations.length - 1 })
    expect(body.organisations.find((o: { name: string }) => o.name === 'Antidiskriminierungsstelle der Stadt Jena').known).toBe(true)
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('answers 400 at the path the import names when the file breaks a rule', async () => {
    const city = await buildCity(testDb.db)
    const file = jenaCopy()
    fourth(file).leadOrganisation = unknownBody
    const res = await preview(city.slug, file)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'PLAN_FILE_INVALID', details: [{ path: '/measures/3/leadOrganisation' }] })
  })

  it('answers 409 PLAN_EXISTS when the city already has the plan', async () => {
    await loadDemoData(testDb.db)
    const res = await preview('jena', jenaCopy())
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('PLAN_EXISTS')
  })

  it('refuses with 401 when the caller is not signed in', async () => {
    const city = await buildCity(testDb.db)
    const res = await publicApp.inject({ method: 'POST', url: `/api/cities/${city.slug}/plans/import/preview`, payload: jenaCopy() })
    expect(res.statusCode).toBe(401)
  })
})

describe('parsePlanFile', () => {
  const parseError = (value: unknown) => {
    try {
      parsePlanFile(value)
    } catch (error) {
      expect(error).toBeInstanceOf(PlanFileInvalidError)
      return error as PlanFileInvalidError
    }
    throw new Error('parsePlanFile accepted the file')
  }

  it('returns the file when it is well-formed', () => {
    expect(parsePlanFile(jenaCopy()).measures).toHaveLength(49)
  })

  it('reports the path the API reports when a measure has no code', async () => {
    const file = jenaCopy()
    delete (fourth(file) as { code?: string }).code
    const city = await buildCity(testDb.db)
    const res = await importFile(city.slug, file)
    expect(res.statusCode).toBe(400)
    const error = parseError(file)
    expect(error.path).toBe(res.json().details[0].path)
    expect(error.reason).toMatch(/required/)
  })

  it('refuses U+0000 deep in the file, at the path the API reports', async () => {
    const file = jenaCopy()
    Object.assign(fourth(file), { titleDe: 'Titel\u0000' })
    const city = await buildCity(testDb.db)
    const res = await importFile(city.slug, file)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
    expect(parseError(file).path).toBe(res.json().details[0].path)
  })

  it('names the unknown property when a measure has an extra field', () => {
    const file = jenaCopy()
    Object.assign(fourth(file), { colour: 'red' })
    expect(parseError(file)).toMatchObject({ code: 'PLAN_FILE_INVALID', path: '/measures/3/colour', reason: 'is not a known property' })
  })

  it('reports the top-level field when the format is wrong', () => {
    expect(parseError({ ...jenaCopy(), format: 'csv' }).path).toBe('/format')
  })
})
