import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, measures, statusUpdates } from '../../db/schema/index.ts'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildMeasure, buildOrganisation, buildPlan } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

async function setting (count = 25) {
  const plan = await buildPlan(testDb.db)
  const office = await buildOrganisation(testDb.db, plan.cityId, { name: 'Antidiskriminierungsstelle' })
  const other = await buildOrganisation(testDb.db, plan.cityId, { name: 'Jugendamt' })
  const own = []
  for (let i = 0; i < count; i++) own.push(await buildMeasure(testDb.db, plan, { leadOrganisationId: office.id, code: `M${i + 1}` }))
  const foreign = await buildMeasure(testDb.db, plan, { leadOrganisationId: other.id, code: 'F1' })
  const editor = await buildSignedInUser(testDb.db, {
    email: 'erika@example.org', memberships: [{ cityId: plan.cityId, role: 'editor', organisationIds: [office.id] }],
  })
  return { plan, own, foreign, editor }
}

async function downloadTemplate (planId: number, headers: Record<string, string>) {
  const res = await app.inject({ url: `/api/plans/${planId}/status-template.xlsx`, headers })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toBe(xlsx)
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+-status-template\.xlsx"$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  return workbook
}

/** Fills in a row the way a person does in Excel: by the header's column, leaving the rest alone. */
function fill (sheet: ExcelJS.Worksheet, code: string, values: Record<string, string | number | ExcelJS.CellFormulaValue>) {
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''))
  let target: ExcelJS.Row | undefined
  sheet.eachRow((row) => { if (row.getCell(1).value === code) target = row })
  for (const [name, value] of Object.entries(values)) target!.getCell(header.indexOf(name)).value = value
}

