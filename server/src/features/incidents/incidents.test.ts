import type { IncidentCount, Role } from '@eccar/shared'
import { asc, eq, sql } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import { auditLog, incidentCounts } from '../../db/schema/index.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

type Method = 'GET' | 'PUT' | 'PATCH'
const call = (who: AuthHeaders | null, method: Method, url: string, payload?: InjectOptions['payload']) =>
  app.inject({ method, url, payload, headers: { ...who } })
const as = async (cityId: number, role: Role) => (await buildSignedInUser(db, { memberships: [{ cityId, role }] })).headers

const firstHalf = { periodStart: '2024-01-01', periodEnd: '2024-06-30' }
const secondHalf = { periodStart: '2024-07-01', periodEnd: '2024-12-31' }
const cell = (kind: IncidentCount['kind'], area: IncidentCount['area'], channel: IncidentCount['channel'], count: number) => ({ kind, area, channel, count })

/** Racism 24, antisemitism 3 (below k = 5), gender 6; 33 in all. */
const sample = [
  cell('racism', 'work', 'email', 12), cell('racism', 'work', 'in_person', 3), cell('racism', 'housing', 'phone', 7),
  cell('racism', 'education', 'online_form', 2), cell('antisemitism', 'public_space', 'social_media', 3), cell('gender', 'work', 'email', 6),
]

async function cityWithAdmin (overrides: Parameters<typeof buildCity>[1] = {}) {
  const city = await buildCity(db, overrides)
  return { city, admin: await as(city.id, 'admin') }
}

const enter = (who: AuthHeaders, slug: string, period: typeof firstHalf, counts: IncidentCount[]) =>
  call(who, 'PUT', `/api/cities/${slug}/incidents`, { ...period, counts })

const storedCounts = (cityId: number) => db.select().from(incidentCounts).where(eq(incidentCounts.cityId, cityId)).orderBy(asc(incidentCounts.id))
const auditRows = () => db.select().from(auditLog).orderBy(asc(auditLog.id))
describe('PUT /api/cities/:city/incidents', () => {
  it('replaces the period\'s counts as a whole and records one audit row per write', async () => {
    const { city, admin } = await cityWithAdmin()
    const first = await enter(admin, city.slug, firstHalf, sample)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ ...firstHalf, total: 33 })
    // In the order of the closed lists: kind, then area (work before education), then channel.
    expect(first.json().counts.slice(0, 2)).toEqual([cell('racism', 'work', 'in_person', 3), cell('racism', 'work', 'email', 12)])

    const replacement = [cell('age', 'health', 'mail', 4), cell('racism', 'work', 'email', 9)]
    const second = await enter(admin, city.slug, firstHalf, replacement)
    expect(second.statusCode).toBe(200)
    expect(second.json()).toEqual({ ...firstHalf, counts: [replacement[1], replacement[0]], total: 13 })
    expect((await storedCounts(city.id)).map(({ kind, area, channel, count }) => ({ kind, area, channel, count }))).toEqual(replacement)

    const audit = await auditRows()
    expect(audit).toHaveLength(2)
    expect(audit[1]).toMatchObject({
      cityId: city.id, action: 'incidents.period.replace', entityType: 'incident_period', entityId: '2024-01-01/2024-06-30',
      before: { ...firstHalf, total: 33 }, after: { ...firstHalf, total: 13 },
    })
  })

  it('keeps the old counts when the replacement fails half-way', async () => {
    const { city, admin } = await cityWithAdmin()
    await enter(admin, city.slug, firstHalf, sample)
    const before = await tableCounts(db)
    // A test-only trigger makes the insert fail after the old rows were deleted in the same transaction.
    await db.execute(sql.raw(`create function refuse_count() returns trigger language plpgsql as $$
      begin if new.count = 999999 then raise exception 'refused for the test'; end if; return new; end $$`))
    await db.execute(sql.raw('create trigger refuse_count before insert on incident_counts for each row execute function refuse_count()'))
    try {
      const res = await enter(admin, city.slug, firstHalf, [cell('racism', 'work', 'email', 1), cell('age', 'work', 'email', 999_999)])
      expect(res.statusCode).toBe(500)
    } finally {
      await db.execute(sql.raw('drop trigger refuse_count on incident_counts'))
      await db.execute(sql.raw('drop function refuse_count()'))
    }
    expect(await tableCounts(db)).toEqual(before)
    expect((await storedCounts(city.id)).map((row) => row.count)).toEqual(sample.map((c) => c.count))
  })

  it('removes a period when its counts are empty, and keeps other periods', async () => {
    const { city, admin } = await cityWithAdmin()
    await enter(admin, city.slug, firstHalf, sample)
    await enter(admin, city.slug, secondHalf, [cell('age', 'work', 'email', 8)])
    const res = await enter(admin, city.slug, firstHalf, [])
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ ...firstHalf, counts: [], total: 0 })
    expect(await storedCounts(city.id)).toMatchObject([{ ...secondHalf, count: 8 }])
  })

  it.each([
    ['a period one day short of six months', { periodStart: '2024-01-01', periodEnd: '2024-06-29' }],
    ['a single day', { periodStart: '2024-03-01', periodEnd: '2024-03-01' }],
    ['an end before the start', { periodStart: '2024-12-31', periodEnd: '2024-01-01' }],
  ])('answers 400 INCIDENT_PERIOD_TOO_SHORT for %s and changes nothing', async (_case, period) => {
    const { city, admin } = await cityWithAdmin()
    const before = await tableCounts(db)
    const res = await enter(admin, city.slug, period, sample)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('INCIDENT_PERIOD_TOO_SHORT')
    expect(await tableCounts(db)).toEqual(before)
  })

  it('accepts half-years that end on the last day of a short month', async () => {
    const { city, admin } = await cityWithAdmin()
    expect((await enter(admin, city.slug, { periodStart: '2023-08-31', periodEnd: '2024-02-28' }, sample)).statusCode).toBe(200)
    expect((await enter(admin, city.slug, { periodStart: '2025-01-01', periodEnd: '2025-12-31' }, sample)).statusCode).toBe(200)
  })

  it.each([
    ['a negative count', [cell('racism', 'work', 'email', -1)], '/counts/0/count'],
    ['an unknown kind', [{ ...cell('racism', 'work', 'email', 1), kind: 'ethnicity' }], '/counts/0/kind'],
    ['an unknown channel', [{ ...cell('racism', 'work', 'email', 1), channel: 'fax' }], '/counts/0/channel'],
    ['a fractional count', [cell('racism', 'work', 'email', 1.5)], '/counts/0/count'],
    ['free text next to a count', [{ ...cell('racism', 'work', 'email', 1), note: 'Frau M. aus der Nordstadt' }], '/counts/0/note'],
  ])('answers 400 VALIDATION_FAILED for %s', async (_case, counts, path) => {
    const { city, admin } = await cityWithAdmin()
    const before = await tableCounts(db)
    const res = await call(admin, 'PUT', `/api/cities/${city.slug}/incidents`, { ...firstHalf, counts })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path }] })
    expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 400 INCIDENT_CELL_DUPLICATE when a combination comes twice', async () => {
    const { city, admin } = await cityWithAdmin()
    const res = await enter(admin, city.slug, firstHalf, [cell('racism', 'work', 'email', 1), cell('racism', 'work', 'email', 2)])
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('INCIDENT_CELL_DUPLICATE')
  })

  it('answers 409 INCIDENT_PERIOD_OVERLAP for a period overlapping another, which could be differenced', async () => {
    const { city, admin } = await cityWithAdmin()
    await enter(admin, city.slug, firstHalf, sample)
    const before = await tableCounts(db)
    const res = await enter(admin, city.slug, { periodStart: '2024-01-01', periodEnd: '2024-12-31' }, sample)
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('INCIDENT_PERIOD_OVERLAP')
    expect(await tableCounts(db)).toEqual(before)
  })

  it('lets the anti-discrimination office enter counts', async () => {
    const city = await buildCity(db)
    const res = await enter(await as(city.id, 'incidents'), city.slug, firstHalf, sample)
    expect(res.statusCode, res.body).toBe(200)
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'incidents.period.replace', after: { total: 33 } })
  })

  it.each([['viewer', 403, 'FORBIDDEN'], ['editor', 403, 'FORBIDDEN'], ['otherCityAdmin', 404, 'CITY_NOT_FOUND'], ['anonymous', 401, 'AUTHENTICATION_REQUIRED']] as const)(
    'answers %s with %i and changes nothing', async (who, status, code) => {
      const { city } = await cityWithAdmin()
      const other = await buildCity(db)
      const headers = who === 'anonymous' ? null : who === 'otherCityAdmin' ? await as(other.id, 'admin') : await as(city.id, who)
      const before = await tableCounts(db)
      const res = await enter(headers!, city.slug, firstHalf, sample)
      expect(res.statusCode).toBe(status)
      expect(res.json().code).toBe(code)
      expect(await tableCounts(db)).toEqual(before)
    })
})

