import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cities } from '../../db/schema/index.ts'
import { CityNotFoundError } from './cities.errors.ts'

export const listCities = (db: Db) =>
  db.select({ id: cities.id, slug: cities.slug, name: cities.name }).from(cities).orderBy(asc(cities.name))

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
