import { and, count, eq, gt, gte, isNull, lt, min } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { passwordResetRequests, passwordResets } from '../../db/schema/index.ts'

/** Requests since `since` from this address (`email`) or this client (`ip`), and when the oldest was made. */
export async function recentResetRequests (db: Db, by: 'email' | 'ip', value: string, since: Date) {
  const [row] = await db.select({ n: count(), oldest: min(passwordResetRequests.at) }).from(passwordResetRequests)
    .where(and(eq(passwordResetRequests[by], value), gte(passwordResetRequests.at, since)))
  return row!
}

/** Counts this request for the throttle; requests older than a day count for nothing and go. */
export async function recordResetRequest (db: Db, email: string, ip: string, at: Date) {
  await db.insert(passwordResetRequests).values({ email, ip, at })
  await db.delete(passwordResetRequests).where(lt(passwordResetRequests.at, new Date(at.getTime() - 86_400_000)))
}

export async function insertPasswordReset (db: Db, values: typeof passwordResets.$inferInsert) {
  await db.insert(passwordResets).values(values)
}

/** The unused, unexpired reset link with this token hash, locked. */
export async function findOpenReset (db: Db, tokenHash: string, at: Date) {
  const [row] = await db.select().from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, at)))
    .for('update')
  return row
}

/** Voids every open reset link of the person. */
export async function useResets (db: Db, userId: number, at: Date) {
  await db.update(passwordResets).set({ usedAt: at }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
}