const upload = async (workbook: ExcelJS.Workbook, url: string, headers: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': xlsx }, payload: Buffer.from(await workbook.xlsx.writeBuffer()) })

describe('status updates by spreadsheet', () => {
  it('round trip: 20 statuses changed in the template become 20 timeline entries and 20 audit rows in one go', async () => {
    const { plan, own, editor } = await setting()
    const workbook = await downloadTemplate(plan.id, editor.headers)
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(own.length + 1) // the foreign measure is not in the editor's template
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const changed = own.slice(0, 20)
    for (const [i, m] of changed.entries()) fill(sheet, m.code, { status: 'in_progress', progress: 10 + i, date: '2024-06-01', note: `Zwischenstand ${i}` })

    const preview = await upload(workbook, `/api/plans/${plan.id}/status-imports/preview`, editor.headers)
    expect(preview.statusCode).toBe(200)
    expect(preview.json()).toMatchObject({ applicable: 20, errorCount: 0, staleCount: 0 })
    expect(await testDb.db.$count(statusUpdates)).toBe(0)

    const before = await tableCounts(testDb.db)
    const res = await upload(workbook, `/api/plans/${plan.id}/status-imports`, editor.headers)
    expect(res.statusCode).toBe(200)
    expect(res.json().applied).toBe(20)
    const entries = await testDb.db.select().from(statusUpdates).where(inArray(statusUpdates.measureId, changed.map((m) => m.id)))
    expect(entries).toHaveLength(20)
    expect(entries.find((e) => e.measureId === changed[3]!.id)).toMatchObject({ status: 'in_progress', progress: 13, date: '2024-06-01', noteDe: 'Zwischenstand 3' })
    expect(await testDb.db.$count(auditLog, eq(auditLog.action, 'measure.status.update'))).toBe(20)
    const after = await tableCounts(testDb.db)
    expect(after.status_updates! - before.status_updates!).toBe(20)
    expect(after.audit_log! - before.audit_log!).toBe(20)
  })

  it('one bad row applies nothing and names its row and column', async () => {
    const { plan, own, editor } = await setting(3)
    const workbook = await downloadTemplate(plan.id, editor.headers)
    const sheet = workbook.worksheets[0]!
    fill(sheet, own[0]!.code, { status: 'done', progress: 100, date: '2024-06-01' })
    fill(sheet, own[1]!.code, { status: 'in_progress', progress: 50, date: '31.02.2024' })
    fill(sheet, own[2]!.code, { status: 'delayed', progress: 20 })
    const before = await tableCounts(testDb.db)
    const res = await upload(workbook, `/api/plans/${plan.id}/status-imports`, editor.headers)
    expect(res.statusCode).toBe(422)
    const body = res.json()
    expect(body.code).toBe('STATUS_IMPORT_INVALID')
    expect(body.details.errorCount).toBe(2)
    expect(body.details.rows.find((r: { row: number }) => r.row === 3).errors).toEqual([expect.objectContaining({ column: 'date', code: 'INVALID_DATE' })])
    // "delayed" needs a reason: the status-update service's own rule, named by column.
    expect(body.details.rows.find((r: { row: number }) => r.row === 4).errors).toEqual([expect.objectContaining({ column: 'note', code: 'REASON_REQUIRED' })])
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('the preview names the status-update service\'s refusals as the import does, and writes nothing', async () => {
    const { plan, own, editor } = await setting(3)
    const workbook = await downloadTemplate(plan.id, editor.headers)
    const sheet = workbook.worksheets[0]!
    fill(sheet, own[0]!.code, { status: 'in_progress', progress: 30, date: '2024-06-01' })
    fill(sheet, own[1]!.code, { status: 'delayed', progress: 20 })
    const before = await tableCounts(testDb.db)
    const preview = await upload(workbook, `/api/plans/${plan.id}/status-imports/preview`, editor.headers)
    expect(preview.statusCode).toBe(200)
    expect(preview.json()).toMatchObject({ applicable: 1, errorCount: 1, staleCount: 0 })
    expect(preview.json().rows.find((r: { row: number }) => r.row === 3).errors).toEqual([expect.objectContaining({ column: 'note', code: 'REASON_REQUIRED' })])
    expect(await tableCounts(testDb.db)).toEqual(before)
    // Only the service refuses this file (every cell reads well): the import is stopped as the preview said.
    const res = await upload(workbook, `/api/plans/${plan.id}/status-imports`, editor.headers)
    expect(res.statusCode).toBe(422)
    expect(res.json().details).toMatchObject({ applicable: 1, errorCount: 1 })
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('reports a row based on an older state instead of applying it', async () => {
    const { plan, own, editor } = await setting(2)
    const workbook = await downloadTemplate(plan.id, editor.headers)
    // Someone reports on the first measure after the template was downloaded.
    const single = await app.inject({ method: 'POST', url: `/api/measures/${own[0]!.id}/status-updates`, headers: editor.headers, payload: { status: 'examining', progress: 5, version: 1 } })
    expect(single.statusCode).toBe(201)
    const sheet = workbook.worksheets[0]!
    fill(sheet, own[0]!.code, { status: 'done', progress: 100 })
    fill(sheet, own[1]!.code, { status: 'done', progress: 100 })
    const preview = await upload(workbook, `/api/plans/${plan.id}/status-imports/preview`, editor.headers)
    expect(preview.json()).toMatchObject({ staleCount: 1, applicable: 1 })
    expect(preview.json().rows.find((r: { measureCode: string }) => r.measureCode === own[0]!.code).stale).toBe(true)
    const res = await upload(workbook, `/api/plans/${plan.id}/status-imports`, editor.headers)
    expect(res.statusCode).toBe(422)
    const [first] = await testDb.db.select().from(measures).where(eq(measures.id, own[1]!.id))
    expect(first!.status).toBe('planned')
  })

  it('refuses measures the person may not report on, unknown codes and formulas, row by row', async () => {
    const { plan, foreign, editor } = await setting(1)
    const workbook = await downloadTemplate(plan.id, editor.headers)
    const sheet = workbook.worksheets[0]!
    sheet.addRow([foreign.code, '', '', '', 1, 'done', 100])
    sheet.addRow(['X.99', '', '', '', 1, 'done', 100])
    const first = sheet.getRow(2)
    first.getCell(6).value = 'done'
    first.getCell(7).value = { formula: '50+50', result: 100 } as ExcelJS.CellFormulaValue
    const res = await upload(workbook, `/api/plans/${plan.id}/status-imports/preview`, editor.headers)
    expect(res.statusCode).toBe(200)
    const codes = res.json().rows.map((r: { errors: { column: string, code: string }[] }) => r.errors.map((e) => `${e.column}:${e.code}`))
    expect(codes).toEqual([['progress:FORMULA'], ['code:NOT_PERMITTED'], ['code:UNKNOWN_MEASURE']])
  })

  it('gives bad files a clear 4xx and changes nothing', async () => {
    const { plan, editor } = await setting(1)
    const url = `/api/plans/${plan.id}/status-imports`
    const send = (payload: Buffer | string, contentType: string) => app.inject({ method: 'POST', url, headers: { ...editor.headers, 'content-type': contentType }, payload })
    const before = await tableCounts(testDb.db)
    expect((await send('not a zip', xlsx)).json().code).toBe('SPREADSHEET_UNREADABLE')
    expect((await send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), xlsx)).json().code).toBe('SPREADSHEET_UNREADABLE')
    expect((await send('code,title\nM1,x\n', 'text/csv')).json()).toMatchObject({ statusCode: 400, code: 'SPREADSHEET_COLUMNS' })
    expect((await send(Buffer.from('code;version;status;progress;date;note;evidence_link\nM1;1;done;100;;Gr\xfc\xdfe;\n', 'latin1'), 'text/csv')).json().code).toBe('SPREADSHEET_ENCODING')
    expect((await send('%PDF-1.4', 'application/pdf')).statusCode).toBe(415)
    const huge = await send(Buffer.alloc(50 * 1024 * 1024 + 1, 0x41), 'text/csv')
    expect(huge.statusCode).toBe(413)
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('refuses a zip bomb by the sizes its entries unpack to, before the workbook is parsed', async () => {
    const { plan, editor } = await setting(1)
    const template = await app.inject({ url: `/api/plans/${plan.id}/status-template.xlsx`, headers: editor.headers })
    // A real template, filled in, plus one entry of 101 MB of zeros that deflates to about 100 KB.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer)
    workbook.worksheets[0]!.getRow(2).getCell(6).value = 'done'
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer())
    zip.file('xl/media/padding.bin', Buffer.alloc(101 * 1024 * 1024))
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const before = await tableCounts(testDb.db)
    const res = await app.inject({ method: 'POST', url: `/api/plans/${plan.id}/status-imports`, headers: { ...editor.headers, 'content-type': xlsx }, payload: bomb })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('SPREADSHEET_TOO_LARGE')
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('accepts a semicolon CSV as German Excel saves it', async () => {
    const { plan, own, editor } = await setting(1)
    const csv = `\uFEFFcode;version;status;progress;date;note;evidence_link\n${own[0]!.code};1;umgesetzt;100;01.06.2024;"Fertig; abgenommen";https://jena.de/bericht\n`
    const res = await app.inject({ method: 'POST', url: `/api/plans/${plan.id}/status-imports`, headers: { ...editor.headers, 'content-type': 'text/csv' }, payload: csv })
    expect(res.statusCode).toBe(200)
    const [entry] = await testDb.db.select().from(statusUpdates).where(eq(statusUpdates.measureId, own[0]!.id))
    expect(entry).toMatchObject({ status: 'done', date: '2024-06-01', noteDe: 'Fertig; abgenommen', evidenceLinks: [{ url: 'https://jena.de/bericht', label: null }] })
  })

  it('keeps the template and the import to signed-in members', async () => {
    const { plan } = await setting(1)
    expect((await app.inject({ url: `/api/plans/${plan.id}/status-template.xlsx` })).statusCode).toBe(401)
    const stranger = await buildSignedInUser(testDb.db, { email: 'x@example.org' })
    expect((await app.inject({ url: `/api/plans/${plan.id}/status-template.xlsx`, headers: stranger.headers })).statusCode).toBe(404)
  })
})
