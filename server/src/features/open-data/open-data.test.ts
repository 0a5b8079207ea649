import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, indicators, indicatorValues } from '../../db/schema/index.ts'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })
const origin = app.config.PUBLIC_ORIGIN!

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const call = (who: AuthHeaders | null, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: { ...who }, ...(payload ? { payload } : {}) })

/** A city with an adopted plan (public, hidden and deleted measures), a draft plan and one published indicator. */
async function setUp () {
  const city = await buildCity(db, { slug: 'jena', name: 'Jena', incidentThreshold: 5 })
  const plan = await buildPlan(db, { cityId: city.id, titleDe: 'Aktionsplan Jena', periodStart: '2024-01-01', periodEnd: '2025-12-31' })
  const draft = await buildPlan(db, { cityId: city.id, state: 'draft', titleDe: 'Entwurf' })
  const office = await buildOrganisation(db, city.id, { name: 'Büro für Integration' })
  const shown = await buildMeasure(db, plan, { code: '1.1', titleDe: 'Beratung ausbauen', titleEn: 'Expand counselling', leadOrganisationId: office.id, secondaryCommitments: [4], status: 'in_progress', progress: 40 })
  await buildMeasure(db, plan, { code: '1.2', titleDe: 'Interne Vorbereitung', isPublic: false })
  await buildMeasure(db, plan, { code: '1.3', titleDe: 'Gelöschte Maßnahme', deletedAt: new Date() })
  await buildMeasure(db, plan, { code: '2.1', primaryCommitment: 2, titleDe: '=HYPERLINK("http://x")' })
  await buildMeasure(db, draft, { code: '9.9', titleDe: 'Entwurfsmaßnahme' })
  await buildStatusUpdate(db, shown, { date: '2024-03-01', status: 'in_progress', progress: 40 })
  const [published] = await db.insert(indicators).values({ cityId: city.id, planId: plan.id, nameDe: 'Beratungsfälle', unit: 'Anzahl', direction: 'increase', isPublic: true }).returning()
  const [hidden] = await db.insert(indicators).values({ cityId: city.id, planId: plan.id, nameDe: 'Interner Indikator', unit: 'Anzahl', direction: 'increase', isPublic: false }).returning()
  await db.insert(indicatorValues).values([
    { indicatorId: published!.id, periodStart: '2024-01-01', periodEnd: '2024-12-31', category: null, value: 120 },
    { indicatorId: hidden!.id, periodStart: '2024-01-01', periodEnd: '2024-12-31', category: null, value: 999 },
  ])
  const admin = (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'admin' }] })).headers
  return { city, plan, draft, shown, published: published!, hidden: hidden!, admin }
}

const csvRows = (body: string) => {
  expect(body.startsWith('\uFEFF')).toBe(true)
  return parse(body.slice(1), { columns: true, delimiter: body.slice(1).split('\n')[0]!.includes(';') ? ';' : ',' }) as Record<string, string>[]
}

