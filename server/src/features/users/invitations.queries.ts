import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cityInvitations, invitations, membershipOrganisations, memberships, organisations } from '../../db/schema/index.ts'

export type CityInvitationRow = typeof cityInvitations.$inferSelect

/** Stores a password link by its token's hash. */
export async function insertPasswordInvitation (db: Db, tokenHash: string, userId: number, expiresAt: Date) {
  await db.insert(invitations).values({ tokenHash, userId, expiresAt })
}

/** Names of the given organisations, for showing what an invitation grants. */
export async function organisationRefs (db: Db, ids: number[]) {
  if (ids.length === 0) return []
  return db.select({ id: organisations.id, name: organisations.name, nameEn: organisations.nameEn })
    .from(organisations).where(inArray(organisations.id, ids))
}

/** Of the given organisations, the ids of those that still exist in the city. */
export async function organisationIdsStillInCity (db: Db, cityId: number, ids: number[]) {
  const rows = await db.select({ id: organisations.id }).from(organisations)
    .where(and(eq(organisations.cityId, cityId), inArray(organisations.id, ids)))
  return rows.map((row) => row.id)
}

export const listCityInvitations = (db: Db, cityId: number) =>
  db.select().from(cityInvitations).where(eq(cityInvitations.cityId, cityId)).orderBy(asc(cityInvitations.email))

export async function findPendingInvitation (db: Db, cityId: number, id: number) {
  const [row] = await db.select().from(cityInvitations).where(and(eq(cityInvitations.cityId, cityId), eq(cityInvitations.id, id))).for('update')
  return row
}

export async function findCityInvitationByTokenHash (db: Db, tokenHash: string) {
  const [row] = await db.select().from(cityInvitations).where(eq(cityInvitations.tokenHash, tokenHash)).for('update')
  return row
}

/** The open invitation of an address to a city, if any (locked): what a city's identity provider may vouch for. */
export async function findOpenInvitationByEmail (db: Db, cityId: number, email: string, now = new Date()) {
  const [row] = await db.select().from(cityInvitations)
    .where(and(eq(cityInvitations.cityId, cityId), sql`lower(${cityInvitations.email}) = ${email.toLowerCase()}`, gt(cityInvitations.expiresAt, now)))
    .for('update')
  return row
}

/** Removes the city's pending invitation of the address (whatever its case), if any. */
export async function deleteCityInvitationOfEmail (db: Db, cityId: number, email: string) {
  await db.delete(cityInvitations).where(and(eq(cityInvitations.cityId, cityId), sql`lower(${cityInvitations.email}) = ${email.toLowerCase()}`))
}

export async function insertCityInvitation (db: Db, values: typeof cityInvitations.$inferInsert) {
  const [row] = await db.insert(cityInvitations).values(values).returning()
  return row!
}

export async function deletePendingInvitation (db: Db, id: number) {
  await db.delete(cityInvitations).where(eq(cityInvitations.id, id))
}

export async function hasMembership (db: Db, cityId: number, userId: number) {
  const [row] = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.cityId, cityId), eq(memberships.userId, userId)))
  return row !== undefined
}

/** The person's membership in the city with its organisation scope (editors), in two statements. */
export async function insertMembershipWithOrganisations (db: Db, cityId: number, userId: number, role: CityInvitationRow['role'], organisationIds: number[]) {
  await db.insert(memberships).values({ userId, cityId, role })
  if (organisationIds.length) await db.insert(membershipOrganisations).values(organisationIds.map((organisationId) => ({ cityId, userId, organisationId })))
}
