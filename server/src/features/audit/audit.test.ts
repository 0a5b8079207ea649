import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema/index.ts'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })
const platformApp = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await platformApp.close()
  await testDb.close()
})

async function cityWithAdmin () {
  const city = await buildCity(testDb.db)
  const admin = await buildSignedInUser(testDb.db, { displayName: 'Migrationsbüro', memberships: [{ cityId: city.id, role: 'admin' }] })
  return { city, admin }
}

/** An audit row written straight to the table, so its time and fields are known. */
async function entry (cityId: number | null, values: Partial<typeof auditLog.$inferInsert> = {}) {
  const [row] = await testDb.db.insert(auditLog).values({
    cityId, action: 'measure.update', entityType: 'measure', entityId: '1', at: new Date('2025-03-01T10:00:00Z'), ...values,
  }).returning()
  return row!
}

const getAudit = (slug: string, headers?: Record<string, string>, query = '') =>
  app.inject({ method: 'GET', url: `/api/cities/${slug}/audit${query}`, ...(headers ? { headers } : {}) })
const ids = (body: { items: { id: number }[] }) => body.items.map((item) => item.id)

/** drizzle wraps the driver's error; the database's own message is in the cause. */
async function refusal (statement: Promise<unknown>) {
  try {
    await statement
  } catch (error) {
    const { message, cause } = error as { message: string, cause?: { message?: string } }
    return `${message} ${cause?.message ?? ''}`
  }
  throw new Error('the database accepted the statement')
}

describe('GET /api/cities/:city/audit', () => {
  it('lists the city\'s entries newest first, with the acting user or null for the system', async () => {
    const { city, admin } = await cityWithAdmin()
    const older = await entry(city.id, { at: new Date('2025-01-01T10:00:00Z'), actorUserId: admin.user.id, requestId: 'req-1', after: { name: 'Amt' } })
    const newest = await entry(city.id, { at: new Date('2025-02-01T10:00:00Z'), action: 'plan.update', entityType: 'plan', entityId: '7', before: { state: 'draft' }, after: { state: 'adopted' } })
    // Rows of one transaction share their time: the later id is the newer entry.
    const sameTimeFirst = await entry(city.id, { at: new Date('2025-01-15T10:00:00Z') })
    const sameTimeSecond = await entry(city.id, { at: new Date('2025-01-15T10:00:00Z') })
    await entry((await buildCity(testDb.db)).id)
    await entry(null)

    const res = await getAudit(city.slug, admin.headers)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ total: 4, limit: 50, offset: 0 })
    expect(ids(res.json())).toEqual([newest.id, sameTimeSecond.id, sameTimeFirst.id, older.id])
    expect(res.json().items[0]).toEqual({
      id: newest.id, at: '2025-02-01T10:00:00.000Z', actor: null, action: 'plan.update', entityType: 'plan', entityId: '7',
      before: { state: 'draft' }, after: { state: 'adopted' }, requestId: null,
    })
    expect(res.json().items[3]).toMatchObject({
      actor: { id: admin.user.id, displayName: 'Migrationsbüro' }, before: null, after: { name: 'Amt' }, requestId: 'req-1',
    })
  })

  it('filters by entity, actor, action (exact or prefix) and time', async () => {
    const { city, admin } = await cityWithAdmin()
    const a = await entry(city.id, { action: 'measure.create', entityId: '12', at: new Date('2025-01-10T00:00:00Z'), actorUserId: admin.user.id })
    const b = await entry(city.id, { action: 'measure.update', entityId: '12', at: new Date('2025-02-10T00:00:00Z') })
    const c = await entry(city.id, { action: 'measure.update', entityId: '13', at: new Date('2025-03-10T00:00:00Z'), actorUserId: admin.user.id })
    const d = await entry(city.id, { action: 'plan.commitment.update', entityType: 'plan-commitment', entityId: '1/3', at: new Date('2025-04-10T00:00:00Z') })
    const e = await entry(city.id, { action: 'measures_x', entityType: 'other', at: new Date('2025-05-10T00:00:00Z') })

    const cases: [string, number[]][] = [
      ['?entityType=measure', [c.id, b.id, a.id]],
      ['?entityType=measure&entityId=12', [b.id, a.id]],
      ['?entityId=1%2F3', [d.id]],
      [`?actorId=${admin.user.id}`, [c.id, a.id]],
      ['?action=measure.update', [c.id, b.id]],
      ['?action=measure.', [c.id, b.id, a.id]],
      ['?action=plan.', [d.id]],
      ['?action=measure', []],
      ['?from=2025-02-10T00:00:00Z&to=2025-04-10T00:00:00Z', [c.id, b.id]],
      ['?from=2025-03-10T01:00:00%2B01:00', [e.id, d.id, c.id]],
    ]
    for (const [query, expected] of cases) {
      const res = await getAudit(city.slug, admin.headers, query)
      expect(res.statusCode, query).toBe(200)
      expect(ids(res.json()), query).toEqual(expected)
      expect(res.json().total, query).toBe(expected.length)
    }
  })

  it('pages with limit and offset, counting every match', async () => {
    const { city, admin } = await cityWithAdmin()
    const rows = []
    for (let day = 1; day <= 5; day++) rows.push(await entry(city.id, { at: new Date(`2025-01-0${day}T12:00:00Z`) }))
    const newestFirst = rows.map((row) => row.id).reverse()

    const page = await getAudit(city.slug, admin.headers, '?limit=2&offset=1')
    expect(page.statusCode).toBe(200)
    expect(page.json()).toMatchObject({ total: 5, limit: 2, offset: 1 })
    expect(ids(page.json())).toEqual(newestFirst.slice(1, 3))

    const beyond = await getAudit(city.slug, admin.headers, '?offset=10')
    expect(beyond.json()).toMatchObject({ items: [], total: 5, offset: 10 })
  })

  it.each([
    ['a page of 101', '?limit=101'],
    ['a page of 0', '?limit=0'],
    ['a time without a zone', '?from=2025-01-01T10:00:00'],
    ['an actor that is not an id', '?actorId=someone'],
    ['an unknown filter', '?city=weimar'],
  ])('answers 400 for %s', async (_case, query) => {
    const { city, admin } = await cityWithAdmin()
    const res = await getAudit(city.slug, admin.headers, query)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
  })

  it('answers 401 to the public and 403 FORBIDDEN to the city\'s viewers and editors', async () => {
    const { city } = await cityWithAdmin()
    await entry(city.id)
    const anonymous = await getAudit(city.slug)
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().code).toBe('AUTHENTICATION_REQUIRED')
    for (const role of ['viewer', 'editor'] as const) {
      const member = await buildSignedInUser(testDb.db, { memberships: [{ cityId: city.id, role }] })
      const res = await getAudit(city.slug, member.headers)
      expect(res.statusCode, role).toBe(403)
      expect(res.json().code).toBe('FORBIDDEN')
    }
  })

  it('answers 404 CITY_NOT_FOUND to another city\'s admin and for an unknown city', async () => {
    const { city } = await cityWithAdmin()
    const { admin: otherAdmin } = await cityWithAdmin()
    const res = await getAudit(city.slug, otherAdmin.headers)
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('CITY_NOT_FOUND')
    expect((await getAudit('atlantis', otherAdmin.headers)).json().code).toBe('CITY_NOT_FOUND')
  })

  it('lets a platform administrator read every city\'s trail', async () => {
    const { city } = await cityWithAdmin()
    const row = await entry(city.id)
    const res = await platformApp.inject({ method: 'GET', url: `/api/cities/${city.slug}/audit` })
    expect(res.statusCode).toBe(200)
    expect(ids(res.json())).toEqual([row.id])
  })
})