describe('public downloads', () => {
  it('measures as CSV: the public view only, UTF-8 with BOM, the licence in a Link header, `;` on request', async () => {
    const { plan } = await setUp()
    const res = await call(null, 'GET', `/api/plans/${plan.id}/measures.csv?separator=semicolon`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe(`attachment; filename="jena-plan-${plan.id}-measures.csv"`)
    expect(res.headers.link).toBe('<https://www.govdata.de/dl-de/by-2-0>; rel="license"')
    const rows = csvRows(res.body)
    expect(rows.map((r) => r.code)).toEqual(['1.1', '2.1'])
    expect(rows[0]).toMatchObject({ title_de: 'Beratung ausbauen', title_en: 'Expand counselling', commitments: '1; 4', lead_body: 'Büro für Integration', status: 'in_progress', progress: '40' })
    // A title that looks like a formula stays text when Excel opens the file.
    expect(rows[1]!.title_de).toBe('\'=HYPERLINK("http://x")')
    expect(res.body).not.toMatch(/Interne Vorbereitung|Gelöschte|Entwurfsmaßnahme/)
  })

  it('measures as XLSX: frozen, filterable header, column widths and an explanation sheet', async () => {
    const { plan } = await setUp()
    const res = await call(null, 'GET', `/api/plans/${plan.id}/measures.xlsx`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const [data, about] = workbook.worksheets
    expect(data!.getRow(1).values).toEqual([undefined, 'code', 'title_de', 'title_en', 'commitments', 'type', 'lead_body', 'involved_bodies', 'start', 'end', 'status', 'progress', 'last_update'])
    expect(data!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(data!.autoFilter).toBeTruthy()
    expect(data!.getColumn(2).width).toBe(50)
    expect(data!.rowCount).toBe(3)
    const explanation = about!.getSheetValues().flat().map(String).join('\n')
    expect(explanation).toContain('Datenlizenz Deutschland – Namensnennung – Version 2.0')
    expect(explanation).toContain(`${origin}/api/plans/${plan.id}/measures.xlsx`)
    expect(explanation).toContain('Fortschritt in Prozent')
  })

  it('every dashboard dataset at a stable URL; drafts and unpublished indicators never appear', async () => {
    const { plan, draft, published } = await setUp()
    const history = csvRows((await call(null, 'GET', `/api/plans/${plan.id}/datasets/status-history.csv`)).body)
    expect(history).toEqual([{ date: '2024-03-01', measure_code: '1.1', commitment: '1', from_status: '', status: 'in_progress', progress: '40' }])
    const byCommitment = csvRows((await call(null, 'GET', `/api/plans/${plan.id}/datasets/status-by-commitment.csv`)).body)
    expect(byCommitment.find((r) => r.commitment === '1' && r.status === 'in_progress')!.measures).toBe('1')
    const indicatorCsv = (await call(null, 'GET', `/api/plans/${plan.id}/datasets/indicators.csv`)).body
    expect(csvRows(indicatorCsv)).toEqual([expect.objectContaining({ indicator_id: String(published.id), value: '120', category: '' })])
    expect(indicatorCsv).not.toContain('999')
    expect((await call(null, 'GET', `/api/plans/${draft.id}/datasets/measures.csv`)).statusCode).toBe(404)
    expect((await call(null, 'GET', `/api/plans/${plan.id}/datasets/secrets.csv`)).statusCode).toBe(400)
  })

  it('incident figures: published releases only, withheld figures stay withheld', async () => {
    const { city, admin } = await setUp()
    const office = (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'incidents' }] })).headers
    const base = `/api/cities/${city.slug}`
    const nothingYet = async () => {
      const res = await call(null, 'GET', `${base}/incidents/public.csv`)
      expect(res.statusCode).toBe(200)
      expect(csvRows(res.body)).toEqual([])
    }
    await nothingYet()
    const counts = [
      { kind: 'racism', area: 'work', channel: 'email', count: 12 }, { kind: 'racism', area: 'housing', channel: 'phone', count: 7 },
      { kind: 'racism', area: 'education', channel: 'online_form', count: 2 }, { kind: 'gender', area: 'work', channel: 'email', count: 6 },
    ]
    expect((await call(office, 'PUT', `${base}/incidents`, { periodStart: '2024-01-01', periodEnd: '2024-06-30', counts })).statusCode).toBe(200)
    const draft = await call(office, 'POST', `${base}/incident-releases`, { periodStart: '2024-01-01', periodEnd: '2024-06-30' })
    expect((await call(office, 'POST', `${base}/incident-releases/${draft.json().id}/audit`)).statusCode).toBe(200)
    // Audited but not yet published: still nothing public.
    await nothingYet()
    expect((await call(admin, 'POST', `${base}/incident-releases/${draft.json().id}/publish`)).statusCode).toBe(200)

    const res = await call(null, 'GET', `${base}/incidents/public.csv?release=${draft.json().id}`)
    expect(res.statusCode).toBe(200)
    const rows = csvRows(res.body)
    const json = (await call(null, 'GET', `${base}/incidents/public?release=${draft.json().id}`)).json()
    const withheld = json.release.views.filter((v: { published: boolean }) => v.published).flatMap((v: { figures: { suppressed: boolean }[] }) => v.figures).filter((f: { suppressed: boolean }) => f.suppressed).length
    expect(withheld).toBeGreaterThan(0)
    expect(rows.filter((r) => r.count === '')).toHaveLength(withheld)
    expect(rows.map((r) => r.count)).not.toContain('2')
    expect(rows.find((r) => r.table === 'total')!.count).toBe('27')
  })
})

