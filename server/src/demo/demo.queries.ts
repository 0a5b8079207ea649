import { and, count, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { appMeta, cities, membershipOrganisations, memberships, organisations, steeringMembers, users } from '../db/schema/index.ts'

/** Serialises concurrent first starts of several instances against one PostgreSQL (until the transaction ends). */
export async function lockDemoLoad (db: Db) {
  await db.execute('select pg_advisory_xact_lock(72010002)')
}

export async function findMarker (db: Db, key: string) {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, key))
  return row
}

export async function setMarker (db: Db, key: string, value: string) {
  await db.insert(appMeta).values({ key, value })
}

export async function cityCount (db: Db) {
  const [row] = await db.select({ value: count() }).from(cities)
  return row?.value ?? 0
}

/** The account with its role in the city and, for an editor, the one organisation it acts for. */
export async function insertDemoAccount (db: Db, cityId: number, account: { email: string, displayName: string, passwordHash: string, role: 'admin' | 'editor', organisation: string | null }) {
  const [user] = await db.insert(users).values({ email: account.email, displayName: account.displayName, passwordHash: account.passwordHash })
    .returning({ id: users.id })
  await db.insert(memberships).values({ userId: user!.id, cityId, role: account.role })
  if (account.organisation) {
    const [organisation] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, account.organisation))
    await db.insert(membershipOrganisations).values({ userId: user!.id, cityId, organisationId: organisation!.id })
  }
}

export const organisationsNamed = (db: Db, cityId: number, names: string[]) =>
  db.select({ id: organisations.id, name: organisations.name }).from(organisations)
    .where(and(eq(organisations.cityId, cityId), inArray(organisations.name, names)))

export async function insertSteeringGroup (db: Db, cityId: number, members: (typeof steeringMembers.$inferInsert)[], cadenceMonths: number) {
  await db.insert(steeringMembers).values(members)
  await db.update(cities).set({ steeringCadenceMonths: cadenceMonths }).where(eq(cities.id, cityId))
}
