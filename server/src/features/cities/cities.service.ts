import { Limits, type City, type CityList, type CityListQuery, type CreateCity } from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { CityExistsError } from './cities.errors.ts'
import { findCityBySlug, findCityTimeZone, insertCity, listCities } from './cities.queries.ts'
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
      return writeTransaction(db, onChange, async (tx) => {
        if (await findCityBySlug(tx, input.slug)) throw new CityExistsError(input.slug)
        const created = await insertCity(tx, input)
        await recordAudit(tx, actor, { cityId: created.id, action: 'city.create', entityType: 'city', entityId: created.id, after: created })
        return created
      })
    },
  }
}

/** For other features that act on one city: find it by slug or answer 404 CITY_NOT_FOUND. */
export { getCityBySlug } from './cities.queries.ts'
export { CityNotFoundError } from './cities.errors.ts'
