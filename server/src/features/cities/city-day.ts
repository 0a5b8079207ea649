import type { Db } from '../../db/client.ts'
import { dayInZone } from '../../lib/dates.ts'
import { findCityTimeZone } from './cities.queries.ts'

/**
 * "Today" for a city: its calendar date in the city's own time zone (cities.time_zone, default Europe/Berlin),
 * never the server's UTC date. A status report entered in Jena at 00:30 on 16 January (23:30 UTC on the 15th)
 * is dated the 16th. Every dated write and every due, late and stale check of a city asks here.
 */
export async function cityToday (db: Db, cityId: number, now: Date = new Date()): Promise<string> {
  return dayInZone(now, await findCityTimeZone(db, cityId))
}
