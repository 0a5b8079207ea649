import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDemoData } from '../src/demo/load-demo-data.ts'
import { buildSignedInUser } from './helpers/auth.ts'
import { buildTestApp } from './helpers/build-test-app.ts'
import { tableCounts, useTestDb } from './helpers/test-db.ts'
import { inlineRefs, malformedRequests, type FuzzRequest, type JsonSchema, type Operation } from './fuzz-cases.ts'

/**
 * The fuzzer: every operation of /api/openapi.json gets malformed requests generated from its own
 * schemas (fuzz-cases.ts), anonymously and as a signed-in platform administrator with the anti-forgery
 * token, against the Jena demo data. It fails on any 5xx, any answer that is not a 4xx in the
 * documented error shape, anything internal in an answer, and any change to what reads return or to
 * the number of rows. Deterministic: the seed is fixed (FUZZ_SEED overrides it) and printed.
 */

const seed = Number(process.env.FUZZ_SEED ?? 20_261_203)
const casesPerOperationAndActor = Number(process.env.FUZZ_CASES ?? 40)

const testDb = await useTestDb()
await loadDemoData(testDb.db)
const app = await buildTestApp({ db: testDb.db })
const admin = await buildSignedInUser(testDb.db, { email: 'fuzz-admin@example.org', displayName: 'Fuzz Admin', platformAdmin: true })

afterAll(async () => {
  await app.close()
  await testDb.close()
})

/** Internals an answer must never show: stack frames, file paths, SQL and driver or framework error codes. */
const leaks: [string, RegExp][] = [
  ['stack frame', /\bat [\w.<>]+ \(|\n\s+at \S+/],
  ['file path', /node_modules|\/work\/|\/src\/|file:\/\/|\.[cm]?[jt]s:\d+/],
  ['SQL', /\bselect\s+[\w"*., ]+\s+from\s|\binsert\s+into\b|\brelation "|syntax error at|violates .*constraint|duplicate key value|invalid input syntax|invalid byte sequence/i],
  ['library error code', /\bFST_ERR_|\bERR_[A-Z_]{3,}|\bECONN|\bEPIPE\b|drizzle|pglite|SQLSTATE|DatabaseError/i],
]

interface Answer { status: number, body: string, location?: string }

function operationsOf (doc: { components: { schemas: Record<string, JsonSchema> }, paths: Record<string, Record<string, {
  parameters?: { in: string, name: string, schema: JsonSchema }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) => ({
    method: method.toUpperCase(),
    path,
    pathParams: (operation.parameters ?? []).filter((p) => p.in === 'path').map(({ name, schema }) => ({ name, schema })),
    queryParams: (operation.parameters ?? []).filter((p) => p.in === 'query').map(({ name, schema }) => ({ name, schema })),
    // Bodies refer to named contracts; the cases are generated from the whole shape.
    body: inlineRefs(operation.requestBody?.content['application/json']?.schema ?? null, doc.components.schemas),
  })))
}

/** Values that name demo records: Jena, and id 1 of every kind (plan, measure, organisation …). */
const validPath = (name: string) => (name === 'city' ? 'jena' : '1')

async function send (request: { method: string, url: string, headers?: Record<string, string>, payload?: string }): Promise<Answer> {
  const res = await app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers ?? {}, ...(request.payload !== undefined ? { payload: request.payload } : {}) })
  const location = res.headers.location
  return { status: res.statusCode, body: res.body, ...(typeof location === 'string' ? { location } : {}) }
}

/** A workbook's cells: the zip around them stamps each entry with the time it was written, which is not data. */
async function workbookCells (payload: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(payload as unknown as ArrayBuffer)
  return JSON.stringify(workbook.worksheets.map((sheet) => [sheet.name, sheet.getSheetValues()]))
}

