import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { sessions } from '../../db/schema/index.ts'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
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
  it('creates an editor limited to an organisation, with a one-time invitation link', async () => {
    const { city, admin } = await cityWithAdmin()
    const office = await buildOrganisation(testDb.db, city.id, { name: 'Antidiskriminierungsstelle' })
    const res = await create(admin.headers, { email: 'ads@example.org', displayName: 'ADS', role: 'editor', organisationIds: [office.id] })
    expect(res.statusCode).toBe(201)
    expect(res.json().user).toMatchObject({ email: 'ads@example.org', role: 'editor', hasPassword: false, organisations: [{ id: office.id }] })
    expect(res.json().invitation.path).toMatch(/^\/invitation\/[\w-]{40,}$/)
  })

  it('sets an initial password the admin chose, after checking it', async () => {
    const { admin } = await cityWithAdmin()
    const weak = await create(admin.headers, { email: 'v@example.org', displayName: 'V', role: 'viewer', password: 'passwort1234' })
    expect(weak.json().code).toBe('PASSWORD_REJECTED')
    const ok = await create(admin.headers, { email: 'v@example.org', displayName: 'V', role: 'viewer', password: 'ein gutes Startpasswort' })
    expect(ok.json()).toMatchObject({ user: { hasPassword: true }, invitation: null })
  })

  it('refuses an organisation limit for non-editors and organisations of another city', async () => {
    const { admin } = await cityWithAdmin()
    const elsewhere = await buildOrganisation(testDb.db, (await buildCity(testDb.db)).id)
    expect((await create(admin.headers, { email: 'x@example.org', displayName: 'X', role: 'viewer', organisationIds: [elsewhere.id] })).json().code)
      .toBe('SCOPE_ONLY_FOR_EDITORS')
    expect((await create(admin.headers, { email: 'x@example.org', displayName: 'X', role: 'editor', organisationIds: [elsewhere.id] })).json().code)
      .toBe('ORGANISATION_UNKNOWN')
  })

  it('answers 409 when the person already has a role in the city', async () => {
    const { admin } = await cityWithAdmin()
    await create(admin.headers, { email: 'x@example.org', displayName: 'X', role: 'viewer' })
    const res = await create(admin.headers, { email: 'X@example.org', displayName: 'X', role: 'editor' })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('USER_ALREADY_MEMBER')
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

describe('PATCH and DELETE /api/cities/:city/users/:id', () => {
  it('changes a role under the membership\'s version', async () => {
    const { admin } = await cityWithAdmin()
    const created = (await create(admin.headers, { email: 'x@example.org', displayName: 'X', role: 'viewer' })).json().user
    const url = `/api/cities/jena/users/${created.id}`
    const res = await app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { role: 'editor', version: 1 } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ role: 'editor', version: 2 })
    expect((await app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { role: 'admin', version: 1 } })).statusCode).toBe(412)
  })

  it('keeps the last admin', async () => {
    const { admin } = await cityWithAdmin()
    const url = `/api/cities/jena/users/${admin.user.id}`
    const demote = await app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { role: 'viewer', version: 1 } })
    expect(demote.statusCode).toBe(409)
    expect(demote.json().code).toBe('LAST_ADMIN')
    expect((await app.inject({ method: 'DELETE', url, headers: { ...admin.headers, 'if-match': '"1"' } })).json().code).toBe('LAST_ADMIN')
  })

  it('takes a role away and ends the person\'s sessions at once', async () => {
    const { city, admin } = await cityWithAdmin()
    const editor = await buildSignedInUser(testDb.db, { memberships: [{ cityId: city.id, role: 'editor' }] })
    const res = await app.inject({ method: 'DELETE', url: `/api/cities/jena/users/${editor.user.id}`, headers: { ...admin.headers, 'if-match': '"1"' } })
    expect(res.statusCode).toBe(204)
    expect(await testDb.db.select().from(sessions).where(eq(sessions.userId, editor.user.id))).toHaveLength(0)
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: editor.headers })).json().user).toBeNull()
  })
})

describe('GET /api/cities/:city/users and POST …/invitation', () => {
  it('lists the city\'s people for admins only and issues a fresh invitation', async () => {
    const { city, admin } = await cityWithAdmin()
    const viewer = await buildSignedInUser(testDb.db, { memberships: [{ cityId: city.id, role: 'viewer' }] })
    const list = await app.inject({ method: 'GET', url: '/api/cities/jena/users', headers: admin.headers })
    expect(list.statusCode).toBe(200)
    expect(list.json().items).toHaveLength(2)
    expect(list.body).not.toContain('argon2')
    expect((await app.inject({ method: 'GET', url: '/api/cities/jena/users', headers: viewer.headers })).statusCode).toBe(403)
    const invitation = await app.inject({ method: 'POST', url: `/api/cities/jena/users/${viewer.user.id}/invitation`, headers: admin.headers })
    expect(invitation.statusCode).toBe(201)
    expect(invitation.json().path).toMatch(/^\/invitation\//)
  })
})
