import { and, asc, count, eq, inArray, ne } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { membershipOrganisations, memberships, organisations, users } from '../../db/schema/index.ts'
import type { CityUser } from '@eccar/shared'

export async function listCityUsers (db: Db, cityId: number, userId?: number): Promise<CityUser[]> {
  const conditions = [eq(memberships.cityId, cityId)]
  if (userId !== undefined) conditions.push(eq(memberships.userId, userId))
  const rows = await db.select({
    id: users.id, email: users.email, displayName: users.displayName, passwordHash: users.passwordHash,
    role: memberships.role, version: memberships.version,
  }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(and(...conditions)).orderBy(asc(users.displayName))
  const scopes = rows.length === 0 ? [] : await db.select({ userId: membershipOrganisations.userId, id: organisations.id, name: organisations.name, nameEn: organisations.nameEn })
    .from(membershipOrganisations).innerJoin(organisations, eq(organisations.id, membershipOrganisations.organisationId))
    .where(and(eq(membershipOrganisations.cityId, cityId), inArray(membershipOrganisations.userId, rows.map((row) => row.id))))
  return rows.map(({ passwordHash, ...row }) => ({
    ...row,
    hasPassword: passwordHash !== null,
    organisations: scopes.filter((scope) => scope.userId === row.id).map(({ userId: _u, ...organisation }) => organisation),
  }))
}

export async function findMembership (db: Db, cityId: number, userId: number) {
  const [row] = await db.select().from(memberships).where(and(eq(memberships.cityId, cityId), eq(memberships.userId, userId))).for('update')
  return row
}

export async function adminCount (db: Db, cityId: number) {
  const [row] = await db.select({ n: count() }).from(memberships).where(and(eq(memberships.cityId, cityId), eq(memberships.role, 'admin')))
  return row?.n ?? 0
}

export async function replaceScope (db: Db, cityId: number, userId: number, organisationIds: number[]) {
  await db.delete(membershipOrganisations).where(and(eq(membershipOrganisations.cityId, cityId), eq(membershipOrganisations.userId, userId)))
  if (organisationIds.length) {
    await db.insert(membershipOrganisations).values(organisationIds.map((organisationId) => ({ cityId, userId, organisationId })))
  }
}

export async function setDisplayName (db: Db, userId: number, displayName: string) {
  await db.update(users).set({ displayName, updatedAt: new Date() }).where(eq(users.id, userId))
}

/** The person's role in the city and the organisations it was limited to. */
export async function deleteMembership (db: Db, cityId: number, userId: number) {
  await db.delete(membershipOrganisations).where(and(eq(membershipOrganisations.cityId, cityId), eq(membershipOrganisations.userId, userId)))
  await db.delete(memberships).where(and(eq(memberships.cityId, cityId), eq(memberships.userId, userId)))
}

/** True when the person has no role in any city and is no platform administrator. */
export async function hasNoAccessLeft (db: Db, userId: number) {
  const [rest] = await db.select({ n: count() }).from(memberships).where(eq(memberships.userId, userId))
  const [person] = await db.select({ isPlatformAdmin: users.isPlatformAdmin }).from(users).where(eq(users.id, userId))
  return rest!.n === 0 && !person!.isPlatformAdmin
}

/** What decides whether a city's admin may hand out a password link: the account (locked) and its roles in other cities. */
export async function accountBeyondCity (db: Db, userId: number, cityId: number) {
  const [account] = await db.select({ passwordHash: users.passwordHash, isPlatformAdmin: users.isPlatformAdmin }).from(users).where(eq(users.id, userId)).for('update')
  const [others] = await db.select({ n: count() }).from(memberships).where(and(eq(memberships.userId, userId), ne(memberships.cityId, cityId)))
  return { hasPassword: account!.passwordHash !== null, isPlatformAdmin: account!.isPlatformAdmin, otherCities: others!.n }
}

export async function emailOf (db: Db, userId: number) {
  const [person] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId))
  return person!.email
}

export async function insertMembership (db: Db, values: typeof memberships.$inferInsert) {
  await db.insert(memberships).values(values)
}

/** The cities the person is a member of. */
export async function cityIdsOfPerson (db: Db, userId: number) {
  return (await db.select({ cityId: memberships.cityId }).from(memberships).where(eq(memberships.userId, userId))).map((row) => row.cityId)
}
