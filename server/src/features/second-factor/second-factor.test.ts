import { and, eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, recoveryCodes, secondFactors, sessions } from '../../db/schema/index.ts'
import { buildSignedInUser, buildUser, platformAdminHeaders, sessionFor } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { enrolSecondFactor, totpAt } from '../../../test/helpers/second-factor.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const { db } = testDb
const app = await buildTestApp({ db })
const strictApp = await buildTestApp({ db, config: { MFA_REQUIRED: 'all' } })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await strictApp.close()
  await testDb.close()
})

const password = 'lange Passphrase für Tests'
const base = '/api/session/second-factor'

async function person () {
  const city = await buildCity(db)
  return buildSignedInUser(db, { password, memberships: [{ cityId: city.id, role: 'editor' }] })
}

const auditActions = async (userId: number) =>
  (await db.select().from(auditLog).where(eq(auditLog.entityId, String(userId)))).map((row) => row.action)

describe('POST /api/session/second-factor/enrolment and …/confirm', () => {
  it('enrols an authenticator app: QR code, then the first code gives ten recovery codes once', async () => {
    const { user, headers } = await person()
    expect((await app.inject({ method: 'GET', url: base, headers })).json()).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 })

    const started = await app.inject({ method: 'POST', url: `${base}/enrolment`, headers })
    expect(started.statusCode).toBe(200)
    const { secret, otpauthUri, qrCode } = started.json()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/)
    expect(otpauthUri).toContain(encodeURIComponent(user.email))
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(qrCode.split(',')[1], 'base64').toString()).toContain('<svg')

    const confirmed = await app.inject({ method: 'POST', url: `${base}/enrolment/confirm`, headers, payload: { code: await totpAt(secret, Date.now() / 1000) } })
    expect(confirmed.statusCode).toBe(200)
    const codes: string[] = confirmed.json().recoveryCodes
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    expect(codes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/)

    expect((await app.inject({ method: 'GET', url: base, headers })).json()).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 })
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))
    expect(stored.map((row) => row.codeHash)).not.toContain(codes[0])
    expect(await auditActions(user.id)).toEqual(['user.second-factor.enrolment.start', 'user.second-factor.enable'])
    // The audit trail never holds the secret.
    expect(JSON.stringify(await db.select().from(auditLog))).not.toContain(secret)
  })

  it('refuses a wrong code and leaves the factor unconfirmed', async () => {
    const { user, headers } = await person()
    const { secret } = (await app.inject({ method: 'POST', url: `${base}/enrolment`, headers })).json()
    const wrongCode = (await totpAt(secret, Date.now() / 1000 - 600))
    const res = await app.inject({ method: 'POST', url: `${base}/enrolment/confirm`, headers, payload: { code: wrongCode } })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('SECOND_FACTOR_CODE_WRONG')
    const [factor] = await db.select().from(secondFactors).where(eq(secondFactors.userId, user.id))
    expect(factor!.confirmedAt).toBeNull()
  })

  it('refuses confirmation before a start, a second enrolment, and a malformed code', async () => {
    const { user, headers } = await person()
    const early = await app.inject({ method: 'POST', url: `${base}/enrolment/confirm`, headers, payload: { code: '123456' } })
    expect(early.statusCode).toBe(409)
    expect(early.json().code).toBe('SECOND_FACTOR_ENROLMENT_NOT_STARTED')
    expect((await app.inject({ method: 'POST', url: `${base}/enrolment/confirm`, headers, payload: { code: '12<script>' } })).statusCode).toBe(400)
    await enrolSecondFactor(db, user.id)
    const again = await app.inject({ method: 'POST', url: `${base}/enrolment`, headers })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('SECOND_FACTOR_ALREADY_ENABLED')
  })

  it('ends the other sessions, opened with the password alone, and upgrades this one', async () => {
    const { user, headers } = await person()
    const other = await sessionFor(db, user.id)
    const { secret } = (await app.inject({ method: 'POST', url: `${base}/enrolment`, headers })).json()
    await app.inject({ method: 'POST', url: `${base}/enrolment/confirm`, headers, payload: { code: await totpAt(secret, Date.now() / 1000) } })
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: other })).json().user).toBeNull()
    const remaining = await db.select().from(sessions).where(eq(sessions.userId, user.id))
    expect(remaining.map((row) => row.authMethod)).toEqual(['totp'])
  })
})

