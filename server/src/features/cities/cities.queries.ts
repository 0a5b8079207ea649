import { asc, count, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cities } from '../../db/schema/index.ts'
import { CityNotFoundError } from './cities.errors.ts'

/** One page of the cities by name, and how many there are, in one statement. */
export async function listCities (db: Db, page: { limit: number, offset: number }) {
  const rows = await db.select({ id: cities.id, slug: cities.slug, name: cities.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(cities).orderBy(asc(cities.name), asc(cities.id)).limit(page.limit).offset(page.offset)
  if (rows.length > 0) return { items: rows.map(({ total: _total, ...city }) => city), total: rows[0]!.total }
  // A page beyond the end carries no count; ask for it.
  const [counted] = page.offset > 0 ? await db.select({ value: count() }).from(cities) : [{ value: 0 }]
  return { items: [], total: counted?.value ?? 0 }
}

/** `forUpdate` locks the city's row for the caller's transaction (settings writes, incident periods). */
export async function findCityBySlug (db: Db, slug: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(cities).where(eq(cities.slug, slug))
  const [city] = options.forUpdate ? await query.for('update') : await query
  return city
}

export async function getCityBySlug (db: Db, slug: string, options: { forUpdate?: boolean } = {}) {
  const city = await findCityBySlug(db, slug, options)
  if (!city) throw new CityNotFoundError(slug)
  return city
}

export async function insertCity (db: Db, values: { slug: string, name: string }) {
  const [city] = await db.insert(cities).values(values).returning({ id: cities.id, slug: cities.slug, name: cities.name })
  return city!
}

/** The city's IANA time zone; every "today" of the city is its calendar date there (cityToday in cities.service.ts). */
export async function findCityTimeZone (db: Db, cityId: number): Promise<string> {
  const [city] = await db.select({ timeZone: cities.timeZone }).from(cities).where(eq(cities.id, cityId))
  if (!city) throw new Error(`City ${cityId} does not exist`)
  return city.timeZone
}
