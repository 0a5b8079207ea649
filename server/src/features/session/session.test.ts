import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { hashToken } from '../../auth/sessions.ts'
import { auditLog, sessions } from '../../db/schema/index.ts'
import { createInvitation } from '../users/users.service.ts'
import { buildUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })
const tlsApp = await buildTestApp({ db: testDb.db, config: { PUBLIC_ORIGIN: 'https://aktionsplan.example.org' } })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await tlsApp.close()
  await testDb.close()
})

const password = 'lange Passphrase für Tests'

async function member () {
  const city = await buildCity(testDb.db)
  return buildUser(testDb.db, { email: 'Steuerung@Example.org', password, memberships: [{ cityId: city.id, role: 'editor' }] })
}

const signIn = (body: object, headers: Record<string, string> = {}, target = app) =>
  target.inject({ method: 'POST', url: '/api/session', payload: body, headers })

const cookieOf = (res: { cookies: { name: string, value: string }[] }) => res.cookies.find((c) => c.name === 'sid' || c.name === '__Host-sid')

describe('POST /api/session', () => {
  it('signs in with the e-mail in any case and sets a hardened session cookie', async () => {
    await member()
    const res = await signIn({ email: 'steuerung@example.org', password })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ user: { email: 'Steuerung@Example.org', memberships: [{ role: 'editor' }] }, csrfToken: expect.any(String) })
    const cookie = cookieOf(res)!
    expect(cookie).toMatchObject({ name: 'sid', httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie.value.length).toBeGreaterThanOrEqual(43)
    expect(res.headers['set-cookie']).not.toMatch(/Domain=/i)
  })

  it('uses a __Host- cookie with Secure behind TLS', async () => {
    await member()
    const res = await signIn({ email: 'steuerung@example.org', password }, {}, tlsApp)
    expect(cookieOf(res)).toMatchObject({ name: '__Host-sid', secure: true, httpOnly: true, path: '/' })
  })

  it('answers a wrong password and an unknown account identically', async () => {
    await member()
    const wrong = await signIn({ email: 'steuerung@example.org', password: 'falsches Passwort!!' })
    const unknown = await signIn({ email: 'niemand@example.org', password: 'falsches Passwort!!' })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    const { requestId: _a, ...wrongBody } = wrong.json()
    const { requestId: _b, ...unknownBody } = unknown.json()
    expect(wrongBody).toEqual(unknownBody)
    expect(wrongBody.code).toBe('INVALID_CREDENTIALS')
  })

  it('answers the 11th failed sign-in within 15 minutes with 429 and Retry-After, even with the right password', async () => {
    await member()
    for (let i = 0; i < 10; i++) {
      expect((await signIn({ email: 'steuerung@example.org', password: `falsch-${i}-falsch-falsch` })).statusCode).toBe(401)
    }
    const blocked = await signIn({ email: 'steuerung@example.org', password })
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().code).toBe('TOO_MANY_ATTEMPTS')
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800)
    expect(cookieOf(blocked)).toBeUndefined()
  })

  it('throttles one address trying many accounts', async () => {
    for (let i = 0; i < 10; i++) await signIn({ email: `jemand-${i}@example.org`, password: 'irgendein Passwort' })
    const res = await signIn({ email: 'noch-jemand@example.org', password: 'irgendein Passwort' })
    expect(res.statusCode).toBe(429)
  })

  it('gives a new session id at sign-in and forgets the one sent with it', async () => {
    await member()
    const first = cookieOf(await signIn({ email: 'steuerung@example.org', password }))!.value
    const second = await signIn({ email: 'steuerung@example.org', password }, { cookie: `sid=${first}` })
    expect(cookieOf(second)!.value).not.toBe(first)
    const old = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `sid=${first}` } })
    expect(old.json().user).toBeNull()
  })

  it('refuses a sign-in posted from another site', async () => {
    await member()
    const res = await signIn({ email: 'steuerung@example.org', password }, { origin: 'https://evil.example' })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('CSRF_FAILED')
  })
})

