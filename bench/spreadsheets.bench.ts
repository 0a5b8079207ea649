/**
 * Spreadsheet benchmark (issue 15): a generated plan with 1,000 measures in an embedded PGlite database.
 * Timed through the HTTP API (in-process, as the tests call it): the public export of the measures as
 * XLSX and as CSV, the status template, and the re-import of the template with all 1,000 rows filled in
 * (every row one status update through the status-update service, one transaction), preview and apply.
 *
 *   npm run bench:sheets
 *
 * The verdict is PASS when the XLSX export, the import's preview and the applied import each take under 5 s
 * of wall time. The preview runs the import's checks (in one batch, as the import does) without its writes.
 * Like the other benchmarks it is a measurement: it exits 0 when the target is missed (1 only if a
 * request fails).
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { buildApp } from '../server/src/app.ts'
import { testConfig } from '../server/src/config.ts'
import { exampleActions, measures, plans, statusUpdates } from '../server/src/db/schema/index.ts'
import { insertCity } from '../server/src/features/cities/cities.queries.ts'
import { parsePlanFile } from '../server/src/features/plan-files/plan-file.check.ts'
import { importPlanFile } from '../server/src/features/plan-files/plan-files.import.ts'
import { buildSignedInUser } from '../server/test/helpers/auth.ts'
import { openPgliteDatabase } from './databases.ts'
import { generatedCity, generatePlanFile } from './generate-plan.ts'

const targetMs = 5000
const measureCount = 1000
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const database = await openPgliteDatabase()
try {
  const { db } = database.handle
  await database.handle.migrate()
  const keys = (await db.select({ key: exampleActions.key }).from(exampleActions)).map((row) => row.key)
  const file = parsePlanFile(JSON.parse(JSON.stringify(generatePlanFile({ measures: measureCount, exampleActionKeys: keys }))))
  const { planId, cityId } = await db.transaction(async (tx) => {
    const city = await insertCity(tx, generatedCity)
    return { ...await importPlanFile(tx, city.id, file), cityId: city.id }
  })
  await db.update(plans).set({ state: 'adopted' }).where(eq(plans.id, planId))
  await db.update(measures).set({ isPublic: true }).where(eq(measures.planId, planId))
  const admin = await buildSignedInUser(db, { email: 'bench-admin@example.org', memberships: [{ cityId, role: 'admin' }] })
  const app = await buildApp({ config: testConfig(), db, logger: false })
  await app.ready()

  console.log(`Spreadsheet benchmark: ${measureCount} measures, PGlite`)
  console.log(`Machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)

  const results: { name: string, ms: number, target?: number }[] = []
  async function timed<T> (name: string, run: () => Promise<T>, target?: number) {
    const start = performance.now()
    const value = await run()
    results.push({ name, ms: performance.now() - start, ...(target ? { target } : {}) })
    return value
  }
  const expectStatus = <R extends { statusCode: number, body: string }>(res: R, status: number, what: string) => {
    if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`)
    return res
  }

  await timed('export XLSX (public measures)', async () => expectStatus(await app.inject({ url: `/api/plans/${planId}/measures.xlsx` }), 200, 'xlsx'), targetMs)
  await timed('export CSV (public measures)', async () => expectStatus(await app.inject({ url: `/api/plans/${planId}/measures.csv` }), 200, 'csv'))
  const template = await timed('status template XLSX', async () => expectStatus(await app.inject({ url: `/api/plans/${planId}/status-template.xlsx`, headers: admin.headers }), 200, 'template'))

  // A person fills in every row (not timed).
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  sheet.eachRow((row, number) => {
    if (number === 1) return
    row.getCell(6).value = 'in_progress'
    row.getCell(7).value = 40
    row.getCell(8).value = '2024-06-01'
    row.getCell(9).value = `Zwischenbericht ${number}`
  })
  const payload = Buffer.from(await workbook.xlsx.writeBuffer())
  const headers = { ...admin.headers, 'content-type': xlsx }

  const preview = await timed('import preview (1,000 rows)', async () =>
    expectStatus(await app.inject({ method: 'POST', url: `/api/plans/${planId}/status-imports/preview`, headers, payload }), 200, 'preview'), targetMs)
  const applicable = preview.json().applicable
  await timed('import apply (1,000 rows)', async () =>
    expectStatus(await app.inject({ method: 'POST', url: `/api/plans/${planId}/status-imports`, headers, payload }), 200, 'import'), targetMs)
  const entries = await db.$count(statusUpdates)

  await app.close()
  console.log(`Rows applicable in the preview: ${applicable}; timeline entries after the import: ${entries}`)
  for (const r of results) {
    const verdict = r.target === undefined ? '' : r.ms < r.target ? `  PASS (< ${r.target / 1000} s)` : `  FAIL (≥ ${r.target / 1000} s)`
    console.log(`${r.name.padEnd(36)} ${String(Math.round(r.ms)).padStart(6)} ms${verdict}`)
  }
  const failed = results.some((r) => r.target !== undefined && r.ms >= r.target)
  console.log(failed ? 'FAIL' : 'PASS')
} finally {
  await database.dispose()
}
