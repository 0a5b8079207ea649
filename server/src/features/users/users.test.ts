import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, cityInvitations, invitations, memberships, sessions, users } from '../../db/schema/index.ts'
import { buildSignedInUser, buildUser, platformAdminHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildOrganisation } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

async function cityWithAdmin () {
  const city = await buildCity(testDb.db, { slug: 'jena' })
  const admin = await buildSignedInUser(testDb.db, { memberships: [{ cityId: city.id, role: 'admin' }] })
  return { city, admin }
}

const create = (headers: Record<string, string>, payload: object) =>
  app.inject({ method: 'POST', url: '/api/cities/jena/users', headers, payload })

describe('POST /api/cities/:city/users', () => {
  it('invites an editor limited to an organisation, pending until accepted, with a one-time link', async () => {
    const { city, admin } = await cityWithAdmin()
    const office = await buildOrganisation(testDb.db, city.id, { name: 'Antidiskriminierungsstelle' })
    const res = await create(admin.headers, { email: 'ads@example.org', displayName: 'ADS', role: 'editor', organisationIds: [office.id] })
    expect(res.statusCode).toBe(201)
    expect(res.json().pending).toMatchObject({ email: 'ads@example.org', role: 'editor', expired: false, organisations: [{ id: office.id }] })
    expect(res.json().link.path).toMatch(/^\/invitation\/[\w-]{40,}$/)
    expect(await testDb.db.select().from(users).where(eq(users.email, 'ads@example.org'))).toHaveLength(0)
    const list = (await app.inject({ method: 'GET', url: '/api/cities/jena/users', headers: admin.headers })).json()
    expect(list.pending).toMatchObject([{ email: 'ads@example.org', role: 'editor' }])
  })

  it('answers alike for an address with an account elsewhere, and leaves that account untouched', async () => {
    const { admin } = await cityWithAdmin()
    const weimar = await buildCity(testDb.db, { slug: 'weimar' })
    const victim = await buildSignedInUser(testDb.db, { email: 'admin@weimar.example', displayName: 'Weimars Admin', password: 'Weimars geheime Passphrase', memberships: [{ cityId: weimar.id, role: 'admin' }] })
    const unknown = await create(admin.headers, { email: 'neu@example.org', displayName: 'Angreifer-Name', role: 'admin' })
    const known = await create(admin.headers, { email: 'ADMIN@weimar.example', displayName: 'Angreifer-Name', role: 'admin' })
    expect(known.statusCode).toBe(unknown.statusCode)
    const shape = (body: { pending: object, link: object }) => ({ pending: Object.keys(body.pending).sort(), link: Object.keys(body.link).sort() })
    expect(shape(known.json())).toEqual(shape(unknown.json()))
    expect(known.body).not.toContain('Weimars Admin')
    expect(known.json().pending).not.toHaveProperty('userId')
    const [after] = await testDb.db.select().from(users).where(eq(users.id, victim.user.id))
    expect(after).toMatchObject({ displayName: 'Weimars Admin', passwordHash: victim.user.passwordHash })
    expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, victim.user.id))).toHaveLength(1)
    expect(await testDb.db.select().from(invitations)).toHaveLength(0)
    // The link cannot set that account's password: its holder must sign in as the account.
    const token = known.json().link.path.split('/').at(-1)
    const accept = await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'eine Passphrase des Angreifers' } })
    expect(accept.statusCode).toBe(409)
    expect(accept.json().code).toBe('INVITATION_SIGN_IN_REQUIRED')
    expect((await testDb.db.select().from(users).where(eq(users.id, victim.user.id)))[0]!.passwordHash).toBe(victim.user.passwordHash)
    expect(await testDb.db.select().from(memberships).where(eq(memberships.userId, victim.user.id))).toHaveLength(1)
  })

  it('renews a pending invitation of the same address: the old link stops working', async () => {
    const { admin } = await cityWithAdmin()
    const first = (await create(admin.headers, { email: 'x@example.org', displayName: 'X', role: 'viewer' })).json()
    const second = (await create(admin.headers, { email: 'X@example.org', displayName: 'X', role: 'editor' })).json()
    expect(second.pending.role).toBe('editor')
    const old = await app.inject({ method: 'GET', url: `/api/invitations/${first.link.path.split('/').at(-1)}` })
    expect(old.json().code).toBe('INVITATION_INVALID')
    expect(await testDb.db.select().from(cityInvitations)).toHaveLength(1)
  })

  it('refuses an organisation limit for non-editors and organisations of another city', async () => {
    const { admin } = await cityWithAdmin()
    const elsewhere = await buildOrganisation(testDb.db, (await buildCity(testDb.db)).id)
    expect((await create(admin.headers, { email: 'x@example.org', displayName: 'X', role: 'viewer', organisationIds: [elsewhere.id] })).json().code)
      .toBe('SCOPE_ONLY_FOR_EDITORS')
    expect((await create(admin.headers, { email: 'x@example.org', displayName: 'X', role: 'editor', organisationIds: [elsewhere.id] })).json().code)
      .toBe('ORGANISATION_UNKNOWN')
  })

  it('answers 409 when the person already has a role in the city, and 400 for a password', async () => {
    const { city, admin } = await cityWithAdmin()
    await buildUser(testDb.db, { email: 'x@example.org', memberships: [{ cityId: city.id, role: 'viewer' }] })
    const res = await create(admin.headers, { email: 'X@example.org', displayName: 'X', role: 'editor' })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('USER_ALREADY_MEMBER')
    expect((await create(admin.headers, { email: 'y@example.org', displayName: 'Y', role: 'viewer', password: 'ein gutes Startpasswort' })).statusCode).toBe(400)
  })

  it('answers editors with 403 and another city\'s admin with 404, writing nothing', async () => {
    const { city } = await cityWithAdmin()
    const editor = await buildSignedInUser(testDb.db, { memberships: [{ cityId: city.id, role: 'editor' }] })
    const stranger = await buildSignedInUser(testDb.db, { memberships: [{ cityId: (await buildCity(testDb.db)).id, role: 'admin' }] })
    const before = await tableCounts(testDb.db)
    expect((await create(editor.headers, { email: 'x@example.org', displayName: 'X', role: 'admin' })).statusCode).toBe(403)
    expect((await create(stranger.headers, { email: 'x@example.org', displayName: 'X', role: 'admin' })).statusCode).toBe(404)
    expect(await tableCounts(testDb.db)).toEqual(before)
  })
})

