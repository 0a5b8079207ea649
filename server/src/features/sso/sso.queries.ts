import type { Role } from '@eccar/shared'
import { and, asc, count, eq, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cities, cityIdentityProviders, membershipOrganisations, memberships, ssoLogins, users } from '../../db/schema/index.ts'

export type IdentityProviderRow = typeof cityIdentityProviders.$inferSelect

export async function findIdentityProvider (db: Db, cityId: number, { lock = false } = {}) {
  const query = db.select().from(cityIdentityProviders).where(eq(cityIdentityProviders.cityId, cityId))
  const [row] = lock ? await query.for('update') : await query
  return row
}

export const insertIdentityProvider = (db: Db, values: typeof cityIdentityProviders.$inferInsert) =>
  db.insert(cityIdentityProviders).values(values)

/** One page of the cities offering single sign-on, by name, and how many there are, in one statement. */
export async function listEnabledProviders (db: Db, page: { limit: number, offset: number }) {
  const enabled = eq(cityIdentityProviders.enabled, true)
  const rows = await db.select({
    citySlug: cities.slug, cityName: cities.name, displayName: cityIdentityProviders.displayName, total: sql<number>`count(*) over ()`.mapWith(Number),
  }).from(cityIdentityProviders).innerJoin(cities, eq(cities.id, cityIdentityProviders.cityId))
    .where(enabled).orderBy(asc(cities.name), asc(cities.id)).limit(page.limit).offset(page.offset)
  if (rows.length > 0) return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]!.total }
  // A page beyond the end carries no count; ask for it.
  const [counted] = page.offset > 0 ? await db.select({ value: count() }).from(cityIdentityProviders).where(enabled) : [{ value: 0 }]
  return { rows: [], total: counted?.value ?? 0 }
}

export async function insertPendingLogin (db: Db, values: typeof ssoLogins.$inferInsert, now: Date) {
  // Abandoned sign-ins serve nothing once expired; keep the table small.
  await db.delete(ssoLogins).where(lt(ssoLogins.expiresAt, now))
  await db.insert(ssoLogins).values(values)
}

/** Takes the pending sign-in out (it is good for one callback only), if it exists, is for this city and is fresh. */
export async function takePendingLogin (db: Db, id: string, cityId: number, now: Date) {
  const [row] = await db.delete(ssoLogins).where(eq(ssoLogins.id, id)).returning()
  if (!row || row.cityId !== cityId || row.expiresAt.getTime() <= now.getTime()) return null
  return row
}

export const deletePendingLoginsOfCity = (db: Db, cityId: number) => db.delete(ssoLogins).where(eq(ssoLogins.cityId, cityId))

/** An account without a password: its holder signs in through the city's provider. */
export async function insertSsoAccount (db: Db, values: { email: string, displayName: string }) {
  const [user] = await db.insert(users).values(values).returning()
  return user!
}

export async function setMembershipRole (db: Db, cityId: number, userId: number, role: Role) {
  await db.update(memberships).set({ role, version: sql`${memberships.version} + 1` })
    .where(and(eq(memberships.cityId, cityId), eq(memberships.userId, userId)))
}

/** Only editors are limited to organisations; another role drops the limit. */
export async function clearMembershipScope (db: Db, cityId: number, userId: number) {
  await db.delete(membershipOrganisations).where(and(eq(membershipOrganisations.cityId, cityId), eq(membershipOrganisations.userId, userId)))
}

export async function deleteIdentityProvider (db: Db, cityId: number) {
  await db.delete(cityIdentityProviders).where(eq(cityIdentityProviders.cityId, cityId))
}