describe('GET /api/cities/:city/incidents', () => {
  it('shows administrators and the anti-discrimination office every count, small ones included, with the threshold', async () => {
    const { city, admin } = await cityWithAdmin()
    await enter(admin, city.slug, secondHalf, [cell('age', 'work', 'email', 1)])
    await enter(admin, city.slug, firstHalf, sample)
    for (const role of ['incidents', 'admin'] as const) {
      const res = await call(await as(city.id, role), 'GET', `/api/cities/${city.slug}/incidents`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({
        threshold: 5,
        periods: [{ ...firstHalf, total: 33 }, { ...secondHalf, counts: [cell('age', 'work', 'email', 1)], total: 1 }],
      })
    }
  })

  it.each(['viewer', 'editor'] as const)('answers a %s 403: raw counts are not for every member', async (role) => {
    const { city, admin } = await cityWithAdmin()
    await enter(admin, city.slug, firstHalf, sample)
    const res = await call(await as(city.id, role), 'GET', `/api/cities/${city.slug}/incidents`)
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('FORBIDDEN')
  })

  it('answers 404 to another city\'s admin and 401 to the public', async () => {
    const { city } = await cityWithAdmin()
    const other = await buildCity(db)
    expect((await call(await as(other.id, 'admin'), 'GET', `/api/cities/${city.slug}/incidents`)).statusCode).toBe(404)
    expect((await call(null, 'GET', `/api/cities/${city.slug}/incidents`)).statusCode).toBe(401)
  })
})

describe('the incident_counts table', () => {
  // SECURITY.md goal 40: aggregates only. A new column needs a privacy review, and this list changed with it.
  const allowed = ['id', 'city_id', 'period_start', 'period_end', 'kind', 'area', 'channel', 'count', 'created_at']

  it('has no column outside the allowlist, and no free-text or document column', async () => {
    const result = await db.execute(sql`select column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name = 'incident_counts' order by ordinal_position`) as unknown as { rows: { column_name: string, data_type: string }[] }
    expect(result.rows.length).toBeGreaterThan(0)
    expect(result.rows.map((row) => row.column_name).filter((name) => !allowed.includes(name))).toEqual([])
    expect(result.rows.filter((row) => /char|text|json|bytea|xml/.test(row.data_type))).toEqual([])
  })
})
