import { and, eq, gte, lte, ne, or } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { incidentCounts } from '../../db/schema/index.ts'

const countColumns = {
  periodStart: incidentCounts.periodStart,
  periodEnd: incidentCounts.periodEnd,
  kind: incidentCounts.kind,
  area: incidentCounts.area,
  channel: incidentCounts.channel,
  count: incidentCounts.count,
}
export type IncidentCountRow = Awaited<ReturnType<typeof listIncidentCounts>>[number]

/** Every count of a city; the presenters sort them. */
export const listIncidentCounts = (db: Db, cityId: number) =>
  db.select(countColumns).from(incidentCounts).where(eq(incidentCounts.cityId, cityId))

const samePeriod = (cityId: number, periodStart: string, periodEnd: string) =>
  and(eq(incidentCounts.cityId, cityId), eq(incidentCounts.periodStart, periodStart), eq(incidentCounts.periodEnd, periodEnd))

export const periodCounts = (db: Db, cityId: number, periodStart: string, periodEnd: string) =>
  db.select(countColumns).from(incidentCounts).where(samePeriod(cityId, periodStart, periodEnd))

/** Another entered period sharing at least one day with this one (the same period is not "another"). */
export async function overlappingPeriod (db: Db, cityId: number, periodStart: string, periodEnd: string) {
  const [row] = await db.select({ periodStart: incidentCounts.periodStart, periodEnd: incidentCounts.periodEnd }).from(incidentCounts)
    .where(and(
      eq(incidentCounts.cityId, cityId),
      lte(incidentCounts.periodStart, periodEnd),
      gte(incidentCounts.periodEnd, periodStart),
      or(ne(incidentCounts.periodStart, periodStart), ne(incidentCounts.periodEnd, periodEnd)),
    ))
    .limit(1)
  return row
}

export async function replacePeriodCounts (db: Db, cityId: number, periodStart: string, periodEnd: string, counts: { kind: IncidentCountRow['kind'], area: IncidentCountRow['area'], channel: IncidentCountRow['channel'], count: number }[]) {
  await db.delete(incidentCounts).where(samePeriod(cityId, periodStart, periodEnd))
  if (counts.length) await db.insert(incidentCounts).values(counts.map((cell) => ({ ...cell, cityId, periodStart, periodEnd })))
}