describe('open-data settings', () => {
  it('admins set the licence with If-Match; downloads name it; one audit row', async () => {
    const { city, plan, admin } = await setUp()
    const current = await call(admin, 'GET', `/api/cities/${city.slug}/open-data`)
    expect(current.json()).toEqual({ licence: 'dl-de-by-2.0', publisherName: 'Jena', contactEmail: null, municipalityKey: null, contributorId: null, version: 1 })
    const before = await tableCounts(db)
    const body = { licence: 'cc-by-4.0', publisherName: 'Stadt Jena', contactEmail: 'opendata@jena.de' }
    expect((await app.inject({ method: 'PUT', url: `/api/cities/${city.slug}/open-data`, headers: { ...admin }, payload: body })).statusCode).toBe(428)
    const saved = await app.inject({ method: 'PUT', url: `/api/cities/${city.slug}/open-data`, headers: { ...admin, 'if-match': '"1"' }, payload: body })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toEqual({ ...body, municipalityKey: null, contributorId: null, version: 2 })
    const after = await tableCounts(db)
    expect(after.audit_log! - before.audit_log!).toBe(1)
    const stale = await app.inject({ method: 'PUT', url: `/api/cities/${city.slug}/open-data`, headers: { ...admin, 'if-match': '"1"' }, payload: body })
    expect(stale.statusCode).toBe(412)
    expect((await call(null, 'GET', `/api/plans/${plan.id}/measures.csv`)).headers.link).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"')
  })

  it('keeps the municipality key and GovData contributor ID, audited with the rest', async () => {
    const { city, admin } = await setUp()
    const body = {
      licence: 'dl-de-by-2.0', publisherName: 'Stadt Jena', contactEmail: null,
      municipalityKey: ' 16053000 ', contributorId: 'http://dcat-ap.de/def/contributors/stadtJena',
    }
    const saved = await app.inject({ method: 'PUT', url: `/api/cities/${city.slug}/open-data`, headers: { ...admin, 'if-match': '"1"' }, payload: body })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ municipalityKey: '16053000', contributorId: 'http://dcat-ap.de/def/contributors/stadtJena', version: 2 })
    const entries = await db.select().from(auditLog).where(eq(auditLog.action, 'open-data.update'))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ before: { municipalityKey: null }, after: { municipalityKey: '16053000', contributorId: 'http://dcat-ap.de/def/contributors/stadtJena' } })
    // Blank fields clear them: PUT replaces the settings.
    const cleared = await app.inject({ method: 'PUT', url: `/api/cities/${city.slug}/open-data`, headers: { ...admin, 'if-match': '"2"' }, payload: { ...body, municipalityKey: '', contributorId: null } })
    expect(cleared.json()).toMatchObject({ municipalityKey: null, contributorId: null, version: 3 })
  })

  it('refuses a malformed municipality key or contributor ID with its own code and changes nothing', async () => {
    const { city, admin } = await setUp()
    const body = { licence: 'cc-by-4.0', publisherName: 'Stadt Jena', contactEmail: null, municipalityKey: '16053000', contributorId: null }
    const before = await tableCounts(db)
    for (const [field, value, code] of [
      ['municipalityKey', '1605300', 'MUNICIPALITY_KEY_INVALID'],
      ['municipalityKey', '16 053 000', 'MUNICIPALITY_KEY_INVALID'],
      ['municipalityKey', '99053000', 'MUNICIPALITY_KEY_INVALID'],
      ['contributorId', 'dcat-ap.de/def/contributors/stadtJena', 'CONTRIBUTOR_ID_INVALID'],
      ['contributorId', 'ftp://dcat-ap.de/def/contributors/stadtJena', 'CONTRIBUTOR_ID_INVALID'],
      ['contributorId', 'http://dcat-ap.de/def/contributors/<stadtJena>', 'CONTRIBUTOR_ID_INVALID'],
    ] as const) {
      const res = await app.inject({ method: 'PUT', url: `/api/cities/${city.slug}/open-data`, headers: { ...admin, 'if-match': '"1"' }, payload: { ...body, [field]: value } })
      expect(res.statusCode, value).toBe(400)
      expect(res.json(), value).toMatchObject({ code, details: [{ path: `/${field}` }] })
    }
    expect(await tableCounts(db)).toEqual(before)
    const current = await call(admin, 'GET', `/api/cities/${city.slug}/open-data`)
    expect(current.json()).toMatchObject({ licence: 'dl-de-by-2.0', municipalityKey: null, version: 1 })
  })

  it('is for the city\'s admins only', async () => {
    const { city } = await setUp()
    expect((await call(null, 'GET', `/api/cities/${city.slug}/open-data`)).statusCode).toBe(401)
    const editor = (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'editor' }] })).headers
    expect((await call(editor, 'GET', `/api/cities/${city.slug}/open-data`)).statusCode).toBe(403)
  })
})

describe('dataset descriptions', () => {
  it('lists every published dataset with a definition of every column', async () => {
    const { city, plan, published } = await setUp()
    const res = await call(null, 'GET', `/api/cities/${city.slug}/datasets`)
    expect(res.statusCode).toBe(200)
    const items = res.json().items as { id: string, fields: { name: string, description: { de: string, en: string } }[], distributions: { url: string }[] }[]
    expect(items.map((i) => i.id)).toEqual([`plan-${plan.id}-measures`, `plan-${plan.id}-status-by-commitment`, `plan-${plan.id}-status-history`, `indicator-${published.id}`])
    for (const item of items) for (const field of item.fields) expect(field.description.de && field.description.en).toBeTruthy()
    const measures = items[0]!
    expect(measures.fields.map((f) => f.name)).toEqual(['code', 'title_de', 'title_en', 'commitments', 'type', 'lead_body', 'involved_bodies', 'start', 'end', 'status', 'progress', 'last_update'])
    for (const distribution of items.flatMap((i) => i.distributions)) {
      const download = await call(null, 'GET', distribution.url.replace(origin, ''))
      expect(download.statusCode, distribution.url).toBe(200)
    }
  })
})