/** What every readable operation answers an administrator, filled with the demo's records. */
async function readAll (operations: Operation[]) {
  const answers = new Map<string, Answer>()
  for (const operation of operations.filter((op) => op.method === 'GET')) {
    let url = operation.path
    for (const { name } of operation.pathParams) url = url.replace(`{${name}}`, validPath(name))
    const res = await app.inject({ method: 'GET', url, headers: admin.headers })
    const isWorkbook = res.statusCode === 200 && String(res.headers['content-type']).startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml')
    const location = res.headers.location
    const answer: Answer = { status: res.statusCode, body: isWorkbook ? await workbookCells(res.rawPayload) : res.body, ...(typeof location === 'string' ? { location } : {}) }
    // A request id is new on every answer, and a plan file says when it was exported; everything else must stay the same.
    answers.set(url, { ...answer, body: answer.body.replace(/"(requestId|exportedAt)":"[^"]*"/g, '"$1":"…"') })
  }
  return answers
}

function problemsWith (request: FuzzRequest, answer: Answer): string[] {
  const problems: string[] = []
  if (answer.status >= 500) problems.push(`answered ${answer.status}`)
  // The single sign-on routes are a browser's way through the city's provider: they refuse by sending the
  // browser back to the sign-in page with the reason (and the provider may add parameters of its own).
  else if (answer.status < 400 && !answer.location?.startsWith('/anmelden?sso_error=')) problems.push(`accepted malformed input (${answer.status})`)
  for (const [kind, pattern] of leaks) if (pattern.test(answer.body)) problems.push(`shows a ${kind}: ${answer.body.slice(0, 300)}`)
  if (answer.status >= 400) {
    let parsed: { code?: unknown, requestId?: unknown } | null = null
    try {
      parsed = JSON.parse(answer.body)
    } catch {
      problems.push('error answer is not JSON')
    }
    if (parsed && (typeof parsed.code !== 'string' || !/^[A-Z][A-Z_]+$/.test(parsed.code) || typeof parsed.requestId !== 'string')) {
      problems.push(`error answer lacks the documented shape: ${answer.body.slice(0, 200)}`)
    }
  }
  return problems.map((problem) => `${request.method} ${request.url.slice(0, 200)} [${request.defect}]: ${problem}`)
}

/** One line per operation and kind of problem, so a report of thousands of failures stays readable. */
function firstPerOperation (problems: string[]) {
  const seen = new Map<string, string>()
  for (const problem of problems) {
    const [method, url] = problem.split(' ')
    const key = `${method} ${url!.split('?')[0]!.replace(/\/[^/]*\d[^/]*/g, '/:n')} ${problem.split(']: ')[1]?.split(':')[0]}`
    if (!seen.has(key)) seen.set(key, problem)
  }
  return [...seen.values()]
}

describe('the API under malformed input', () => {
  it('never fails, never leaks, never changes data', { timeout: 600_000 }, async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const operations = operationsOf(doc)
    expect(operations.length).toBeGreaterThanOrEqual(60)

    // Reads that differ between two calls without any write in between (none expected) are not compared.
    const first = await readAll(operations)
    const before = await readAll(operations)
    const stable = [...before.keys()].filter((url) => first.get(url)!.body === before.get(url)!.body)
    const unstable = [...before.keys()].filter((url) => !stable.includes(url))
    const countsBefore = await tableCounts(testDb.db)

    const actors: [string, Record<string, string>][] = [['anonymous', {}], ['admin', admin.headers]]
    const problems: string[] = []
    const defects = new Map<string, number>()
    let sent = 0
    for (const [actorIndex, [, auth]] of actors.entries()) {
      for (const [index, operation] of operations.entries()) {
        const requests = fc.sample(malformedRequests(operation, validPath, auth), { seed: seed + actorIndex * 1000 + index, numRuns: casesPerOperationAndActor })
        for (const request of requests) {
          problems.push(...problemsWith(request, await send(request)))
          defects.set(request.defect, (defects.get(request.defect) ?? 0) + 1)
          sent++
        }
      }
    }

    const after = await readAll(operations)
    const changed = stable.filter((url) => before.get(url)!.body !== after.get(url)!.body || before.get(url)!.status !== after.get(url)!.status)
    console.info(`fuzz: seed ${seed}, ${sent} requests over ${operations.length} operations × ${actors.length} actors; defects ${JSON.stringify(Object.fromEntries(defects))}; ${stable.length} reads compared, not ${JSON.stringify(unstable)}`)

    expect(sent).toBeGreaterThanOrEqual(5000)
    expect({ problems: problems.length, examples: firstPerOperation(problems).slice(0, 30) }).toEqual({ problems: 0, examples: [] })
    expect(changed).toEqual([])
    expect(await tableCounts(testDb.db)).toEqual(countsBefore)
  })
})
