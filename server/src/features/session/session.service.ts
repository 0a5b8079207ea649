import type { ChangePassword, Session, SignIn } from '@eccar/shared'
import { eq } from 'drizzle-orm'
import type { Actor } from '../../auth/actor.ts'
import { recordAudit } from '../../auth/audit.ts'
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../auth/passwords.ts'
import { createSession, deleteSession, deleteSessionsOfUser } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { users } from '../../db/schema/index.ts'
import { CurrentPasswordWrongError, InvalidCredentialsError, TooManyAttemptsError } from './session.errors.ts'
import { buildMe, clearFailures, findUserByEmail, maxFailures, recentFailures, recordAttempt, throttleWindowMs } from './session.queries.ts'

export interface SignInResult { session: Session, token: string, userId: number }

export function createSessionService (db: Db, now: () => Date = () => new Date()) {
  async function startSession (userId: number, previousToken: string | null): Promise<SignInResult> {
    // A new session id at every sign-in: a token planted before sign-in is worthless after it.
    if (previousToken) await deleteSession(db, previousToken)
    const { token, csrfToken } = await createSession(db, userId)
    return { token, userId, session: { user: await buildMe(db, userId), csrfToken } }
  }

  return {
    async signIn (input: SignIn, ip: string, previousToken: string | null) {
      const at = now()
      const failures = await recentFailures(db, input.email, ip, at)
      const blocking = [failures.byAccount, failures.byAddress].filter((f) => f.n >= maxFailures)
      if (blocking.length > 0) {
        const oldest = Math.max(...blocking.map((f) => f.oldest!.getTime()))
        throw new TooManyAttemptsError(Math.max(1, Math.ceil((oldest + throttleWindowMs - at.getTime()) / 1000)))
      }
      const user = await findUserByEmail(db, input.email)
      const valid = await verifyPassword(user?.passwordHash ?? null, input.password)
      await recordAttempt(db, input.email, ip, valid, at)
      if (!user || !valid) throw new InvalidCredentialsError()
      await clearFailures(db, input.email)
      return startSession(user.id, previousToken)
    },

    async current (actor: Actor): Promise<Session> {
      if (actor.kind !== 'user') return { user: null, csrfToken: null }
      return { user: await buildMe(db, actor.userId), csrfToken: actor.csrfToken }
    },

    signOut: (token: string) => deleteSession(db, token),

    async changePassword (actor: Actor & { kind: 'user' }, input: ChangePassword) {
      await db.transaction(async (tx) => {
        const [user] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update')
        if (!await verifyPassword(user!.passwordHash, input.currentPassword)) throw new CurrentPasswordWrongError()
        checkPasswordPolicy(input.newPassword, { email: user!.email, displayName: user!.displayName })
        await tx.update(users).set({ passwordHash: await hashPassword(input.newPassword), updatedAt: now() }).where(eq(users.id, actor.userId))
        // Whoever else held a session with the old password loses it; this one stays.
        await deleteSessionsOfUser(tx, actor.userId, actor.sessionId)
        await recordAudit(tx, actor, { cityId: null, action: 'user.password.change', entityType: 'user', entityId: actor.userId })
      })
    },
  }
}
