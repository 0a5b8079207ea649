import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, cities, setupTokens, users } from '../../db/schema/index.ts'
import { buildUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import { createSetupLinkIfNeeded } from './setup.service.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })
beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const first = { email: 'betrieb@example.org', displayName: 'Betrieb', password: 'die erste Passphrase' }
const tokenOf = (path: string) => path.split('/').at(-1)!

describe('the setup link', () => {
  it('is created at start only while nobody can administer, and a new one replaces the old', async () => {
    const old = await createSetupLinkIfNeeded(testDb.db)
    const path = await createSetupLinkIfNeeded(testDb.db)
    expect(path).toMatch(/^\/setup\/[\w-]{40,}$/)
    expect(await testDb.db.select().from(setupTokens)).toHaveLength(1)
    expect((await app.inject({ method: 'GET', url: `/api/setup/${tokenOf(old!)}` })).json().code).toBe('SETUP_LINK_INVALID')
    const city = await buildCity(testDb.db)
    await buildUser(testDb.db, { memberships: [{ cityId: city.id, role: 'admin' }] })
    expect(await createSetupLinkIfNeeded(testDb.db)).toBeNull()
  })

  it('creates the first platform administrator and the first city once, and signs in', async () => {
    const token = tokenOf((await createSetupLinkIfNeeded(testDb.db))!)
    expect((await app.inject({ method: 'GET', url: `/api/setup/${token}` })).json()).toEqual({ needsCity: true })
    const noCity = await app.inject({ method: 'POST', url: '/api/setup', payload: { token, ...first } })
    expect(noCity.json().code).toBe('SETUP_CITY_REQUIRED')
    const res = await app.inject({ method: 'POST', url: '/api/setup', payload: { token, ...first, city: { slug: 'jena', name: 'Jena' } } })
    expect(res.statusCode).toBe(200)
    expect(res.json().user).toMatchObject({ email: first.email, isPlatformAdmin: true })
    expect(res.cookies.find((c) => c.name === 'sid')).toBeDefined()
    expect(await testDb.db.select({ slug: cities.slug }).from(cities)).toEqual([{ slug: 'jena' }])
    expect((await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'user.create-admin')))).toHaveLength(1)
    const before = await tableCounts(testDb.db)
    const again = await app.inject({ method: 'POST', url: '/api/setup', payload: { token, ...first, email: 'zweiter@example.org' } })
    expect(again.statusCode).toBe(400)
    expect(again.json().code).toBe('SETUP_LINK_INVALID')
    expect((await app.inject({ method: 'GET', url: `/api/setup/${token}` })).statusCode).toBe(400)
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('refuses once an administrator exists (say, from the command line), and after 24 hours', async () => {
    await buildCity(testDb.db)
    const token = tokenOf((await createSetupLinkIfNeeded(testDb.db))!)
    await testDb.db.update(setupTokens).set({ expiresAt: new Date(Date.now() - 1000) })
    expect((await app.inject({ method: 'POST', url: '/api/setup', payload: { token, ...first } })).json().code).toBe('SETUP_LINK_INVALID')
    const fresh = tokenOf((await createSetupLinkIfNeeded(testDb.db))!)
    await buildUser(testDb.db, { platformAdmin: true })
    expect((await app.inject({ method: 'POST', url: '/api/setup', payload: { token: fresh, ...first } })).json().code).toBe('SETUP_LINK_INVALID')
    expect(await testDb.db.select().from(users).where(eq(users.email, first.email))).toHaveLength(0)
  })
})
