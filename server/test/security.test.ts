import { Writable } from 'node:stream'
import { DrizzleQueryError } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.ts'
import { testConfig } from '../src/config.ts'
import type { Db } from '../src/db/client.ts'
import { buildUser } from './helpers/auth.ts'
import { buildCity, buildMeasure, buildPlan } from './helpers/factories.ts'
import { tableCounts, useTestDb } from './helpers/test-db.ts'

const testDb = await useTestDb()
const logLines: string[] = []
const logStream = new Writable({ write (chunk, _encoding, done) { logLines.push(String(chunk)); done() } })
const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'info' }), db: testDb.db, logger: { stream: logStream } })
await app.ready()

beforeEach(async () => {
  await testDb.reset()
  logLines.length = 0
})
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const canaryPassword = 'Kanarienvogel-Passwort-4711'

async function signedInAdmin () {
  const city = await buildCity(testDb.db, { slug: 'jena' })
  const user = await buildUser(testDb.db, { email: 'admin@example.org', password: canaryPassword, memberships: [{ cityId: city.id, role: 'admin' }] })
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: canaryPassword } })
  const cookie = res.cookies.find((c) => c.name === 'sid')!
  return { city, user, cookie: `sid=${cookie.value}`, token: cookie.value, csrfToken: res.json().csrfToken as string }
}

describe('security headers', () => {
  it('are on pages, API answers and errors alike', async () => {
    const plan = await buildPlan(testDb.db)
    for (const url of ['/api/health', `/api/plans/${plan.id}`, '/api/nothing', '/api/plans/abc', '/api/plans/%ED%A0%80', '/',
      '/api/docs/', '/api/docs/static/swagger-ui-bundle.js', '/api/docs/static/index.css']) {
      const res = await app.inject({ method: 'GET', url })
      const csp = String(res.headers['content-security-policy'])
      expect(csp, url).toContain("default-src 'self'")
      expect(csp, url).toContain("script-src 'self'")
      expect(csp, url).not.toContain('unsafe-inline')
      expect(csp, url).toContain("object-src 'none'")
      expect(csp, url).toContain("base-uri 'none'")
      expect(csp, url).toContain("frame-ancestors 'none'")
      expect(res.headers['x-content-type-options'], url).toBe('nosniff')
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=31536000; includeSubDomains/)
      expect(res.headers['referrer-policy'], url).toBe('no-referrer')
      expect(res.headers['x-powered-by'], url).toBeUndefined()
    }
  })

  it('give the API documentation the same policy as every other answer', async () => {
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' })
    const health = await app.inject({ method: 'GET', url: '/api/health' })
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-security-policy']).toBe(health.headers['content-security-policy'])
    // Swagger UI's validator badge is an image from another site, which that policy would block.
    const initializer = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' })
    expect(initializer.body).toMatch(/"validatorUrl":\s*null/)
  })

  it('keep answers for signed-in users out of every cache', async () => {
    const admin = await signedInAdmin()
    const res = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: admin.cookie } })
    expect(res.headers['cache-control']).toBe('no-store')
  })
})

describe('cross-site request forgery', () => {
  it('refuses a cookie-authenticated write without the anti-forgery token, from another origin, or as a form', async () => {
    const admin = await signedInAdmin()
    const before = await tableCounts(testDb.db)
    const payload = { name: 'Neue Stelle', kind: 'municipal_unit' }
    const url = '/api/cities/jena/organisations'
    const noToken = await app.inject({ method: 'POST', url, headers: { cookie: admin.cookie }, payload })
    expect(noToken.statusCode).toBe(403)
    expect(noToken.json().code).toBe('CSRF_FAILED')
    const wrongToken = await app.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'x-csrf-token': 'guess' }, payload })
    expect(wrongToken.statusCode).toBe(403)
    const foreign = await app.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, origin: 'https://evil.example' }, payload })
    expect(foreign.statusCode).toBe(403)
    const form = await app.inject({
      method: 'POST', url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Neue+Stelle&kind=municipal_unit',
    })
    expect(form.statusCode).toBe(415)
    expect(await tableCounts(testDb.db)).toEqual(before)

    const ok = await app.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }, payload })
    expect(ok.statusCode).toBe(201)
  })
})

