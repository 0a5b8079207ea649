import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, secondFactorChallenges, secondFactors, sessions } from '../../db/schema/index.ts'
import { buildSignedInUser, buildUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { enrolSecondFactor, nextCode, totpAt } from '../../../test/helpers/second-factor.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const { db } = testDb
const app = await buildTestApp({ db })
const keyedApp = await buildTestApp({ db, config: { SECRET_KEY: 'a-test-key-of-at-least-32-characters-length' } })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await keyedApp.close()
  await testDb.close()
})

const password = 'lange Passphrase für Tests'
type Res = Awaited<ReturnType<typeof app.inject>>
const cookie = (res: Res, name: string) => res.cookies.find((c) => c.name === name)

async function personWithFactor () {
  const city = await buildCity(db)
  const user = await buildUser(db, { password, memberships: [{ cityId: city.id, role: 'admin' }] })
  return { user, ...await enrolSecondFactor(db, user.id) }
}

/** The first step; answers the challenge cookie header for the second. */
async function passwordStep (email: string) {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } })
  expect(res.statusCode).toBe(200)
  return `sid-2fa=${cookie(res, 'sid-2fa')!.value}`
}

const codeStep = (challenge: string, code: string) =>
  app.inject({ method: 'POST', url: '/api/session/second-factor', headers: { cookie: challenge }, payload: { code } })

describe('POST /api/session with a second factor', () => {
  it('does not open a session for the right password alone, but asks for the code', async () => {
    const { user } = await personWithFactor()
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ user: null, csrfToken: null, secondFactorRequired: true })
    expect(cookie(res, 'sid')).toBeUndefined()
    expect(cookie(res, 'sid-2fa')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 300 })
    expect(await db.select().from(sessions)).toHaveLength(0)
    // The challenge cookie is no session.
    const session = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `sid=${cookie(res, 'sid-2fa')!.value}` } })
    expect(session.json().user).toBeNull()
  })
})

describe('POST /api/session/second-factor', () => {
  it('signs in with a code from the app and records the session as two-factor', async () => {
    const { user } = await personWithFactor()
    const challenge = await passwordStep(user.email)
    const res = await codeStep(challenge, await nextCode(db, user.id))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ user: { id: user.id }, csrfToken: expect.any(String) })
    expect(cookie(res, 'sid')!.value.length).toBeGreaterThanOrEqual(43)
    expect(cookie(res, 'sid-2fa')!.value).toBe('')
    expect((await db.select().from(sessions)).map((row) => row.authMethod)).toEqual(['totp'])
    expect(await db.select().from(secondFactorChallenges)).toHaveLength(0)
    // A challenge works once.
    expect((await codeStep(challenge, await nextCode(db, user.id))).json().code).toBe('SECOND_FACTOR_CHALLENGE_INVALID')
  })

  it('refuses a code that was used already (replay), also in a new sign-in', async () => {
    const { user } = await personWithFactor()
    const code = await nextCode(db, user.id)
    expect((await codeStep(await passwordStep(user.email), code)).statusCode).toBe(200)
    const replay = await codeStep(await passwordStep(user.email), code)
    expect(replay.statusCode).toBe(401)
    expect(replay.json().code).toBe('SECOND_FACTOR_INVALID')
    expect(cookie(replay, 'sid')).toBeUndefined()
  })

  it('accepts each recovery code once, typed in any case and with spaces', async () => {
    const { user, recoveryCodes } = await personWithFactor()
    const typed = recoveryCodes[3]!.toUpperCase().replace('-', ' ')
    const first = await codeStep(await passwordStep(user.email), typed)
    expect(first.statusCode).toBe(200)
    const again = await codeStep(await passwordStep(user.email), recoveryCodes[3]!)
    expect(again.statusCode).toBe(401)
    expect(again.json().code).toBe('SECOND_FACTOR_INVALID')
    const headers = { cookie: `sid=${cookie(first, 'sid')!.value}` }
    expect((await app.inject({ method: 'GET', url: '/api/session/second-factor', headers })).json().recoveryCodesLeft).toBe(9)
    expect((await db.select().from(auditLog)).map((row) => row.action)).toEqual(['user.second-factor.recovery-code.use'])
  })

  it('refuses without the cookie of the password step, and after five minutes', async () => {
    const { user } = await personWithFactor()
    const none = await app.inject({ method: 'POST', url: '/api/session/second-factor', payload: { code: '123456' } })
    expect(none.statusCode).toBe(401)
    expect(none.json().code).toBe('SECOND_FACTOR_CHALLENGE_INVALID')
    const challenge = await passwordStep(user.email)
    await db.update(secondFactorChallenges).set({ expiresAt: new Date(Date.now() - 1000) })
    const late = await codeStep(challenge, await nextCode(db, user.id))
    expect(late.json().code).toBe('SECOND_FACTOR_CHALLENGE_INVALID')
    expect(await db.select().from(sessions)).toHaveLength(0)
  })

  it('throttles wrong codes like wrong passwords: the 11th try in 15 minutes gets 429, even with the right code', async () => {
    const { user } = await personWithFactor()
    const challenge = await passwordStep(user.email)
    for (let i = 0; i < 10; i++) {
      expect((await codeStep(challenge, `wrong-code-${i}`)).statusCode).toBe(401)
    }
    const blocked = await codeStep(challenge, await nextCode(db, user.id))
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().code).toBe('TOO_MANY_ATTEMPTS')
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800)
    // A right password does not wipe the count of wrong codes.
    const again = await app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password } })
    expect(again.statusCode).toBe(429)
  })

  it('answers 400 to a malformed code', async () => {
    const { user } = await personWithFactor()
    const res = await codeStep(await passwordStep(user.email), '<script>')
    expect(res.statusCode).toBe(400)
    const [row] = await db.select().from(sessions).where(eq(sessions.userId, user.id))
    expect(row).toBeUndefined()
  })
})

describe('with SECRET_KEY', () => {
  it('stores the secret encrypted and still signs in with the app\'s codes', async () => {
    const city = await buildCity(db)
    const { user, headers } = await buildSignedInUser(db, { password, memberships: [{ cityId: city.id, role: 'viewer' }] })
    const { secret } = (await keyedApp.inject({ method: 'POST', url: '/api/session/second-factor/enrolment', headers })).json()
    const [stored] = await db.select().from(secondFactors)
    expect(stored!.secret).toMatch(/^v1\./)
    expect(stored!.secret).not.toContain(secret)
    const now = Math.floor(Date.now() / 1000)
    const confirmed = await keyedApp.inject({ method: 'POST', url: '/api/session/second-factor/enrolment/confirm', headers, payload: { code: await totpAt(secret, now) } })
    expect(confirmed.statusCode).toBe(200)

    const first = await keyedApp.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password } })
    const [factor] = await db.select().from(secondFactors)
    const res = await keyedApp.inject({
      method: 'POST', url: '/api/session/second-factor',
      headers: { cookie: `sid-2fa=${cookie(first, 'sid-2fa')!.value}` }, payload: { code: await totpAt(secret, (factor!.lastTimeStep! + 1) * 30) },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().user).toMatchObject({ id: user.id })
  })
})