describe('accepting a city invitation', () => {
  it('creates a new account with its own password and the invited role, and signs in', async () => {
    const { admin } = await cityWithAdmin()
    const { link } = (await create(admin.headers, { email: 'neu@example.org', displayName: 'Neue Person', role: 'viewer' })).json()
    const token = link.path.split('/').at(-1)
    expect((await app.inject({ method: 'GET', url: `/api/invitations/${token}` })).json()).toEqual({ kind: 'city', cityName: expect.any(String), role: 'viewer', needsPassword: true })
    const accepted = await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'meine eigene Passphrase' } })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json().user).toMatchObject({ email: 'neu@example.org', displayName: 'Neue Person', memberships: [{ citySlug: 'jena', role: 'viewer' }] })
    expect((await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'meine eigene Passphrase' } })).json().code).toBe('INVITATION_INVALID')
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'membership.create'))
    expect(audit).toHaveLength(1)
  })

  it('lets an existing account join after signing in, and nobody else', async () => {
    const { admin } = await cityWithAdmin()
    const weimar = await buildCity(testDb.db, { slug: 'weimar' })
    const person = await buildSignedInUser(testDb.db, { email: 'person@example.org', displayName: 'Eigener Name', memberships: [{ cityId: weimar.id, role: 'editor' }] })
    const other = await buildSignedInUser(testDb.db, { memberships: [{ cityId: weimar.id, role: 'admin' }] })
    const { link } = (await create(admin.headers, { email: 'person@example.org', displayName: 'Fremder Name', role: 'viewer' })).json()
    const token = link.path.split('/').at(-1)
    expect((await app.inject({ method: 'GET', url: `/api/invitations/${token}` })).json().needsPassword).toBe(false)
    const wrong = await app.inject({ method: 'POST', url: '/api/invitations/join', headers: other.headers, payload: { token } })
    expect(wrong.json().code).toBe('INVITATION_INVALID')
    const joined = await app.inject({ method: 'POST', url: '/api/invitations/join', headers: person.headers, payload: { token } })
    expect(joined.statusCode).toBe(200)
    expect(joined.json().user.displayName).toBe('Eigener Name')
    expect(joined.json().user.memberships.map((m: { citySlug: string }) => m.citySlug).sort()).toEqual(['jena', 'weimar'])
  })
})

