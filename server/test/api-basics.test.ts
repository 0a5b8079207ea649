import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp } from './helpers/build-test-app.ts'
import { buildMeasure, buildPlan, buildCity } from './helpers/factories.ts'
import { tableCounts, useTestDb } from './helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })
const publicApp = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await publicApp.close()
  await testDb.close()
})

/** Nothing internal may reach a client: no stack frames, SQL or driver messages. */
function expectNoLeak (body: string) {
  expect(body).not.toMatch(/at .*\.(ts|js):\d+|select |insert |relation "|ERROR:|node_modules/i)
}

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok' })
  })

  it('reports the database as ready', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health/ready' })
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' })
  })
})

describe('unknown and malformed input', () => {
  it('answers an unknown API path with a JSON 404 and a code', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' })
  })

  it('rejects unknown body fields instead of dropping them', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/cities', payload: { slug: 'erfurt', name: 'Erfurt', mayor: 'x' } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/mayor', reason: 'unknown property "mayor"' }] })
    expect((await tableCounts(testDb.db)).cities).toBe(0)
  })

  it('does not coerce body types: a number sent as text is refused', async () => {
    const city = await buildCity(testDb.db)
    const res = await app.inject({
      method: 'POST', url: `/api/cities/${city.slug}/plans`,
      payload: { titleDe: 'Plan', periodStart: '2024-01-01', periodEnd: '2025-12-31', predecessorId: '1' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().details[0].path).toBe('/predecessorId')
  })

  it('rejects unknown query parameters', async () => {
    const plan = await buildPlan(testDb.db)
    const res = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures?colour=red` })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
  })

  it('answers malformed JSON with 400 and no parser internals', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/cities', headers: { 'content-type': 'application/json' }, payload: '{"slug": "x",' })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toMatch(/^[A-Z_]+$/)
    expectNoLeak(res.body)
  })

  it('refuses text/plain bodies, which a cross-site form could send without a preflight', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/cities', headers: { 'content-type': 'text/plain' }, payload: '{"slug":"erfurt","name":"Erfurt"}' })
    expect(res.statusCode).toBe(415)
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('refuses prototype pollution', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/cities', headers: { 'content-type': 'application/json' }, payload: '{"slug":"erfurt","name":"Erfurt","__proto__":{"admin":true}}' })
    expect(res.statusCode).toBe(400)
    expect((await tableCounts(testDb.db)).cities).toBe(0)
  })

  it('refuses bodies over the size limit with 413', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/cities', payload: { slug: 'erfurt', name: 'x'.repeat(300_000) } })
    expect(res.statusCode).toBe(413)
    expect(res.json().code).toBe('BODY_TOO_LARGE')
  })

  it('answers ids out of range and of the wrong type with 400, never 500', async () => {
    for (const url of ['/api/plans/abc', '/api/plans/0', '/api/plans/99999999999', '/api/measures/-1', '/api/organisations/1.5', "/api/cities/'; drop table cities;--/plans"]) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(400)
      expectNoLeak(res.body)
    }
  })
})

describe('strings that cannot be stored', () => {
  it('refuses U+0000 in a body, however deep, with the JSON pointer of the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/cities', payload: { slug: 'erfurt', name: 'Erf\u0000urt' } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/name' }] })
    expect((await tableCounts(testDb.db)).cities).toBe(0)
  })

  it('refuses lone surrogates, in values and in property names', async () => {
    const value = await app.inject({ method: 'POST', url: '/api/cities', headers: { 'content-type': 'application/json' }, payload: '{"slug":"erfurt","name":"Erfurt \\ud800"}' })
    expect(value.statusCode).toBe(400)
    expect(value.json().details[0].path).toBe('/name')
    const key = await app.inject({ method: 'POST', url: '/api/cities', headers: { 'content-type': 'application/json' }, payload: '{"slug":"erfurt","name":"Erfurt","\\udc00":1}' })
    expect(key.statusCode).toBe(400)
    expect(key.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/\uFFFD' }] })
    const pair = await app.inject({ method: 'POST', url: '/api/cities', payload: { slug: 'erfurt', name: 'Erfurt 😀' } })
    expect(pair.statusCode).toBe(201)
  })

  it('refuses bodies nested deeper than any contract, instead of running out of stack', async () => {
    const deep = `{"slug":"erfurt","name":"Erfurt","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    const res = await app.inject({ method: 'POST', url: '/api/cities', headers: { 'content-type': 'application/json' }, payload: deep })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
    expect((await tableCounts(testDb.db)).cities).toBe(0)
  })

  it('refuses U+0000 in the query string and in anonymous sign-in', async () => {
    const plan = await buildPlan(testDb.db)
    const search = await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures?q=%00` })
    expect(search.statusCode).toBe(400)
    expect(search.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/q' }] })
    const signIn = await publicApp.inject({ method: 'POST', url: '/api/session', payload: { email: 'a\u0000@example.org', password: 'irgendein-passwort' } })
    expect(signIn.statusCode).toBe(400)
    expect(signIn.json().details[0].path).toBe('/email')
  })
})

describe('URLs and query strings', () => {
  it('answers malformed percent-encoding in the documented error shape', async () => {
    const res = await publicApp.inject({ method: 'GET', url: '/api/plans/%ED%A0%80' })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ statusCode: 400, code: 'MALFORMED_URL', error: 'Bad Request', message: expect.any(String), requestId: expect.any(String) })
    expect(res.body).not.toContain('FST_')
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'")
  })

  it('answers a path segment past the router\'s limit in the same shape', async () => {
    const res = await publicApp.inject({ method: 'GET', url: `/api/cities/${'x'.repeat(300)}/plans` })
    expect(res.statusCode).toBe(414)
    expect(res.json()).toMatchObject({ statusCode: 414, code: 'URI_TOO_LONG', error: 'URI Too Long', requestId: expect.any(String) })
  })

  it('refuses unknown query parameters on routes that take none', async () => {
    const city = await buildCity(testDb.db, { slug: 'jena' })
    const before = await tableCounts(testDb.db)
    const read = await publicApp.inject({ method: 'GET', url: '/api/commitments?foo=1' })
    expect(read.statusCode).toBe(400)
    expect(read.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/foo' }] })
    const write = await app.inject({ method: 'POST', url: `/api/cities/${city.slug}/organisations?x=1`, payload: { name: 'Neue Stelle', kind: 'external' } })
    expect(write.statusCode).toBe(400)
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('documents the empty query string in OpenAPI as taking no parameters', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(doc.paths['/api/commitments'].get.parameters ?? []).toEqual([])
  })

  it('accepts only canonical ids: no hex, sign, leading zero, exponent or space', async () => {
    const plan = await buildPlan(testDb.db)
    for (let i = 0; i < 16; i++) await buildMeasure(testDb.db, plan)
    expect((await app.inject({ method: 'GET', url: '/api/measures/16' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/measures/1' })).statusCode).toBe(200)
    for (const id of ['0x10', '%2B1', '01', '1e1', '%201', '1%20', '1.0', '0b1', '0o1']) {
      const res = await app.inject({ method: 'GET', url: `/api/measures/${id}` })
      expect(res.statusCode, id).toBe(400)
      expect(res.json().details[0].path, id).toBe('/id')
    }
    const query = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures?limit=0x10` })
    expect(query.statusCode).toBe(400)
    const list = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures?limit=5&commitment=1&status=planned` })
    expect(list.statusCode).toBe(200)
  })
})

describe('writes without an account', () => {
  it('are refused with 401 before the body is even validated', async () => {
    const res = await publicApp.inject({ method: 'POST', url: '/api/cities', payload: { nonsense: true } })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
  })

  it('are refused with 401 unless the server runs in development mode', async () => {
    const res = await publicApp.inject({ method: 'POST', url: '/api/cities', payload: { slug: 'erfurt', name: 'Erfurt' } })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
    expect((await tableCounts(testDb.db)).cities).toBe(0)
  })
})

describe('GET /api/openapi.json', () => {
  it('documents every API route with a tag and a response schema', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const documented = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[], responses?: Record<string, unknown> }>>)
      .flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) => ({ path, method, operation })))
    expect(documented.length).toBeGreaterThanOrEqual(24)
    for (const { path, method, operation } of documented) {
      expect(operation.tags?.length, `${method} ${path}`).toBeGreaterThan(0)
      // Browser navigations (the single sign-on start and callback) succeed with a documented redirect.
      expect(Object.keys(operation.responses ?? {}).some((code) => code.startsWith('2') || code === '302'), `${method} ${path}`).toBe(true)
    }
    for (const path of ['/api/cities', '/api/cities/{city}/plans', '/api/plans/{id}', '/api/plans/{id}/measures', '/api/measures/{id}',
      '/api/organisations/{id}', '/api/plans/{id}/progress', '/api/plans/{id}/export', '/api/cities/{city}/plans/import']) {
      expect(doc.paths[path], path).toBeDefined()
    }
  })

  it('names every shared contract and refers to it from the operations', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown> }>
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['PlanFile', 'PlanFileMeasure', 'MeasureDetail', 'MeasureSummary', 'ApiError', 'MeasureStatus']))
    expect(schemas.PlanFile!.properties!.measures).toMatchObject({ items: { $ref: '#/components/schemas/PlanFileMeasure' } })
    expect(doc.paths['/api/plans/{id}/export'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PlanFile' })
    expect(doc.paths['/api/cities/{city}/plans/import'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PlanFile' })
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? []
    for (const ref of new Set(refs)) expect(schemas[JSON.parse(ref).split('/').pop()], ref).toBeDefined()
  })

  it('serves Swagger UI at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('swagger')
  })
})
