import { and, asc, count, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cities, mails, memberships, notificationSettings, reportingCycles, users } from '../../db/schema/index.ts'

export type SettingsRow = typeof notificationSettings.$inferSelect

export async function findSettings (db: Db, userId: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}

/** The person's roles in every city (the defaults of their settings depend on them). */
export const rolesOfUser = (db: Db, userId: number) =>
  db.select({ role: memberships.role }).from(memberships).where(eq(memberships.userId, userId))

/** Creates the person's settings or changes the given ones, counting the version up. */
export async function upsertSettings (db: Db, userId: number, changes: Partial<Pick<SettingsRow, 'language' | 'digestDay'>>, kinds: Record<string, boolean>) {
  await db.insert(notificationSettings).values({ userId, language: changes.language ?? 'de', digestDay: changes.digestDay ?? 1, kinds })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { ...(changes.language ? { language: changes.language } : {}), ...(changes.digestDay ? { digestDay: changes.digestDay } : {}), kinds, version: sql`${notificationSettings.version} + 1`, updatedAt: new Date() },
    })
}

export async function findMailByUnsubscribeToken (db: Db, token: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select({ userId: mails.userId, kind: mails.kind, language: mails.language }).from(mails).where(eq(mails.unsubscribeToken, token))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}

/** One page of the city's outbox, newest first, and how many mails it holds. */
export async function listOutbox (db: Db, cityId: number, page: number, pageSize: number) {
  const rows = await db.select().from(mails).where(eq(mails.cityId, cityId))
    .orderBy(desc(mails.createdAt), desc(mails.id)).limit(pageSize).offset((page - 1) * pageSize)
  const [total] = await db.select({ n: count() }).from(mails).where(eq(mails.cityId, cityId))
  return { rows, total: total!.n }
}

export async function findOutboxMail (db: Db, cityId: number, id: number) {
  const [row] = await db.select().from(mails).where(and(eq(mails.cityId, cityId), eq(mails.id, id)))
  return row
}

/** The account of an address (whatever its case) with its mail language, if there is one. */
export async function findAccountByEmail (db: Db, email: string) {
  const [row] = await db.select({ id: users.id, language: notificationSettings.language }).from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
  return row
}

/** The id of the person's first city (by id), or null without any. */
export async function firstCityOfPerson (db: Db, userId: number) {
  const [row] = await db.select({ cityId: memberships.cityId }).from(memberships).where(eq(memberships.userId, userId)).orderBy(asc(memberships.cityId)).limit(1)
  return row?.cityId ?? null
}

/** A reporting cycle with its city's address and name, for the mail that announces its change. */
export async function findCycleWithCity (db: Db, cycleId: number) {
  const [row] = await db.select({ cycle: reportingCycles, city: { slug: cities.slug, name: cities.name } })
    .from(reportingCycles).innerJoin(cities, eq(cities.id, reportingCycles.cityId)).where(eq(reportingCycles.id, cycleId))
  return row
}