describe('server errors', () => {
  it('say nothing internal and carry a request id that finds the full error in the log', async () => {
    const failing = new Proxy(testDb.db, {
      get: (target, property) => property === 'execute'
        ? () => { throw new Error('select password_hash from users where email = \'x\'') }
        : Reflect.get(target, property),
    }) as Db
    const broken = await buildApp({ config: testConfig({ LOG_LEVEL: 'info' }), db: failing, logger: { stream: logStream } })
    const res = await broken.inject({ method: 'GET', url: '/api/health/ready' })
    await broken.close()
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', error: 'Internal Server Error', message: 'Internal Server Error', requestId: expect.any(String) })
    expect(res.body).not.toMatch(/select|password|users/i)
    const logged = logLines.filter((line) => line.includes(res.json().requestId) && line.includes('password_hash'))
    expect(logged).toHaveLength(1)
  })
})

describe('the log', () => {
  it('never holds a password, session token or anti-forgery token', async () => {
    const admin = await signedInAdmin()
    await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'admin@example.org', password: `${canaryPassword}-falsch` } })
    await app.inject({ method: 'PUT', url: '/api/session/password', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }, payload: { currentPassword: canaryPassword, newPassword: `${canaryPassword}-neu` } })
    await app.inject({ method: 'POST', url: '/api/cities/jena/organisations', headers: { cookie: admin.cookie }, payload: { name: 'x', kind: 'external' } })
    const log = logLines.join('')
    expect(log.length).toBeGreaterThan(0)
    for (const secret of [canaryPassword, admin.token, admin.csrfToken]) expect(log).not.toContain(secret)
    expect(log).toContain('"event":"sign-in"')
  })

  it('never holds query strings, bodies or the parameters of a failed query', async () => {
    const plan = await buildPlan(testDb.db)
    await app.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures?q=geheimes-suchwort` })
    await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'jemand\u0000@example.org', password: canaryPassword } })
    await app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: `{"password":"${canaryPassword}",` })
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g'
    const failing = new Proxy(testDb.db, {
      get: (target, property) => property === 'execute'
        ? () => { throw new DrizzleQueryError('update "users" set "password_hash" = $1 where "id" = $2', [hash, 7], new Error('connection lost')) }
        : Reflect.get(target, property),
    }) as Db
    const broken = await buildApp({ config: testConfig({ LOG_LEVEL: 'info' }), db: failing, logger: { stream: logStream } })
    const res = await broken.inject({ method: 'GET', url: '/api/health/ready' })
    await broken.close()
    expect(res.statusCode).toBe(500)
    const log = logLines.join('')
    for (const secret of ['geheimes-suchwort', canaryPassword, hash, '\\u0000']) expect(log).not.toContain(secret)
    const failure = logLines.find((line) => line.includes(res.json().requestId) && line.includes('unhandled error'))!
    expect(failure).toContain('update \\"users\\" set \\"password_hash\\" = $1')
    expect(failure).toContain('params: [redacted]')
    expect(failure).toContain('connection lost')
  })

  it('keeps a name with a line break on one escaped line', async () => {
    await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'x\n{"level":60,"msg":"forged"}', password: 'irgendetwas hier' } })
    expect(logLines.every((line) => line.trim().split('\n').length === 1)).toBe(true)
    expect(logLines.some((line) => /"msg":"forged"/.test(line) && line.startsWith('{"level":60'))).toBe(false)
  })
})

describe('internal data', () => {
  it('stays out of public answers: no internal note, no person', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { internalNote: 'Nur intern: Budget unsicher' })
    const res = await app.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('Budget unsicher')
  })
})

