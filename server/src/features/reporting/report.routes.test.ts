import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { loadDemoData } from '../../demo/load-demo-data.ts'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

async function jenaCycle () {
  const { planId } = (await loadDemoData(testDb.db))!
  const cityId = (await app.inject({ method: 'GET', url: '/api/cities' })).json().items[0].id as number
  const admin = await buildSignedInUser(testDb.db, { memberships: [{ cityId, role: 'admin' }] })
  const viewer = await buildSignedInUser(testDb.db, { memberships: [{ cityId, role: 'viewer' }] })
  const created = await app.inject({ method: 'POST', url: `/api/plans/${planId}/reporting-cycles`, headers: admin.headers, payload: {} })
  expect(created.statusCode).toBe(201)
  return { cycleId: created.json().id as number, admin, viewer }
}

const download = (cycleId: number, headers: Record<string, string>, query: string) =>
  app.inject({ method: 'GET', url: `/api/reporting-cycles/${cycleId}/report?${query}`, headers })

describe('GET /api/reporting-cycles/:id/report', () => {
  it('delivers the ECCAR report of the Jena plan as PDF, DOCX, HTML and JSON with a safe file name', async () => {
    const { cycleId, admin } = await jenaCycle()
    const pdf = await download(cycleId, admin.headers, 'kind=eccar&format=pdf')
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="jena-eccar-report-2022-2023-en.pdf"')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')

    const docx = await download(cycleId, admin.headers, 'kind=council&format=docx')
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-disposition']).toContain('jena-council-report-2022-2023-de.docx')
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')

    const html = await download(cycleId, admin.headers, 'format=html&lang=de')
    expect(html.statusCode).toBe(200)
    expect(html.headers['content-disposition']).toMatch(/^inline/)
    expect(html.headers['content-security-policy']).toContain("default-src 'none'")
    expect(html.body).toContain('<html lang="de-DE">')
    expect(html.body).toContain('Verstärkte Wachsamkeit')

    const json = await download(cycleId, admin.headers, 'format=json')
    expect(json.json()).toMatchObject({ formatVersion: 2, city: { slug: 'jena' } })
    expect(json.json().commitments).toHaveLength(10)
  })

  it('refuses the council report in English, an unknown format and viewers', async () => {
    const { cycleId, admin, viewer } = await jenaCycle()
    const english = await download(cycleId, admin.headers, 'kind=council&lang=en&format=pdf')
    expect(english.statusCode).toBe(400)
    expect(english.json().code).toBe('REPORT_LANGUAGE_UNAVAILABLE')
    expect((await download(cycleId, admin.headers, 'format=xlsx')).statusCode).toBe(400)
    expect((await download(cycleId, viewer.headers, 'format=pdf')).statusCode).toBe(403)
    expect((await download(cycleId, {}, 'format=pdf')).statusCode).toBe(401)
    expect((await download(9999, admin.headers, 'format=pdf')).statusCode).toBe(404)
  })
})

describe('the report downloads in the OpenAPI document', () => {
  it('name the true content type of every format', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()

    const admins = doc.paths['/api/reporting-cycles/{id}/report'].get.responses['200'].content
    const publicHtml = doc.paths['/api/plans/{id}/reports/{cycleId}'].get.responses['200'].content

    expect(Object.keys(admins).sort()).toEqual([
      'application/json', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/html',
    ])
    expect(admins['application/pdf'].schema).toMatchObject({ type: 'string', format: 'binary' })
    expect(Object.keys(publicHtml)).toEqual(['text/html'])
  })
})
