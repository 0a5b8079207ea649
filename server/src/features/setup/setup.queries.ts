import { and, count, eq, gt, isNull } from 'drizzle-orm'
import { hashToken } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { cities, memberships, setupTokens, users } from '../../db/schema/index.ts'

/** True while nobody can administer anything: no platform administrator and no city admin. */
export async function hasNoAdministrator (db: Db) {
  const [platform] = await db.select({ n: count() }).from(users).where(eq(users.isPlatformAdmin, true))
  const [cityAdmins] = await db.select({ n: count() }).from(memberships).where(eq(memberships.role, 'admin'))
  return platform!.n === 0 && cityAdmins!.n === 0
}

export async function cityCount (db: Db) {
  const [row] = await db.select({ n: count() }).from(cities)
  return row!.n
}

export async function findValidSetupToken (db: Db, token: string, now: Date) {
  const [row] = await db.select().from(setupTokens)
    .where(and(eq(setupTokens.tokenHash, hashToken(token)), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
    .for('update')
  return row
}

/** The new link replaces every unused earlier one. */
export async function replaceSetupToken (db: Db, values: typeof setupTokens.$inferInsert) {
  await db.delete(setupTokens).where(isNull(setupTokens.usedAt))
  await db.insert(setupTokens).values(values)
}

export async function useSetupToken (db: Db, tokenHash: string, at: Date) {
  await db.update(setupTokens).set({ usedAt: at }).where(eq(setupTokens.tokenHash, tokenHash))
}

/** An existing account becomes the platform administrator with the name and password of the setup form. */
export async function makePlatformAdmin (db: Db, userId: number, values: { displayName: string, passwordHash: string }, at: Date) {
  await db.update(users).set({ ...values, isPlatformAdmin: true, updatedAt: at }).where(eq(users.id, userId))
}