describe('PATCH and DELETE /api/cities/:city/users/:id', () => {
  it('changes a role under the membership\'s version, but not the person\'s name', async () => {
    const { city, admin } = await cityWithAdmin()
    const member = await buildUser(testDb.db, { displayName: 'Eigener Name', memberships: [{ cityId: city.id, role: 'viewer' }] })
    const url = `/api/cities/jena/users/${member.id}`
    const res = await app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { role: 'editor', version: 1 } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ role: 'editor', version: 2 })
    expect((await app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { role: 'admin', version: 1 } })).statusCode).toBe(412)
    const rename = await app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { displayName: 'Anderer Name', version: 2 } })
    expect(rename.statusCode).toBe(400)
    expect(rename.json().code).toBe('FIELD_NOT_ALLOWED')
    const byPlatform = await app.inject({ method: 'PATCH', url, headers: await platformAdminHeaders(testDb.db), payload: { displayName: 'Korrigierter Name', version: 2 } })
    expect(byPlatform.json().displayName).toBe('Korrigierter Name')
  })

  it('keeps the last admin', async () => {
    const { admin } = await cityWithAdmin()
    const url = `/api/cities/jena/users/${admin.user.id}`
    const demote = await app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { role: 'viewer', version: 1 } })
    expect(demote.statusCode).toBe(409)
    expect(demote.json().code).toBe('LAST_ADMIN')
    expect((await app.inject({ method: 'DELETE', url, headers: { ...admin.headers, 'if-match': '"1"' } })).json().code).toBe('LAST_ADMIN')
  })

  it('takes a role away and signs out someone left without any access', async () => {
    const { city, admin } = await cityWithAdmin()
    const editor = await buildSignedInUser(testDb.db, { memberships: [{ cityId: city.id, role: 'editor' }] })
    const res = await app.inject({ method: 'DELETE', url: `/api/cities/jena/users/${editor.user.id}`, headers: { ...admin.headers, 'if-match': '"1"' } })
    expect(res.statusCode).toBe(204)
    expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, editor.user.id))).toHaveLength(0)
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: editor.headers })).json().user).toBeNull()
  })

  it('ends only this city\'s access of someone who also works for another city', async () => {
    const { city, admin } = await cityWithAdmin()
    const weimar = await buildCity(testDb.db, { slug: 'weimar' })
    const both = await buildSignedInUser(testDb.db, { memberships: [{ cityId: city.id, role: 'editor' }, { cityId: weimar.id, role: 'admin' }] })
    const res = await app.inject({ method: 'DELETE', url: `/api/cities/jena/users/${both.user.id}`, headers: { ...admin.headers, 'if-match': '"1"' } })
    expect(res.statusCode).toBe(204)
    const me = (await app.inject({ method: 'GET', url: '/api/session', headers: both.headers })).json().user
    expect(me.memberships).toMatchObject([{ citySlug: 'weimar', role: 'admin' }])
    expect((await app.inject({ method: 'GET', url: '/api/cities/jena/users', headers: both.headers })).statusCode).toBe(404)
    const rows = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'membership.delete'))
    expect(rows.map((row) => row.cityId)).toEqual([city.id])
  })
})