describe('POST /api/session/second-factor/recovery-codes', () => {
  it('replaces all recovery codes after the password is given', async () => {
    const { user, headers } = await person()
    await enrolSecondFactor(db, user.id)
    const wrong = await app.inject({ method: 'POST', url: `${base}/recovery-codes`, headers, payload: { password: 'falsches Passwort' } })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().code).toBe('CURRENT_PASSWORD_WRONG')
    const before = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))

    const res = await app.inject({ method: 'POST', url: `${base}/recovery-codes`, headers, payload: { password } })
    expect(res.statusCode).toBe(200)
    expect(res.json().recoveryCodes).toHaveLength(10)
    const after = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))
    expect(after).toHaveLength(10)
    expect(after.map((row) => row.codeHash)).not.toContain(before[0]!.codeHash)
    expect(await auditActions(user.id)).toEqual(['user.second-factor.recovery-codes.regenerate'])
  })

  it('answers 409 without a factor', async () => {
    const { headers } = await person()
    const res = await app.inject({ method: 'POST', url: `${base}/recovery-codes`, headers, payload: { password } })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('SECOND_FACTOR_NOT_ENABLED')
  })
})

describe('DELETE /api/session/second-factor', () => {
  it('turns the factor off with the password; signing in then needs the password only', async () => {
    const { user, headers } = await person()
    await enrolSecondFactor(db, user.id)
    const wrong = await app.inject({ method: 'DELETE', url: base, headers, payload: { password: 'falsches Passwort' } })
    expect(wrong.json().code).toBe('CURRENT_PASSWORD_WRONG')
    expect(await db.select().from(secondFactors)).toHaveLength(1)

    expect((await app.inject({ method: 'DELETE', url: base, headers, payload: { password } })).statusCode).toBe(204)
    expect(await db.select().from(secondFactors)).toHaveLength(0)
    expect(await db.select().from(recoveryCodes)).toHaveLength(0)
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password } })
    expect(signIn.json().user).toMatchObject({ id: user.id })
    expect(await auditActions(user.id)).toEqual(['user.second-factor.disable'])
  })

  it('refuses where a second factor is required, and changes nothing', async () => {
    const { user, headers } = await person()
    await enrolSecondFactor(db, user.id)
    await db.update(sessions).set({ authMethod: 'totp' }).where(eq(sessions.userId, user.id))
    const before = await tableCounts(db)
    const res = await strictApp.inject({ method: 'DELETE', url: base, headers, payload: { password } })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('SECOND_FACTOR_REQUIRED')
    expect(await tableCounts(db)).toEqual(before)
  })
})

describe('DELETE /api/users/:id/second-factor', () => {
  it('lets a platform administrator reset a factor: sessions end, every city of the person sees it in its audit trail', async () => {
    const [jena, erfurt] = [await buildCity(db), await buildCity(db)]
    const { user, headers } = await buildSignedInUser(db, { password, memberships: [{ cityId: jena.id, role: 'admin' }, { cityId: erfurt.id, role: 'viewer' }] })
    await enrolSecondFactor(db, user.id)
    const admin = await platformAdminHeaders(db)

    const res = await app.inject({ method: 'DELETE', url: `/api/users/${user.id}/second-factor`, headers: admin })
    expect(res.statusCode).toBe(204)
    expect(await db.select().from(secondFactors)).toHaveLength(0)
    expect((await app.inject({ method: 'GET', url: '/api/session', headers })).json().user).toBeNull()
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.second-factor.reset'), eq(auditLog.entityId, String(user.id))))
    expect(audit.map((row) => row.cityId).sort()).toEqual([jena.id, erfurt.id].sort())
    expect(audit[0]!.actorUserId).not.toBeNull()
  })

  it('answers 404 for an unknown account and 409 without a factor', async () => {
    const admin = await platformAdminHeaders(db)
    const unknown = await app.inject({ method: 'DELETE', url: '/api/users/999999/second-factor', headers: admin })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('ACCOUNT_NOT_FOUND')
    const user = await buildUser(db)
    expect((await app.inject({ method: 'DELETE', url: `/api/users/${user.id}/second-factor`, headers: admin })).json().code).toBe('SECOND_FACTOR_NOT_ENABLED')
  })

  it('refuses a city admin, and changes nothing', async () => {
    const city = await buildCity(db)
    const { headers } = await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'admin' }] })
    const target = await buildUser(db, { memberships: [{ cityId: city.id, role: 'viewer' }] })
    await enrolSecondFactor(db, target.id)
    const res = await app.inject({ method: 'DELETE', url: `/api/users/${target.id}/second-factor`, headers })
    expect(res.statusCode).toBe(403)
    expect(await db.select().from(secondFactors)).toHaveLength(1)
  })
})
