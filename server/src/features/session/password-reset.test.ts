import { Writable } from 'node:stream'
import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { auditLog, mails, passwordResets, sessions, users } from '../../db/schema/index.ts'
import { buildUser, sessionFor } from '../../../test/helpers/auth.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const logLines: Record<string, unknown>[] = []
const stream = new Writable({ write (chunk, _encoding, done) { logLines.push(JSON.parse(String(chunk))); done() } })
const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'info', PUBLIC_ORIGIN: 'https://aktionsplan.example.org' }), db: testDb.db, logger: { stream } })
const production = await buildApp({ config: testConfig({ LOG_LEVEL: 'info', NODE_ENV: 'production' }), db: testDb.db, logger: { stream } })
beforeEach(async () => {
  await testDb.reset()
  logLines.length = 0
})
afterAll(async () => {
  await app.close()
  await production.close()
  await testDb.close()
})

const password = 'die alte Passphrase'
const request = (email: string, target = app, ip = '10.0.0.1') =>
  target.inject({ method: 'POST', url: '/api/password-reset', payload: { email }, remoteAddress: ip })
/** The link travels by mail; without SMTP the mail is held in the outbox table. */
const linkInMail = async () => {
  const [mail] = await testDb.db.select().from(mails).where(eq(mails.kind, 'password-reset'))
  return mail?.templateData?.link as string | undefined
}

describe('POST /api/password-reset', () => {
  it('answers a known and an unknown address alike, and mails the link only to the known one', async () => {
    await buildUser(testDb.db, { email: 'Person@example.org', password })
    const known = await request('person@example.org')
    expect(await linkInMail()).toMatch(/^https:\/\/aktionsplan\.example\.org\/passwort-vergessen\/[\w-]{40,}$/)
    await testDb.db.delete(mails)
    const unknown = await request('niemand@example.org')
    expect(await linkInMail()).toBeUndefined()
    expect(known.statusCode).toBe(202)
    expect(unknown.statusCode).toBe(202)
    expect(known.body).toBe(unknown.body)
    expect(JSON.stringify(logLines)).not.toContain('niemand@example.org')
  })

  it('never logs the link, in development or production', async () => {
    await buildUser(testDb.db, { email: 'person@example.org', password })
    expect((await request('person@example.org')).statusCode).toBe(202)
    expect((await request('person@example.org', production)).statusCode).toBe(202)
    expect(await testDb.db.select().from(passwordResets)).toHaveLength(2)
    expect(JSON.stringify(logLines)).not.toMatch(/passwort-vergessen/)
  })

  it('answers the 6th request in an hour with 429, for unknown addresses too', async () => {
    for (const email of ['person@example.org', 'niemand@example.org']) {
      await testDb.reset()
      if (email === 'person@example.org') await buildUser(testDb.db, { email, password })
      for (let i = 0; i < 5; i++) expect((await request(email, app, `10.0.1.${i}`)).statusCode).toBe(202)
      const sixth = await request(email, app, '10.0.2.1')
      expect(sixth.statusCode).toBe(429)
      expect(sixth.json().code).toBe('TOO_MANY_RESETS')
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0)
    }
  })
})

describe('POST /api/password-reset/confirm', () => {
  it('sets the new password once, ends every session and writes an audit row in each city of the person', async () => {
    const jena = await buildCity(testDb.db, { slug: 'jena' })
    const weimar = await buildCity(testDb.db, { slug: 'weimar' })
    const person = await buildUser(testDb.db, { email: 'person@example.org', password, memberships: [{ cityId: jena.id, role: 'editor' }, { cityId: weimar.id, role: 'viewer' }] })
    const headers = await sessionFor(testDb.db, person.id)
    await request('person@example.org')
    const token = (await linkInMail())!.split('/').at(-1)!
    const weak = await app.inject({ method: 'POST', url: '/api/password-reset/confirm', payload: { token, password: 'passwort1234' } })
    expect(weak.json().code).toBe('PASSWORD_REJECTED')
    const res = await app.inject({ method: 'POST', url: '/api/password-reset/confirm', payload: { token, password: 'eine neue Passphrase' } })
    expect(res.statusCode).toBe(204)
    expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(0)
    expect((await app.inject({ method: 'GET', url: '/api/session', headers })).json().user).toBeNull()
    expect((await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'person@example.org', password: 'eine neue Passphrase' } })).statusCode).toBe(200)
    const rows = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'user.password.reset'))
    expect(rows.map((row) => row.cityId).sort()).toEqual([jena.id, weimar.id].sort())
    const before = await tableCounts(testDb.db)
    const again = await app.inject({ method: 'POST', url: '/api/password-reset/confirm', payload: { token, password: 'noch eine Passphrase' } })
    expect(again.statusCode).toBe(400)
    expect(again.json().code).toBe('PASSWORD_RESET_INVALID')
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('refuses a link older than an hour', async () => {
    const person = await buildUser(testDb.db, { email: 'person@example.org', password })
    await request('person@example.org')
    const token = (await linkInMail())!.split('/').at(-1)!
    await testDb.db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) })
    const res = await app.inject({ method: 'POST', url: '/api/password-reset/confirm', payload: { token, password: 'eine neue Passphrase' } })
    expect(res.json().code).toBe('PASSWORD_RESET_INVALID')
    expect((await testDb.db.select().from(users).where(eq(users.id, person.id)))[0]!.passwordHash).toBe(person.passwordHash)
  })
})
