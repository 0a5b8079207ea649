import { and, count, eq, gt, isNull, lt, or } from 'drizzle-orm'
import type { AuthMethod } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { recoveryCodes, secondFactorChallenges, secondFactors, sessions } from '../../db/schema/index.ts'

export async function findFactor (db: Db, userId: number, { lock = false } = {}) {
  const query = db.select().from(secondFactors).where(eq(secondFactors.userId, userId))
  const [row] = lock ? await query.for('update') : await query
  return row
}

export const hasConfirmedFactor = async (db: Db, userId: number) => Boolean((await findFactor(db, userId))?.confirmedAt)

/** A new secret waiting for confirmation; replaces an earlier unconfirmed one. */
export async function savePendingFactor (db: Db, userId: number, secret: string) {
  await db.insert(secondFactors).values({ userId, secret }).onConflictDoUpdate({
    target: secondFactors.userId,
    set: { secret, confirmedAt: null, lastTimeStep: null, createdAt: new Date() },
  })
}

export async function confirmFactor (db: Db, userId: number, timeStep: number, at: Date) {
  await db.update(secondFactors).set({ confirmedAt: at, lastTimeStep: timeStep }).where(eq(secondFactors.userId, userId))
}

/** Moves the replay mark forward; false when another request used this step or a later one first. */
export async function advanceTimeStep (db: Db, userId: number, timeStep: number) {
  const updated = await db.update(secondFactors).set({ lastTimeStep: timeStep })
    .where(and(eq(secondFactors.userId, userId), or(isNull(secondFactors.lastTimeStep), lt(secondFactors.lastTimeStep, timeStep))))
    .returning({ userId: secondFactors.userId })
  return updated.length === 1
}

export async function deleteFactor (db: Db, userId: number) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  await db.delete(secondFactorChallenges).where(eq(secondFactorChallenges.userId, userId))
  await db.delete(secondFactors).where(eq(secondFactors.userId, userId))
}

export async function replaceRecoveryCodes (db: Db, userId: number, hashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })))
}

/** Marks an unused code as used; false if it is unknown or was used before (also by a parallel request). */
export async function consumeRecoveryCode (db: Db, userId: number, codeHash: string, at: Date) {
  const used = await db.update(recoveryCodes).set({ usedAt: at })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id })
  return used.length === 1
}

export async function recoveryCodesLeft (db: Db, userId: number) {
  const [row] = await db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
  return row!.n
}

export async function setSessionAuthMethod (db: Db, sessionId: string, authMethod: AuthMethod) {
  await db.update(sessions).set({ authMethod }).where(eq(sessions.id, sessionId))
}

export async function insertChallenge (db: Db, id: string, userId: number, expiresAt: Date) {
  await db.insert(secondFactorChallenges).values({ id, userId, expiresAt })
  // Expired challenges serve nothing; keep the table small.
  await db.delete(secondFactorChallenges).where(lt(secondFactorChallenges.expiresAt, new Date(expiresAt.getTime() - 86_400_000)))
}

export async function findChallenge (db: Db, id: string, now: Date) {
  const [row] = await db.select().from(secondFactorChallenges).where(and(eq(secondFactorChallenges.id, id), gt(secondFactorChallenges.expiresAt, now)))
  return row
}

/** False when a parallel request used the challenge first. */
export async function deleteChallenge (db: Db, id: string) {
  const deleted = await db.delete(secondFactorChallenges).where(eq(secondFactorChallenges.id, id)).returning({ id: secondFactorChallenges.id })
  return deleted.length === 1
}