describe('GET /api/session', () => {
  it('answers anonymous visitors without setting any cookie', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/session' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ user: null, csrfToken: null })
    expect(res.headers['set-cookie']).toBeUndefined()
  })

  it('ends a session idle for more than 30 minutes and one older than 12 hours', async () => {
    await member()
    const token = cookieOf(await signIn({ email: 'steuerung@example.org', password }))!.value
    const id = hashToken(token)
    await testDb.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) }).where(eq(sessions.id, id))
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `sid=${token}` } })).json().user).toBeNull()

    const fresh = cookieOf(await signIn({ email: 'steuerung@example.org', password }))!.value
    await testDb.db.update(sessions).set({ createdAt: new Date(Date.now() - 12 * 3_600_000 - 60_000) }).where(eq(sessions.id, hashToken(fresh)))
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `sid=${fresh}` } })).json().user).toBeNull()
  })
})

describe('DELETE /api/session', () => {
  it('signs out: the server forgets the session and the cookie stops working', async () => {
    await member()
    const signedIn = await signIn({ email: 'steuerung@example.org', password })
    const token = cookieOf(signedIn)!.value
    const headers = { cookie: `sid=${token}`, 'x-csrf-token': signedIn.json().csrfToken }
    const res = await app.inject({ method: 'DELETE', url: '/api/session', headers })
    expect(res.statusCode).toBe(204)
    expect(await testDb.db.select().from(sessions).where(eq(sessions.id, hashToken(token)))).toHaveLength(0)
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers })).statusCode).toBe(401)
  })

  it('refuses to sign out without the anti-forgery token', async () => {
    await member()
    const token = cookieOf(await signIn({ email: 'steuerung@example.org', password }))!.value
    const res = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: `sid=${token}` } })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('CSRF_FAILED')
  })
})

describe('PUT /api/session/password', () => {
  async function signedIn () {
    await member()
    const res = await signIn({ email: 'steuerung@example.org', password })
    return { cookie: `sid=${cookieOf(res)!.value}`, 'x-csrf-token': res.json().csrfToken as string }
  }

  it('changes the password and ends the other sessions', async () => {
    const headers = await signedIn()
    const other = cookieOf(await signIn({ email: 'steuerung@example.org', password }))!.value
    const res = await app.inject({ method: 'PUT', url: '/api/session/password', headers, payload: { currentPassword: password, newPassword: 'eine ganz neue Passphrase' } })
    expect(res.statusCode).toBe(204)
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `sid=${other}` } })).json().user).toBeNull()
    expect((await app.inject({ method: 'GET', url: '/api/session', headers })).json().user).not.toBeNull()
    expect((await signIn({ email: 'steuerung@example.org', password: 'eine ganz neue Passphrase' })).statusCode).toBe(200)
  })

  it('refuses a wrong current password, a short one and a common one', async () => {
    const headers = await signedIn()
    const put = (payload: object) => app.inject({ method: 'PUT', url: '/api/session/password', headers, payload })
    expect((await put({ currentPassword: 'falsch falsch falsch', newPassword: 'eine ganz neue Passphrase' })).json().code).toBe('CURRENT_PASSWORD_WRONG')
    expect((await put({ currentPassword: password, newPassword: 'kurz' })).statusCode).toBe(400)
    const common = await put({ currentPassword: password, newPassword: 'passwort1234' })
    expect(common.statusCode).toBe(400)
    expect(common.json().code).toBe('PASSWORD_REJECTED')
  })
})

describe('POST /api/invitations/accept', () => {
  it('sets the password once with a password link and signs in, with an audit row in the person\'s city', async () => {
    const city = await buildCity(testDb.db, { slug: 'jena' })
    const fresh = await buildUser(testDb.db, { email: 'neu@example.org', memberships: [{ cityId: city.id, role: 'viewer' }] })
    const { path } = await createInvitation(testDb.db, fresh.id)
    const token = path.split('/').at(-1)!
    expect((await app.inject({ method: 'GET', url: `/api/invitations/${token}` })).json()).toMatchObject({ kind: 'password', needsPassword: true })
    const accepted = await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'meine eigene Passphrase' } })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json().user).toMatchObject({ email: 'neu@example.org', memberships: [{ citySlug: 'jena', role: 'viewer' }] })
    expect(cookieOf(accepted)).toBeDefined()
    const again = await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'noch eine Passphrase' } })
    expect(again.statusCode).toBe(400)
    expect(again.json().code).toBe('INVITATION_INVALID')
    const rows = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'user.invitation.accept'))
    expect(rows.map((row) => row.cityId)).toEqual([city.id])
  })
})
