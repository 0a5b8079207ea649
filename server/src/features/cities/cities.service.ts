import { Limits, type City, type CityList, type CityListQuery, type CreateCity, type Role } from '@eccar/shared'
import { requireRole, type Actor } from '../../auth/actor.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { CityExistsError, CityNotFoundError } from './cities.errors.ts'
import { findCityBySlug, findCityTimeZone, getCityBySlug, insertCity, listCities } from './cities.queries.ts'
import { dayInZone } from '../../lib/dates.ts'

/**
 * "Today" for a city: its calendar date in the city's own time zone (cities.time_zone, default Europe/Berlin),
 * never the server's UTC date. A status report entered in Jena at 00:30 on 16 January (23:30 UTC on the 15th)
 * is dated the 16th. Every dated write and every due, late and stale check of a city asks here (or, holding the
 * city's row already, calls `dayInZone` with its zone).
 */
export async function cityToday (db: Db, cityId: number, now: Date = new Date()): Promise<string> {
  return dayInZone(now, await findCityTimeZone(db, cityId))
}

export function createCitiesService (db: Db, onChange: ChangeListener = () => {}) {
  return {
    async list (query: CityListQuery): Promise<CityList> {
      const limit = query.limit ?? Limits.listPageDefault
      const offset = query.offset ?? 0
      return { ...await listCities(db, { limit, offset }), limit, offset }
    },

    /** Platform administrators only; the route's access rule has checked that. */
    async create (input: CreateCity, actor: Actor): Promise<City> {
      return writeTransaction(db, onChange, (tx) => createCity(tx, input, actor))
    },
  }
}

// The city as other features use it (the import boundary lets them reach cities only through this file).

/** Inside the caller's transaction: the new city and its audit entry, or 409 CITY_EXISTS. Also used by the setup link. */
export async function createCity (tx: Db, input: CreateCity, actor: Actor): Promise<City> {
  if (await findCityBySlug(tx, input.slug)) throw new CityExistsError(input.slug)
  const created = await insertCity(tx, input)
  await recordAudit(tx, actor, { cityId: created.id, action: 'city.create', entityType: 'city', entityId: created.id, after: created })
  return created
}

/**
 * The city for an actor with at least `role` in it; to anyone without a role there it does not exist
 * (404 CITY_NOT_FOUND, not 403). `forUpdate` locks its row for the caller's transaction.
 */
export async function getCityAs (db: Db, slug: string, actor: Actor, role: Role, options: { forUpdate?: boolean, what?: string } = {}) {
  const city = await getCityBySlug(db, slug, options)
  requireRole(actor, city.id, role, () => new CityNotFoundError(slug), options.what)
  return city
}

/** `findCityBySlug` answers undefined for an unknown slug, `getCityBySlug` 404 CITY_NOT_FOUND. */
export { findCityBySlug, getCityBySlug } from './cities.queries.ts'
export { CityNotFoundError, TimeZoneUnknownError } from './cities.errors.ts'
