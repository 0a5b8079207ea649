import type { PasswordResetRequest, PasswordResetConfirm } from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import { checkPasswordPolicy, hashPassword } from '../../auth/passwords.ts'
import { deleteSessionsOfUser, hashToken, newToken } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { recordAuditForPerson } from '../users/users.service.ts'
import type { PasswordResetChannel } from './password-reset.channel.ts'
import { ResetLinkInvalidError, TooManyResetsError } from './session.errors.ts'
import { findOpenReset, insertPasswordReset, recentResetRequests, recordResetRequest, useResets } from './password-reset.queries.ts'
import { findUser, findUserByEmail, setPasswordHash } from './session.queries.ts'

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
      const blocking = [await recentResetRequests(db, 'email', email, since), await recentResetRequests(db, 'ip', ip, since)].filter((r) => r.n >= maxResetRequests)
      if (blocking.length) {
        const oldest = Math.max(...blocking.map((r) => r.oldest!.getTime()))
        throw new TooManyResetsError(Math.max(1, Math.ceil((oldest + resetWindowMs - at.getTime()) / 1000)))
      }
      const message = await db.transaction(async (tx) => {
        await recordResetRequest(tx, email, ip, at)
        const user = await findUserByEmail(tx, email)
        if (!user) return null
        const token = newToken()
        const expiresAt = new Date(at.getTime() + resetValidityMs)
        await insertPasswordReset(tx, { tokenHash: hashToken(token), userId: user.id, expiresAt, createdAt: at })
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
        const reset = await findOpenReset(tx, hashToken(input.token), now())
        if (!reset) throw new ResetLinkInvalidError()
        const user = await findUser(tx, reset.userId, { forUpdate: true })
        checkPasswordPolicy(input.password, { email: user!.email, displayName: user!.displayName })
        await setPasswordHash(tx, user!.id, await hashPassword(input.password), now())
        await useResets(tx, user!.id, now())
        await deleteSessionsOfUser(tx, user!.id)
        await recordAuditForPerson(tx, { kind: 'anonymous', requestId: actor.requestId }, user!.id, { action: 'user.password.reset' })
      })
    },
  }
}
