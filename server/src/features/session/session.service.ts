import type { ChangePassword, Session, SignIn } from '@eccar/shared'
import type { Actor, AuthMethod } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../auth/passwords.ts'
import { secondFactorRequiredFor, type SecretBox } from '../../auth/second-factor.ts'
import { createSession, deleteSession, deleteSessionsOfUser, hashToken, newToken } from '../../auth/sessions.ts'
import type { SecondFactorRequirement } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import { deleteChallenge, findChallenge, hasConfirmedFactor, insertChallenge, useSecondFactorCode } from '../second-factor/second-factor.service.ts'
import {
  CurrentPasswordWrongError, InvalidCredentialsError, SecondFactorChallengeInvalidError, SecondFactorInvalidError,
  TooManyAttemptsError,
} from './session.errors.ts'
import { buildMe, clearFailures, findUser, findUserByEmail, maxFailures, recentFailures, recordAttempt, setPasswordHash, throttleWindowMs } from './session.queries.ts'

export interface SignInResult { session: Session, token: string, userId: number }
/** The password was right, the account has a second factor: the cookie token of the wait for the code. */
export interface ChallengeResult { session: Session, challengeToken: string, userId: number }

export const challengeMinutes = 5

export interface SecondFactorSettings { requirement: SecondFactorRequirement, box: SecretBox }

export function createSessionService (db: Db, { requirement, box }: SecondFactorSettings, now: () => Date = () => new Date()) {
  async function startSession (userId: number, previousToken: string | null, authMethod: AuthMethod = 'password'): Promise<SignInResult> {
    // A new session id at every sign-in: a token planted before sign-in is worthless after it.
    if (previousToken) await deleteSession(db, previousToken)
    const { token, csrfToken } = await createSession(db, userId, { authMethod })
    return { token, userId, session: { user: await buildMe(db, userId), csrfToken } }
  }

  /** The same throttle for the password and the code: ten failures in 15 minutes per account or address. */
  async function throttle (email: string, ip: string, at: Date) {
    const failures = await recentFailures(db, email, ip, at)
    const blocking = [failures.byAccount, failures.byAddress].filter((f) => f.n >= maxFailures)
    if (blocking.length > 0) {
      const oldest = Math.max(...blocking.map((f) => f.oldest!.getTime()))
      throw new TooManyAttemptsError(Math.max(1, Math.ceil((oldest + throttleWindowMs - at.getTime()) / 1000)))
    }
  }

  return {
    async signIn (input: SignIn, ip: string, previousToken: string | null): Promise<SignInResult | ChallengeResult> {
      const at = now()
      await throttle(input.email, ip, at)
      const user = await findUserByEmail(db, input.email)
      const valid = await verifyPassword(user?.passwordHash ?? null, input.password)
      await recordAttempt(db, input.email, ip, valid, at)
      if (!user || !valid) throw new InvalidCredentialsError()
      if (await hasConfirmedFactor(db, user.id)) {
        // Failures are cleared only once the code is right too: else each right password would
        // reset the count, and the six digits could be guessed without end.
        const challengeToken = newToken()
        await insertChallenge(db, hashToken(challengeToken), user.id, new Date(at.getTime() + challengeMinutes * 60_000))
        return { challengeToken, userId: user.id, session: { user: null, csrfToken: null, secondFactorRequired: true } }
      }
      await clearFailures(db, input.email)
      return startSession(user.id, previousToken)
    },

    /** The second step: a current code from the app (each used once) or an unused recovery code. */
    async completeSignIn (challengeToken: string | null, code: string, ip: string, previousToken: string | null, requestId: string | null) {
      const at = now()
      const challenge = challengeToken ? await findChallenge(db, hashToken(challengeToken), at) : undefined
      if (!challenge) throw new SecondFactorChallengeInvalidError()
      const user = await findUser(db, challenge.userId)
      await throttle(user!.email, ip, at)
      const method = await db.transaction(async (tx) => {
        const used = await useSecondFactorCode(tx, box, user!.id, code, at)
        if (used === 'recovery-code') {
          await recordAudit(tx, { kind: 'anonymous', requestId }, {
            cityId: null, action: 'user.second-factor.recovery-code.use', entityType: 'user', entityId: user!.id,
          })
        }
        return used
      })
      await recordAttempt(db, user!.email, ip, method !== null, at)
      if (method === null) throw new SecondFactorInvalidError()
      // One challenge, one session, even when two right codes arrive at once.
      if (!await deleteChallenge(db, challenge.id)) throw new SecondFactorChallengeInvalidError()
      await clearFailures(db, user!.email)
      return startSession(user!.id, previousToken, 'totp')
    },

    async current (actor: Actor): Promise<Session> {
      if (actor.kind !== 'user') return { user: null, csrfToken: null }
      const secondFactorEnrolmentRequired = actor.authMethod === 'password' && secondFactorRequiredFor(requirement, actor)
      return { user: await buildMe(db, actor.userId, actor.ssoCityId ?? null), csrfToken: actor.csrfToken, secondFactorEnrolmentRequired }
    },

    signOut: (token: string) => deleteSession(db, token),

    async changePassword (actor: Actor & { kind: 'user' }, input: ChangePassword) {
      await db.transaction(async (tx) => {
        const user = await findUser(tx, actor.userId, { forUpdate: true })
        if (!await verifyPassword(user!.passwordHash, input.currentPassword)) throw new CurrentPasswordWrongError()
        checkPasswordPolicy(input.newPassword, { email: user!.email, displayName: user!.displayName })
        await setPasswordHash(tx, actor.userId, await hashPassword(input.newPassword), now())
        // Whoever else held a session with the old password loses it; this one stays.
        await deleteSessionsOfUser(tx, actor.userId, actor.sessionId)
        await recordAudit(tx, actor, { cityId: null, action: 'user.password.change', entityType: 'user', entityId: actor.userId })
      })
    },
  }
}

// What other features use of accounts and sign-in (the import boundary lets them reach session only through this file).
export { buildMe, findUser, findUserByEmail, insertUser, maxFailures, recentFailures, recordAttempt } from './session.queries.ts'
export { CurrentPasswordWrongError } from './session.errors.ts'