describe('the audit trail is append-only', () => {
  it('gains exactly one row, with actor and request id, for a write through the API', async () => {
    const { city, admin } = await cityWithAdmin()
    const res = await app.inject({
      method: 'POST', url: `/api/cities/${city.slug}/organisations`, headers: admin.headers,
      payload: { name: 'Integrationsbeirat', kind: 'advisory_council' },
    })
    expect(res.statusCode).toBe(201)

    const rows = await testDb.db.select().from(auditLog)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      cityId: city.id, actorUserId: admin.user.id, action: 'organisation.create', entityType: 'organisation',
      entityId: String(res.json().id), before: null, after: expect.objectContaining({ name: 'Integrationsbeirat' }),
      requestId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    })

    const listed = await getAudit(city.slug, admin.headers)
    expect(listed.json().items).toEqual([expect.objectContaining({
      actor: { id: admin.user.id, displayName: 'Migrationsbüro' }, action: 'organisation.create', requestId: rows[0]!.requestId,
    })])
  })

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const { city } = await cityWithAdmin()
    const row = await entry(city.id, { action: 'plan.update' })

    expect(await refusal(testDb.db.execute(sql`update audit_log set action = 'forged' where id = ${row.id}`))).toMatch(/append-only/)
    expect(await refusal(testDb.db.execute(sql`delete from audit_log where id = ${row.id}`))).toMatch(/append-only/)
    expect(await refusal(testDb.db.execute(sql`truncate audit_log`))).toMatch(/append-only/)
    expect(await refusal(testDb.db.update(auditLog).set({ after: { forged: true } }).where(eq(auditLog.id, row.id)))).toMatch(/append-only/)

    const rows = await testDb.db.select().from(auditLog)
    expect(rows).toEqual([row])
  })
})
