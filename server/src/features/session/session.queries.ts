import { and, count, eq, gt, gte, inArray, isNull, lt, min, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cities, invitations, membershipOrganisations, organisations, signInAttempts, users } from '../../db/schema/index.ts'
import { membershipsOf } from '../../auth/sessions.queries.ts'
import type { Me } from '@eccar/shared'

export const throttleWindowMs = 15 * 60_000
export const maxFailures = 10

export async function findUserByEmail (db: Db, email: string) {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
  return user
}

/** Failures in the window for this account and this address, and when the oldest of them leaves it. */
export async function recentFailures (db: Db, email: string, ip: string, now: Date) {
  const since = new Date(now.getTime() - throttleWindowMs)
  const failures = (column: typeof signInAttempts.email | typeof signInAttempts.ip, value: string) =>
    db.select({ n: count(), oldest: min(signInAttempts.at) }).from(signInAttempts)
      .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gte(signInAttempts.at, since)))
  const [[byAccount], [byAddress]] = [await failures(signInAttempts.email, email.toLowerCase()), await failures(signInAttempts.ip, ip)]
  return { byAccount: byAccount!, byAddress: byAddress! }
}

export async function recordAttempt (db: Db, email: string, ip: string, succeeded: boolean, now: Date) {
  await db.insert(signInAttempts).values({ email: email.toLowerCase(), ip, succeeded, at: now })
  // Attempts older than a day serve no rule; keep the table small.
  await db.delete(signInAttempts).where(lt(signInAttempts.at, new Date(now.getTime() - 86_400_000)))
}

export async function clearFailures (db: Db, email: string) {
  await db.delete(signInAttempts).where(and(eq(signInAttempts.email, email.toLowerCase()), eq(signInAttempts.succeeded, false)))
}

/** The signed-in user as the web app needs it: who, and what they may do where. */
export async function buildMe (db: Db, userId: number, ssoCityId: number | null = null): Promise<Me> {
  const [user] = await db.select().from(users).where(eq(users.id, userId))
  // A session begun through a city's identity provider shows that city only, and no platform rights.
  const cityRows = (await membershipsOf(db, userId)).filter((row) => ssoCityId === null || row.cityId === ssoCityId)
  const scopes = cityRows.length === 0 ? [] : await db.select({ cityId: membershipOrganisations.cityId, id: organisations.id, name: organisations.name, nameEn: organisations.nameEn })
    .from(membershipOrganisations).innerJoin(organisations, eq(organisations.id, membershipOrganisations.organisationId))
    .where(and(eq(membershipOrganisations.userId, userId), or(inArray(membershipOrganisations.cityId, cityRows.map((row) => row.cityId)))))
  return {
    id: user!.id,
    email: user!.email,
    displayName: user!.displayName,
    isPlatformAdmin: ssoCityId === null && user!.isPlatformAdmin,
    memberships: cityRows.map((row) => ({
      citySlug: row.citySlug,
      cityName: row.cityName,
      role: row.role,
      organisations: scopes.filter((scope) => scope.cityId === row.cityId).map(({ cityId: _c, ...organisation }) => organisation),
    })),
  }
}

export async function findUser (db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(users).where(eq(users.id, id))
  const [user] = options.forUpdate ? await query.for('update') : await query
  return user
}

/** The id of the new account. */
export async function insertUser (db: Db, values: typeof users.$inferInsert) {
  const [user] = await db.insert(users).values(values).returning({ id: users.id })
  return user!.id
}

export async function setPasswordHash (db: Db, userId: number, passwordHash: string, at: Date) {
  await db.update(users).set({ passwordHash, updatedAt: at }).where(eq(users.id, userId))
}

/** The unused, unexpired password link (from the CLI or a platform administrator) with this token hash, locked. */
export async function findOpenPasswordLink (db: Db, tokenHash: string, at: Date) {
  const [row] = await db.select().from(invitations)
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.usedAt), gt(invitations.expiresAt, at)))
    .for('update')
  return row
}

export async function usePasswordLink (db: Db, tokenHash: string, at: Date) {
  await db.update(invitations).set({ usedAt: at }).where(eq(invitations.tokenHash, tokenHash))
}

export async function cityName (db: Db, cityId: number) {
  const [city] = await db.select({ name: cities.name }).from(cities).where(eq(cities.id, cityId))
  return city!.name
}
