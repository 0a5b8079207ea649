import { Writable } from 'node:stream'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { hashToken } from '../../auth/sessions.ts'
import { auditLog, cityIdentityProviders, memberships, sessions, signInAttempts, users } from '../../db/schema/index.ts'
import { buildSignedInUser, buildUser, platformAdminHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { signInAtProvider, startTestProvider } from '../../../test/helpers/oidc-provider.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const { db } = testDb
const logLines: string[] = []
const logStream = new Writable({ write (chunk, _encoding, done) { logLines.push(String(chunk)); done() } })
const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'info', SECRET_KEY: 'test-secret-key-with-at-least-32-characters' }), db, logger: { stream: logStream } })
await app.ready()
const origin = 'http://127.0.0.1:3000'
const clientSecret = 'provider-client-secret-do-not-leak'
const provider = await startTestProvider({
  clients: [{ clientId: 'tracker', clientSecret, redirectUris: ['jena', 'erfurt'].map((slug) => `${origin}/api/auth/oidc/${slug}/callback`) }],
})

beforeEach(async () => {
  await testDb.reset()
  provider.accounts.clear()
  logLines.length = 0
})
afterAll(async () => {
  await app.close()
  await provider.close()
  await testDb.close()
})

const settings = (overrides: Record<string, unknown> = {}) => ({
  displayName: 'Stadtverwaltung Jena', issuer: provider.issuer, clientId: 'tracker', clientSecret, ...overrides,
})

async function setUp (overrides: Record<string, unknown> = {}) {
  const jena = await buildCity(db, { slug: 'jena', name: 'Jena' })
  const erfurt = await buildCity(db, { slug: 'erfurt', name: 'Erfurt' })
  const res = await app.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers: await platformAdminHeaders(db), payload: settings(overrides) })
  expect(res.statusCode).toBe(201)
  return { jena, erfurt }
}

const cookieValue = (res: { cookies: { name: string, value: string }[] }, name: string) => res.cookies.find((c) => c.name === name)?.value

/** The whole way of a browser: start, the provider's sign-in form, back to our callback. */
async function signInThrough (login: string, { city = 'jena', returnTo, tamper }: { city?: string, returnTo?: string, tamper?: (url: URL) => void } = {}) {
  const start = await app.inject({ method: 'GET', url: `/api/auth/oidc/${city}/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}` })
  expect(start.statusCode).toBe(302)
  const pending = cookieValue(start, 'sso')
  const back = new URL(await signInAtProvider(start.headers.location as string, login, `${origin}/api/auth/oidc/`))
  tamper?.(back)
  const callback = await app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: pending ? { cookie: `sso=${pending}` } : {} })
  expect(callback.statusCode).toBe(302)
  return { location: callback.headers.location as string, sessionToken: cookieValue(callback, 'sid'), back, pending }
}

const refusals = () => db.select().from(auditLog).where(eq(auditLog.action, 'sso.refuse'))