describe('GET /api/cities/:city/users, POST …/invitation and DELETE …/invitations/:id', () => {
  it('lists the city\'s people for admins only', async () => {
    const { city, admin } = await cityWithAdmin()
    const viewer = await buildSignedInUser(testDb.db, { memberships: [{ cityId: city.id, role: 'viewer' }] })
    const list = await app.inject({ method: 'GET', url: '/api/cities/jena/users', headers: admin.headers })
    expect(list.statusCode).toBe(200)
    expect(list.json().items).toHaveLength(2)
    expect(list.body).not.toContain('argon2')
    expect((await app.inject({ method: 'GET', url: '/api/cities/jena/users', headers: viewer.headers })).statusCode).toBe(403)
  })

  it('gives a password link for an account without a password that belongs to this city only', async () => {
    const { city, admin } = await cityWithAdmin()
    const fresh = await buildUser(testDb.db, { memberships: [{ cityId: city.id, role: 'viewer' }] })
    const res = await app.inject({ method: 'POST', url: `/api/cities/jena/users/${fresh.id}/invitation`, headers: admin.headers })
    expect(res.statusCode).toBe(201)
    expect(res.json().path).toMatch(/^\/invitation\//)
  })

  it('refuses a password link for an account with a password or with another city, writing nothing', async () => {
    const { city, admin } = await cityWithAdmin()
    const weimar = await buildCity(testDb.db, { slug: 'weimar' })
    const withPassword = await buildUser(testDb.db, { password: 'eine eigene Passphrase', memberships: [{ cityId: city.id, role: 'viewer' }] })
    const elsewhere = await buildUser(testDb.db, { memberships: [{ cityId: city.id, role: 'viewer' }, { cityId: weimar.id, role: 'admin' }] })
    const before = await tableCounts(testDb.db)
    for (const person of [withPassword, elsewhere]) {
      const res = await app.inject({ method: 'POST', url: `/api/cities/jena/users/${person.id}/invitation`, headers: admin.headers })
      expect(res.statusCode).toBe(409)
      expect(res.json().code).toBe('PASSWORD_LINK_NOT_ALLOWED')
    }
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('lets a platform administrator issue a link for anyone, with an audit row in each of their cities', async () => {
    const { city } = await cityWithAdmin()
    const weimar = await buildCity(testDb.db, { slug: 'weimar' })
    const erfurt = await buildCity(testDb.db, { slug: 'erfurt' })
    const person = await buildUser(testDb.db, { password: 'eine eigene Passphrase', memberships: [city, weimar, erfurt].map((c) => ({ cityId: c.id, role: 'viewer' as const })) })
    const res = await app.inject({ method: 'POST', url: `/api/cities/weimar/users/${person.id}/invitation`, headers: await platformAdminHeaders(testDb.db) })
    expect(res.statusCode).toBe(201)
    const rows = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'user.invitation.create'))
    expect(rows.map((row) => row.cityId).sort()).toEqual([city.id, weimar.id, erfurt.id].sort())
  })

  it('withdraws a pending invitation; its link stops working', async () => {
    const { admin } = await cityWithAdmin()
    const { pending, link } = (await create(admin.headers, { email: 'x@example.org', displayName: 'X', role: 'viewer' })).json()
    const res = await app.inject({ method: 'DELETE', url: `/api/cities/jena/invitations/${pending.id}`, headers: admin.headers })
    expect(res.statusCode).toBe(204)
    expect((await app.inject({ method: 'GET', url: `/api/invitations/${link.path.split('/').at(-1)}` })).statusCode).toBe(400)
    expect((await app.inject({ method: 'DELETE', url: `/api/cities/jena/invitations/${pending.id}`, headers: admin.headers })).json().code).toBe('INVITATION_NOT_FOUND')
  })
})
