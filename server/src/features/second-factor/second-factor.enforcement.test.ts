import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { sessions } from '../../db/schema/index.ts'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildPlan } from '../../../test/helpers/factories.ts'
import { totpAt } from '../../../test/helpers/second-factor.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const { db } = testDb
// Production mode, MFA_REQUIRED unset: the default requires a second factor of admins.
const production = await buildTestApp({ db, config: { NODE_ENV: 'production' } })
const productionWithout = await buildTestApp({ db, config: { NODE_ENV: 'production', MFA_REQUIRED: 'none' } })
const everyone = await buildTestApp({ db, config: { MFA_REQUIRED: 'all' } })

beforeEach(testDb.reset)
afterAll(async () => {
  await production.close()
  await productionWithout.close()
  await everyone.close()
  await testDb.close()
})

async function cityWith (role: 'admin' | 'editor', platformAdmin = false) {
  const city = await buildCity(db, { slug: 'jena' })
  const plan = await buildPlan(db, { cityId: city.id, state: 'draft' })
  const { user, headers } = await buildSignedInUser(db, { platformAdmin, memberships: [{ cityId: city.id, role }] })
  return { city, plan, user, headers }
}

describe('MFA_REQUIRED in production mode', () => {
  it('keeps an admin without a second factor from admin routes, with a stable code and no change', async () => {
    const { headers } = await cityWith('admin')
    const read = await production.inject({ method: 'GET', url: '/api/cities/jena/users', headers })
    expect(read.statusCode).toBe(403)
    expect(read.json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED')
    const before = await tableCounts(db)
    const write = await production.inject({ method: 'POST', url: '/api/cities/jena/users', headers, payload: { email: 'neu@example.org', displayName: 'Neu', role: 'viewer' } })
    expect(write.statusCode).toBe(403)
    expect(write.json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED')
    expect(await tableCounts(db)).toEqual(before)
  })

  it('treats the admin as a visitor on public reads: no drafts', async () => {
    const { plan, headers } = await cityWith('admin')
    expect((await productionWithout.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers })).statusCode).toBe(200)
    expect((await production.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers })).statusCode).toBe(404)
  })

  it('applies to platform administrators too', async () => {
    const { headers } = await cityWith('editor', true)
    const res = await production.inject({ method: 'POST', url: '/api/cities', headers, payload: { slug: 'gera', name: 'Gera' } })
    expect(res.json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED')
  })

  it('lets the admin see the session, enrol, and then reach admin routes', async () => {
    const { user, headers } = await cityWith('admin')
    const session = await production.inject({ method: 'GET', url: '/api/session', headers })
    expect(session.json()).toMatchObject({ user: { id: user.id }, secondFactorEnrolmentRequired: true })
    expect((await production.inject({ method: 'GET', url: '/api/session/second-factor', headers })).json()).toMatchObject({ enabled: false, required: true })

    const { secret } = (await production.inject({ method: 'POST', url: '/api/session/second-factor/enrolment', headers })).json()
    const confirmed = await production.inject({
      method: 'POST', url: '/api/session/second-factor/enrolment/confirm', headers, payload: { code: await totpAt(secret, Date.now() / 1000) },
    })
    expect(confirmed.statusCode).toBe(200)
    expect((await production.inject({ method: 'GET', url: '/api/cities/jena/users', headers })).statusCode).toBe(200)
    expect((await production.inject({ method: 'GET', url: '/api/session', headers })).json().secondFactorEnrolmentRequired).toBe(false)
  })

  it('counts a session from the city\'s identity provider as meeting the requirement', async () => {
    const { user, headers } = await cityWith('admin')
    await db.update(sessions).set({ authMethod: 'sso' }).where(eq(sessions.userId, user.id))
    expect((await production.inject({ method: 'GET', url: '/api/cities/jena/users', headers })).statusCode).toBe(200)
  })

  it('lets an admin sign out without a second factor', async () => {
    const { headers } = await cityWith('admin')
    expect((await production.inject({ method: 'DELETE', url: '/api/session', headers })).statusCode).toBe(204)
  })

  it('leaves editors alone with "admins", and admins alone with "none"', async () => {
    const { headers } = await cityWith('editor')
    expect((await production.inject({ method: 'GET', url: '/api/cities/jena/steering-group', headers })).statusCode).toBe(200)
    const admin = await buildSignedInUser(db, { memberships: [{ cityId: (await buildCity(db, { slug: 'gera' })).id, role: 'admin' }] })
    expect((await productionWithout.inject({ method: 'GET', url: '/api/cities/gera/users', headers: admin.headers })).statusCode).toBe(200)
  })

  it('requires a second factor of everyone with "all"', async () => {
    const { headers } = await cityWith('editor')
    const res = await everyone.inject({ method: 'GET', url: '/api/cities/jena/steering-group', headers })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED')
  })
})
