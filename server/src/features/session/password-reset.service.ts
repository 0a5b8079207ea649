import type { PasswordResetRequest, PasswordResetConfirm } from '@eccar/shared'
import { and, count, eq, gt, gte, isNull, lt, min } from 'drizzle-orm'
import type { Actor } from '../../auth/actor.ts'
import { checkPasswordPolicy, hashPassword } from '../../auth/passwords.ts'
import { deleteSessionsOfUser, hashToken, newToken } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { passwordResetRequests, passwordResets, users } from '../../db/schema/index.ts'
import { recordAuditForPerson } from '../users/users.service.ts'
import type { PasswordResetChannel } from './password-reset.channel.ts'
import { ResetLinkInvalidError, TooManyResetsError } from './session.errors.ts'
import { findUserByEmail } from './session.queries.ts'

export const resetValidityMs = 60 * 60_000
export const resetWindowMs = 60 * 60_000
export const maxResetRequests = 5

export function createPasswordResetService (db: Db, channel: PasswordResetChannel, publicOrigin: string, now: () => Date = () => new Date()) {
  return {
    /**
     * Sends a reset link if the address has an account. Known or not, the caller sees the same: the
     * same answer, and the same throttle (5 requests an hour per address and per client address).
     */
    async request (input: PasswordResetRequest, ip: string, actor: Actor) {
      const at = now()
      const email = input.email.trim().toLowerCase()
      const since = new Date(at.getTime() - resetWindowMs)
      const recent = async (column: typeof passwordResetRequests.email | typeof passwordResetRequests.ip, value: string) =>
        (await db.select({ n: count(), oldest: min(passwordResetRequests.at) }).from(passwordResetRequests)
          .where(and(eq(column, value), gte(passwordResetRequests.at, since))))[0]!
      const blocking = [await recent(passwordResetRequests.email, email), await recent(passwordResetRequests.ip, ip)].filter((r) => r.n >= maxResetRequests)
      if (blocking.length) {
        const oldest = Math.max(...blocking.map((r) => r.oldest!.getTime()))
        throw new TooManyResetsError(Math.max(1, Math.ceil((oldest + resetWindowMs - at.getTime()) / 1000)))
      }
      const message = await db.transaction(async (tx) => {
        await tx.insert(passwordResetRequests).values({ email, ip, at })
        await tx.delete(passwordResetRequests).where(lt(passwordResetRequests.at, new Date(at.getTime() - 86_400_000)))
        const user = await findUserByEmail(tx, email)
        if (!user) return null
        const token = newToken()
        const expiresAt = new Date(at.getTime() + resetValidityMs)
        await tx.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, expiresAt, createdAt: at })
        await recordAuditForPerson(tx, { kind: 'anonymous', requestId: actor.requestId }, user.id, { action: 'user.password.reset.request', after: { expiresAt: expiresAt.toISOString() } })
        const message = { email: user.email, link: `${publicOrigin}/passwort-vergessen/${token}`, expiresAt }
        await channel.record(tx, message)
        return message
      })
      if (message) channel.committed()
    },

    /** Sets the new password once, ends every session of the person and voids their other reset links. */
    async confirm (input: PasswordResetConfirm, actor: Actor) {
      await db.transaction(async (tx) => {
        const [reset] = await tx.select().from(passwordResets)
          .where(and(eq(passwordResets.tokenHash, hashToken(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now())))
          .for('update')
        if (!reset) throw new ResetLinkInvalidError()
        const [user] = await tx.select().from(users).where(eq(users.id, reset.userId)).for('update')
        checkPasswordPolicy(input.password, { email: user!.email, displayName: user!.displayName })
        await tx.update(users).set({ passwordHash: await hashPassword(input.password), updatedAt: now() }).where(eq(users.id, user!.id))
        await tx.update(passwordResets).set({ usedAt: now() }).where(and(eq(passwordResets.userId, user!.id), isNull(passwordResets.usedAt)))
        await deleteSessionsOfUser(tx, user!.id)
        await recordAuditForPerson(tx, { kind: 'anonymous', requestId: actor.requestId }, user!.id, { action: 'user.password.reset' })
      })
    },
  }
}
