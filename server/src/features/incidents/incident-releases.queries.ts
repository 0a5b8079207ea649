import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { incidentReleases } from '../../db/schema/index.ts'

export type IncidentReleaseRow = typeof incidentReleases.$inferSelect
export type NewIncidentReleaseRow = typeof incidentReleases.$inferInsert

const inPeriodOrder = [asc(incidentReleases.periodStart), asc(incidentReleases.version)]

export const listReleases = (db: Db, cityId: number, publishedOnly: boolean) =>
  db.select().from(incidentReleases)
    .where(publishedOnly ? and(eq(incidentReleases.cityId, cityId), eq(incidentReleases.state, 'published')) : eq(incidentReleases.cityId, cityId))
    .orderBy(...inPeriodOrder)

export async function findRelease (db: Db, cityId: number, id: number) {
  const [row] = await db.select().from(incidentReleases).where(and(eq(incidentReleases.cityId, cityId), eq(incidentReleases.id, id)))
  return row
}

export const periodReleases = (db: Db, cityId: number, periodStart: string, periodEnd: string) =>
  db.select().from(incidentReleases)
    .where(and(eq(incidentReleases.cityId, cityId), eq(incidentReleases.periodStart, periodStart), eq(incidentReleases.periodEnd, periodEnd)))
    .orderBy(asc(incidentReleases.version))

export async function insertRelease (db: Db, values: NewIncidentReleaseRow) {
  const [row] = await db.insert(incidentReleases).values(values).returning()
  return row!
}

/** Changes a release that is not published; the database refuses the rest anyway. */
export async function updateRelease (db: Db, id: number, values: Partial<NewIncidentReleaseRow>, states: IncidentReleaseRow['state'][]) {
  const [row] = await db.update(incidentReleases).set(values)
    .where(and(eq(incidentReleases.id, id), inArray(incidentReleases.state, states))).returning()
  return row
}

export const deleteRelease = (db: Db, id: number) => db.delete(incidentReleases).where(eq(incidentReleases.id, id))

/** The newest publication of the city after `since`, if any. */
export async function publishedSince (db: Db, cityId: number, since: Date) {
  const [row] = await db.select({ id: incidentReleases.id }).from(incidentReleases)
    .where(and(eq(incidentReleases.cityId, cityId), eq(incidentReleases.state, 'published'), gt(incidentReleases.publishedAt, since)))
    .orderBy(desc(incidentReleases.publishedAt)).limit(1)
  return row
}
