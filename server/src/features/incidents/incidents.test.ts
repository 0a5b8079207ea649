import {
  discriminationKinds, incidentDimensionChoices, lifeAreas, reportingChannels, type IncidentCount, type IncidentDimension, type IncidentFigure, type Role,
} from '@eccar/shared'
import { asc, eq, sql } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import fc from 'fast-check'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import { auditLog, incidentCounts } from '../../db/schema/index.ts'
import { publicFigures, withheldFigures, type IndexedCount } from './incidents.publication.ts'

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
const publicTable = async (slug: string, query = '') => {
  const res = await call(null, 'GET', `/api/cities/${slug}/incidents/public${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { threshold: number, figures: IncidentFigure[], periods: unknown[], period: unknown, dimensions: string[] }
}

/** A figure is a total where one of its dimensions is null. */
const isTotal = (figure: IncidentFigure) => figure.kind === null || figure.area === null || figure.channel === null

function expectNoSmallFigure (figures: IncidentFigure[], k: number) {
  for (const figure of figures) {
    if (figure.suppressed) expect(figure.count).toBeNull()
    else expect(figure.count === 0 || figure.count! >= k, JSON.stringify(figure)).toBe(true)
  }
}

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
  it('shows the city\'s members every count, small ones included, with the threshold', async () => {
    const { city, admin } = await cityWithAdmin()
    await enter(admin, city.slug, secondHalf, [cell('age', 'work', 'email', 1)])
    await enter(admin, city.slug, firstHalf, sample)
    for (const role of ['viewer', 'editor', 'admin'] as const) {
      const res = await call(await as(city.id, role), 'GET', `/api/cities/${city.slug}/incidents`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({
        threshold: 5,
        periods: [{ ...firstHalf, total: 33 }, { ...secondHalf, counts: [cell('age', 'work', 'email', 1)], total: 1 }],
      })
    }
  })

  it('answers 404 to another city\'s admin and 401 to the public', async () => {
    const { city } = await cityWithAdmin()
    const other = await buildCity(db)
    expect((await call(await as(other.id, 'admin'), 'GET', `/api/cities/${city.slug}/incidents`)).statusCode).toBe(404)
    expect((await call(null, 'GET', `/api/cities/${city.slug}/incidents`)).statusCode).toBe(401)
  })
})

describe('GET /api/cities/:city/incidents/public', () => {
  it('never shows a figure between 1 and k−1, shows the rest as entered, and totals only from k', async () => {
    const { city, admin } = await cityWithAdmin()
    await enter(admin, city.slug, firstHalf, sample)
    const table = await publicTable(city.slug, '?dimensions=kind')
    expect(table).toMatchObject({ threshold: 5, period: null, periods: [firstHalf], dimensions: ['kind'] })
    expect(table.figures).toHaveLength(discriminationKinds.length + 1)
    const byKind = new Map(table.figures.map((figure) => [figure.kind, figure]))
    expect(byKind.get('antisemitism')).toEqual({ kind: 'antisemitism', count: null, suppressed: true })
    expect(byKind.get('age')).toEqual({ kind: 'age', count: 0, suppressed: false })
    expect(byKind.get(null)).toEqual({ kind: null, count: 33, suppressed: false })
    // 33 minus the other published kinds must not give away the 3.
    const shown = table.figures.filter((f) => f.kind !== null && !f.suppressed).reduce((sum, f) => sum + f.count!, 0)
    expect(33 - shown).toBeGreaterThanOrEqual(5)
    expectNoSmallFigure(table.figures, 5)

    for (const dimensions of incidentDimensionChoices) {
      const { figures } = await publicTable(city.slug, `?dimensions=${dimensions}&periodStart=2024-01-01&periodEnd=2024-06-30`)
      expectNoSmallFigure(figures, 5)
      for (const total of figures.filter(isTotal)) expect(total.suppressed || total.count === 0 || total.count! >= 5).toBe(true)
    }
  })

  it('withholds a small total, and answers for a city without counts with zeros', async () => {
    const { city, admin } = await cityWithAdmin()
    const empty = await publicTable(city.slug, '?dimensions=kind,area')
    expect(empty.periods).toEqual([])
    expect(empty.figures.every((figure) => figure.count === 0 && !figure.suppressed)).toBe(true)

    await enter(admin, city.slug, firstHalf, [cell('racism', 'work', 'email', 2), cell('racism', 'housing', 'email', 1)])
    const { figures } = await publicTable(city.slug, '?dimensions=kind,area')
    expect(figures.at(-1)).toEqual({ kind: null, area: null, count: null, suppressed: true })
    expectNoSmallFigure(figures, 5)
  })

  it('shows every figure the same way in every breakdown and period, so none can be differenced', async () => {
    const { city, admin } = await cityWithAdmin()
    await enter(admin, city.slug, firstHalf, sample)
    await enter(admin, city.slug, secondHalf, [cell('racism', 'work', 'email', 9), cell('antisemitism', 'public_space', 'social_media', 4), cell('gender', 'work', 'email', 2)])
    const seen = new Map<string, IncidentFigure['count']>()
    for (const period of ['', '&periodStart=2024-01-01&periodEnd=2024-06-30', '&periodStart=2024-07-01&periodEnd=2024-12-31']) {
      for (const dimensions of incidentDimensionChoices) {
        for (const figure of (await publicTable(city.slug, `?dimensions=${dimensions}${period}`)).figures) {
          const key = `${period}|${figure.kind ?? '*'}|${figure.area ?? '*'}|${figure.channel ?? '*'}`
          if (seen.has(key)) expect(figure.count, key).toBe(seen.get(key))
          seen.set(key, figure.count)
        }
      }
    }
    // All periods = first + second half: never exactly one of the three withheld.
    for (const [key] of seen) {
      if (!key.startsWith('|')) continue
      const hidden = ['', '&periodStart=2024-01-01&periodEnd=2024-06-30', '&periodStart=2024-07-01&periodEnd=2024-12-31']
        .filter((period) => seen.get(period + key) === null).length
      expect(hidden, key).not.toBe(1)
    }
  })

  it('follows each city\'s threshold, as its admin sets it', async () => {
    const { city: strict, admin: strictAdmin } = await cityWithAdmin({ incidentThreshold: 8 })
    const { city: usual, admin: usualAdmin } = await cityWithAdmin()
    const counts = [cell('racism', 'work', 'email', 6), cell('gender', 'work', 'email', 30)]
    await enter(strictAdmin, strict.slug, firstHalf, counts)
    await enter(usualAdmin, usual.slug, firstHalf, counts)
    const racism = (table: { figures: IncidentFigure[] }) => table.figures.find((figure) => figure.kind === 'racism')
    expect(await publicTable(strict.slug)).toMatchObject({ threshold: 8 })
    expect(racism(await publicTable(strict.slug))).toEqual({ kind: 'racism', count: null, suppressed: true })
    expect(racism(await publicTable(usual.slug))).toEqual({ kind: 'racism', count: 6, suppressed: false })

    const raise = await call(usualAdmin, 'PATCH', `/api/cities/${usual.slug}/settings`, { incidentThreshold: 7, version: 1 })
    expect(raise.statusCode, raise.body).toBe(200)
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'city.settings.update', before: { incidentThreshold: 5 }, after: { incidentThreshold: 7 } })
    expect(racism(await publicTable(usual.slug))).toEqual({ kind: 'racism', count: null, suppressed: true })
    for (const threshold of [1, 21, 4.5]) {
      const res = await call(usualAdmin, 'PATCH', `/api/cities/${usual.slug}/settings`, { incidentThreshold: threshold, version: 2 })
      expect(res.statusCode).toBe(400)
      expect(res.json().details).toEqual([expect.objectContaining({ path: '/incidentThreshold' })])
    }
  })

  it.each([
    ['a period that was not entered', 404, 'INCIDENT_PERIOD_NOT_FOUND', '?periodStart=2023-01-01&periodEnd=2023-06-30'],
    ['a start without an end', 400, 'INCIDENT_PERIOD_INCOMPLETE', '?periodStart=2024-01-01'],
    ['the same dimension twice', 400, 'VALIDATION_FAILED', '?dimensions=kind,kind'],
    ['three dimensions', 400, 'VALIDATION_FAILED', '?dimensions=kind,area,channel'],
    ['a dimension about persons', 400, 'VALIDATION_FAILED', '?dimensions=nationality'],
  ])('answers %s with %i %s', async (_case, status, code, query) => {
    const { city, admin } = await cityWithAdmin()
    await enter(admin, city.slug, firstHalf, sample)
    const res = await call(null, 'GET', `/api/cities/${city.slug}/incidents/public${query}`)
    expect(res.statusCode).toBe(status)
    expect(res.json().code).toBe(code)
  })

  it('answers 404 for an unknown city', async () => {
    const res = await call(null, 'GET', '/api/cities/nowhere/incidents/public')
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('CITY_NOT_FOUND')
  })
})

describe('the published figures on random data', () => {
  const lists = { kind: discriminationKinds, area: lifeAreas, channel: reportingChannels }
  const smallCount = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 4 }), weight: 3 }, { arbitrary: fc.integer({ min: 5, max: 40 }), weight: 1 })
  const counts = fc.array(fc.record({
    period: fc.integer({ min: 0, max: 2 }),
    kind: fc.integer({ min: 0, max: lists.kind.length - 1 }),
    area: fc.integer({ min: 0, max: lists.area.length - 1 }),
    channel: fc.integer({ min: 0, max: lists.channel.length - 1 }),
    count: smallCount,
  }), { maxLength: 40 })

  it('never show 1..k−1, show true values, and agree across every breakdown and period', () => {
    fc.assert(fc.property(counts, fc.integer({ min: 2, max: 8 }), (rows, k) => {
      const withheld = withheldFigures(rows as IndexedCount[], 3, k)
      const seen = new Map<string, number | null>()
      for (const period of [null, 0, 1, 2]) {
        for (const choice of incidentDimensionChoices) {
          const dimensions = choice.split(',') as IncidentDimension[]
          for (const figure of publicFigures(rows, withheld, dimensions, period)) {
            const truth = rows.filter((row) => (period === null || row.period === period)
              && dimensions.every((d) => figure[d] === null || lists[d][row[d]] === figure[d])).reduce((sum, row) => sum + row.count, 0)
            if (!figure.suppressed) expect(figure.count).toBe(truth)
            expect(figure.suppressed ? truth >= 1 : truth === 0 || truth >= k).toBe(true)
            const key = `${period}|${figure.kind ?? '*'}|${figure.area ?? '*'}|${figure.channel ?? '*'}`
            if (seen.has(key)) expect(figure.count).toBe(seen.get(key))
            seen.set(key, figure.count)
          }
        }
      }
    }), { numRuns: 100 })
  }, 180_000) // CPU-bound: about 15 s on an idle machine, far more while other suites run
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