describe('GET /api/auth/oidc/:city/callback', () => {
  it('signs in an invited person by verified e-mail, for the provider\'s city only', async () => {
    const { jena, erfurt } = await setUp()
    await buildUser(db, { email: 'Anna.Berger@jena.example', memberships: [{ cityId: jena.id, role: 'editor' }, { cityId: erfurt.id, role: 'admin' }] })
    provider.accounts.set('anna', { email: 'anna.berger@jena.example', email_verified: true, name: 'Anna Berger' })

    const { location, sessionToken } = await signInThrough('anna', { returnTo: '/jena/verwaltung' })
    expect(location).toBe('/jena/verwaltung')
    expect(sessionToken).toBeDefined()
    const [session] = await db.select().from(sessions).where(eq(sessions.id, hashToken(sessionToken!)))
    expect(session!.ssoCityId).toBe(jena.id)

    const me = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `sid=${sessionToken}` } })
    expect(me.json().user).toMatchObject({ email: 'Anna.Berger@jena.example', memberships: [{ citySlug: 'jena', role: 'editor' }] })
    expect(me.json().user.memberships).toHaveLength(1)
    // Erfurt's admin role was not vouched for by Jena's provider.
    const erfurtUsers = await app.inject({ method: 'GET', url: '/api/cities/erfurt/users', headers: { cookie: `sid=${sessionToken}` } })
    expect(erfurtUsers.statusCode).toBe(404)
  })

  it('accepts the city\'s open invitation of the address the provider vouches for, creating the account', async () => {
    const { jena } = await setUp()
    const admin = await buildSignedInUser(db, { memberships: [{ cityId: jena.id, role: 'admin' }] })
    const invited = await app.inject({
      method: 'POST', url: '/api/cities/jena/users', headers: admin.headers,
      payload: { email: 'Neu.Person@jena.example', displayName: 'Neu Person', role: 'editor' },
    })
    expect(invited.statusCode).toBe(201)
    provider.accounts.set('neu', { email: 'neu.person@jena.example', email_verified: true, name: 'N. Person' })

    const { location, sessionToken } = await signInThrough('neu')
    expect(location).toBe('/jena/arbeitsbereich')
    const me = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `sid=${sessionToken}` } })
    expect(me.json().user).toMatchObject({ displayName: 'Neu Person', memberships: [{ citySlug: 'jena', role: 'editor' }] })
    const list = await app.inject({ method: 'GET', url: '/api/cities/jena/users', headers: admin.headers })
    expect(list.json().pending).toEqual([])
    const created = await db.select().from(auditLog).where(eq(auditLog.action, 'membership.create'))
    expect(created.at(-1)!.after).toMatchObject({ role: 'editor', via: 'sso' })
  })

  it('accepts each answer of the provider once, and logs neither code, state nor e-mail', async () => {
    const { jena } = await setUp()
    await buildUser(db, { email: 'anna@jena.example', memberships: [{ cityId: jena.id, role: 'editor' }] })
    provider.accounts.set('anna', { email: 'anna@jena.example', email_verified: true })
    const first = await signInThrough('anna')
    expect(first.sessionToken).toBeDefined()
    const replay = await app.inject({ method: 'GET', url: `${first.back.pathname}${first.back.search}`, headers: { cookie: `sso=${first.pending}` } })
    expect(replay.headers.location).toContain('sso_error=SSO_STATE_INVALID')
    expect(cookieValue(replay, 'sid')).toBeUndefined()
    const log = logLines.join('')
    expect(log).toContain('signed in through the identity provider')
    expect(log).toContain('"url":"/api/auth/oidc/jena/callback"')
    for (const secret of [first.back.searchParams.get('code')!, first.back.searchParams.get('state')!, 'anna@jena.example', first.pending!]) {
      expect(log).not.toContain(secret)
    }
  })

  it('stops answering an address after 10 failed sign-ins in 15 minutes', async () => {
    const { jena } = await setUp()
    await buildUser(db, { email: 'anna@jena.example', memberships: [{ cityId: jena.id, role: 'editor' }] })
    await db.insert(signInAttempts).values(Array.from({ length: 10 }, () => ({ email: '', ip: '127.0.0.1', succeeded: false })))
    provider.accounts.set('anna', { email: 'anna@jena.example', email_verified: true })
    const { location, sessionToken } = await signInThrough('anna')
    expect(location).toContain('sso_error=SSO_TOO_MANY_ATTEMPTS')
    expect(sessionToken).toBeUndefined()
  })

  it('uses changed settings at once, and explains an unreachable provider', async () => {
    const { jena } = await setUp()
    await buildUser(db, { email: 'anna@jena.example', memberships: [{ cityId: jena.id, role: 'editor' }] })
    provider.accounts.set('anna', { email: 'anna@jena.example', email_verified: true })
    expect((await signInThrough('anna')).sessionToken).toBeDefined()
    const headers = { ...await platformAdminHeaders(db), 'if-match': '"1"' }
    const moved = await app.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers, payload: settings({ issuer: 'http://127.0.0.1:1' }) })
    expect(moved.statusCode).toBe(200)
    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/jena/start' })
    expect(start.headers.location).toBe('/anmelden?sso_error=SSO_UNAVAILABLE&city=jena')
    expect(logLines.join('')).toContain('discovery failed')
  })

  it('offers nothing once the city switches its provider off', async () => {
    await setUp({ enabled: false })
    expect((await app.inject({ method: 'GET', url: '/api/identity-providers' })).json()).toEqual({ items: [], total: 0, limit: 50, offset: 0 })
    const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/jena/start' })
    expect(res.headers.location).toContain('sso_error=SSO_NOT_CONFIGURED')
  })

  it('lists the cities offering it page by page, by name, with the total, leaving out switched-off ones', async () => {
    for (const [i, name] of ['Weimar', 'Gera', 'Suhl', 'Apolda', 'Zeitz'].entries()) {
      const city = await buildCity(db, { name })
      await db.insert(cityIdentityProviders).values({ cityId: city.id, displayName: `Konto ${name}`, issuer: provider.issuer, clientId: 'tracker', enabled: i !== 4 })
    }
    const page = async (query: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/identity-providers?${query}` })
      expect(res.statusCode).toBe(200)
      return res.json() as { items: { cityName: string }[], total: number }
    }
    const first = await page('limit=3')
    expect(first.items.map((p) => p.cityName)).toEqual(['Apolda', 'Gera', 'Suhl'])
    expect(first.total).toBe(4)
    expect((await page('limit=3&offset=3')).items.map((p) => p.cityName)).toEqual(['Weimar'])
    expect(await page('offset=9')).toMatchObject({ items: [], total: 4 })
    const tooMany = await app.inject({ method: 'GET', url: '/api/identity-providers?limit=500' })
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json().code).toBe('VALIDATION_FAILED')
  })

  it('goes to the city\'s workspace when no return path or an unsafe one is given', async () => {
    const { jena } = await setUp()
    await buildUser(db, { email: 'anna@jena.example', memberships: [{ cityId: jena.id, role: 'viewer' }] })
    provider.accounts.set('anna', { email: 'anna@jena.example', email_verified: true })
    expect((await signInThrough('anna')).location).toBe('/jena/arbeitsbereich')
    expect((await signInThrough('anna', { returnTo: '//evil.example/path' })).location).toBe('/jena/arbeitsbereich')
  })

  it('refuses a person the city has not invited, and records why', async () => {
    await setUp()
    provider.accounts.set('unknown', { email: 'someone@elsewhere.example', email_verified: true })
    const { location, sessionToken } = await signInThrough('unknown')
    expect(location).toBe('/anmelden?sso_error=SSO_NOT_INVITED&city=jena')
    expect(sessionToken).toBeUndefined()
    expect(await db.select().from(users).where(eq(users.email, 'someone@elsewhere.example'))).toHaveLength(0)
    const [refusal] = await refusals()
    expect(refusal!.after).toEqual({ reason: 'SSO_NOT_INVITED' })
    expect(JSON.stringify(refusal)).not.toContain('someone@elsewhere.example')
  })

  it('refuses a member of another city, whom this city\'s provider cannot vouch for', async () => {
    const { erfurt } = await setUp()
    await buildUser(db, { email: 'erik@erfurt.example', memberships: [{ cityId: erfurt.id, role: 'admin' }] })
    provider.accounts.set('erik', { email: 'erik@erfurt.example', email_verified: true })
    const { location, sessionToken } = await signInThrough('erik')
    expect(location).toContain('sso_error=SSO_NOT_INVITED')
    expect(sessionToken).toBeUndefined()
  })

  it('registers an unknown person as viewer when the city allows it', async () => {
    const { jena } = await setUp({ allowSelfRegistration: true })
    provider.accounts.set('neu', { email: 'neu@jena.example', email_verified: true, name: 'Nora Neu' })
    const { location, sessionToken } = await signInThrough('neu')
    expect(location).toBe('/jena/arbeitsbereich')
    const [user] = await db.select().from(users).where(eq(users.email, 'neu@jena.example'))
    expect(user).toMatchObject({ displayName: 'Nora Neu', passwordHash: null })
    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user!.id))
    expect(membership).toMatchObject({ cityId: jena.id, role: 'viewer' })
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'membership.create'))
    expect(audit).toMatchObject({ cityId: jena.id, entityId: String(user!.id), after: { role: 'viewer', via: 'sso' } })
    expect(sessionToken).toBeDefined()
  })

  it('refuses an e-mail address the provider has not verified', async () => {
    const { jena } = await setUp()
    await buildUser(db, { email: 'anna@jena.example', memberships: [{ cityId: jena.id, role: 'editor' }] })
    provider.accounts.set('anna', { email: 'anna@jena.example', email_verified: false })
    const { location, sessionToken } = await signInThrough('anna')
    expect(location).toContain('sso_error=SSO_EMAIL_UNVERIFIED')
    expect(sessionToken).toBeUndefined()
    expect((await refusals())[0]!.after).toEqual({ reason: 'SSO_EMAIL_UNVERIFIED' })
  })

  it('gives the role of the person\'s groups and records the change', async () => {
    const { jena } = await setUp({ groupsClaim: 'groups', groupRoles: [{ group: 'aktionsplan-lesen', role: 'viewer' }, { group: 'aktionsplan-redaktion', role: 'editor' }] })
    const anna = await buildUser(db, { email: 'anna@jena.example', memberships: [{ cityId: jena.id, role: 'viewer' }] })
    provider.accounts.set('anna', { email: 'anna@jena.example', email_verified: true, groups: ['aktionsplan-lesen', 'aktionsplan-redaktion', 'other'] })
    const { sessionToken } = await signInThrough('anna')
    expect(sessionToken).toBeDefined()
    const [membership] = await db.select().from(memberships).where(and(eq(memberships.userId, anna.id), eq(memberships.cityId, jena.id)))
    expect(membership).toMatchObject({ role: 'editor', version: 2 })
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'membership.update'))
    expect(audit).toMatchObject({ before: { role: 'viewer' }, after: { role: 'editor', via: 'sso' } })
  })

  it('refuses a platform administrator: one city\'s provider cannot vouch for every city', async () => {
    const { jena } = await setUp()
    await buildUser(db, { email: 'root@example.org', platformAdmin: true, memberships: [{ cityId: jena.id, role: 'admin' }] })
    provider.accounts.set('root', { email: 'root@example.org', email_verified: true })
    expect((await signInThrough('root')).location).toContain('sso_error=SSO_PLATFORM_ADMIN')
  })

  it('refuses a callback whose state was changed, or that another browser started', async () => {
    const { jena } = await setUp()
    await buildUser(db, { email: 'anna@jena.example', memberships: [{ cityId: jena.id, role: 'editor' }] })
    provider.accounts.set('anna', { email: 'anna@jena.example', email_verified: true })
    const tampered = await signInThrough('anna', { tamper: (url) => url.searchParams.set('state', 'forged-state-value') })
    expect(tampered.location).toContain('sso_error=SSO_STATE_INVALID')
    expect(tampered.sessionToken).toBeUndefined()

    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/jena/start' })
    const back = new URL(await signInAtProvider(start.headers.location as string, 'anna', `${origin}/api/auth/oidc/`))
    const withoutCookie = await app.inject({ method: 'GET', url: `${back.pathname}${back.search}` })
    expect(withoutCookie.headers.location).toContain('sso_error=SSO_STATE_INVALID')
    expect(cookieValue(withoutCookie, 'sid')).toBeUndefined()
  })

  it('sends the browser back with an explanation when the city has no provider', async () => {
    await buildCity(db, { slug: 'jena' })
    const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/jena/start' })
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe('/anmelden?sso_error=SSO_NOT_CONFIGURED&city=jena')
  })
})

describe('/api/cities/:city/identity-provider', () => {
  it('stores the settings without ever returning the client secret, and audits the change without it', async () => {
    const city = await buildCity(db, { slug: 'jena' })
    const { headers } = await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'admin' }] })
    const created = await app.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers, payload: settings() })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ hasClientSecret: true, emailClaim: 'email', version: 1, redirectUri: `${origin}/api/auth/oidc/jena/callback` })
    expect(created.body).not.toContain(clientSecret)

    const [row] = await db.select().from(cityIdentityProviders)
    expect(row!.clientSecretEncrypted).not.toContain(clientSecret)
    const read = await app.inject({ method: 'GET', url: '/api/cities/jena/identity-provider', headers })
    expect(read.statusCode).toBe(200)
    expect(read.body).not.toContain(clientSecret)
    expect(read.headers.etag).toBe('"1"')
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'sso.provider.create'))
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit)).not.toContain(clientSecret)

    // A change keeps the secret unless a new one is sent; it needs the version read.
    const { clientSecret: _s, ...withoutSecret } = settings({ displayName: 'Jena Login' })
    expect((await app.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers, payload: withoutSecret })).statusCode).toBe(428)
    const changed = await app.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers: { ...headers, 'if-match': '"1"' }, payload: withoutSecret })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ displayName: 'Jena Login', hasClientSecret: true, version: 2 })
    const stale = await app.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers: { ...headers, 'if-match': '"1"' }, payload: withoutSecret })
    expect(stale.statusCode).toBe(412)

    const publicList = await app.inject({ method: 'GET', url: '/api/identity-providers' })
    expect(publicList.json()).toEqual({
      items: [{ citySlug: 'jena', cityName: city.name, displayName: 'Jena Login', startPath: '/api/auth/oidc/jena/start' }], total: 1, limit: 50, offset: 0,
    })

    const removed = await app.inject({ method: 'DELETE', url: '/api/cities/jena/identity-provider', headers: { ...headers, 'if-match': '"2"' } })
    expect(removed.statusCode).toBe(204)
    expect(await db.select().from(cityIdentityProviders)).toHaveLength(0)
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'sso.provider.delete'))).toHaveLength(1)
  })

  it('answers 404 to another city\'s admin and 403 to an editor, changing nothing', async () => {
    const jena = await buildCity(db, { slug: 'jena' })
    const erfurt = await buildCity(db, { slug: 'erfurt' })
    const other = await buildSignedInUser(db, { memberships: [{ cityId: erfurt.id, role: 'admin' }] })
    const editor = await buildSignedInUser(db, { memberships: [{ cityId: jena.id, role: 'editor' }] })
    const before = await tableCounts(db)
    const put = await app.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers: other.headers, payload: settings() })
    expect(put.statusCode).toBe(404)
    expect(put.json().code).toBe('CITY_NOT_FOUND')
    expect((await app.inject({ method: 'GET', url: '/api/cities/jena/identity-provider', headers: other.headers })).statusCode).toBe(404)
    expect((await app.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers: editor.headers, payload: settings() })).statusCode).toBe(403)
    expect(await tableCounts(db)).toEqual(before)
  })

  it('refuses a plain-http issuer that is not on this machine, and bad input, with stable codes', async () => {
    const city = await buildCity(db, { slug: 'jena' })
    const { headers } = await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'admin' }] })
    const before = await tableCounts(db)
    const insecure = await app.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers, payload: settings({ issuer: 'http://login.jena.example/realms/stadt' }) })
    expect(insecure.statusCode).toBe(400)
    expect(insecure.json().code).toBe('IDENTITY_PROVIDER_ISSUER_INSECURE')
    const badRole = await app.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers, payload: settings({ groupRoles: [{ group: 'x', role: 'owner' }] }) })
    expect(badRole.statusCode).toBe(400)
    expect(await tableCounts(db)).toEqual(before)
  })

  it('refuses to store a client secret when the server has no SECRET_KEY', async () => {
    const keyless = await buildTestApp({ db })
    try {
      const city = await buildCity(db, { slug: 'jena' })
      const { headers } = await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'admin' }] })
      const res = await keyless.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers, payload: settings() })
      expect(res.statusCode).toBe(409)
      expect(res.json().code).toBe('IDENTITY_PROVIDER_SECRET_KEY_MISSING')
      const { clientSecret: _s, ...publicClient } = settings()
      expect((await keyless.inject({ method: 'PUT', url: '/api/cities/jena/identity-provider', headers, payload: publicClient })).statusCode).toBe(201)
    } finally {
      await keyless.close()
    }
  })
})
