import { recordAccountMail, type MailDesk } from '../notifications/notifications.service.ts'
import type { RecoveryCodes, SecondFactorEnrolment, SecondFactorStatus } from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { verifyPassword } from '../../auth/passwords.ts'
import {
  enrolmentDetails, hashRecoveryCode, type SecretBox, looksLikeTotp, newRecoveryCodes, newTotpSecret, secondFactorRequiredFor, verifyTotp,
} from '../../auth/second-factor.ts'
import { cityRoles, deleteSessionsOfUser } from '../../auth/sessions.ts'
import type { SecondFactorRequirement } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import { CurrentPasswordWrongError, findUser } from '../session/session.service.ts'
import {
  AccountNotFoundError, SecondFactorAlreadyEnabledError, SecondFactorCodeWrongError, SecondFactorNotEnabledError,
  SecondFactorNotStartedError, SecondFactorRequiredError,
} from './second-factor.errors.ts'
import {
  advanceTimeStep, confirmFactor, consumeRecoveryCode, deleteFactor, findFactor, recoveryCodesLeft, replaceRecoveryCodes,
  savePendingFactor, setSessionAuthMethod,
} from './second-factor.queries.ts'

type UserActor = Actor & { kind: 'user' }

/**
 * Checks a code of a confirmed factor and uses it up: a TOTP code moves the replay mark, a recovery code
 * is marked used. Answers how the person proved it, or null. Call inside the sign-in's transaction.
 */
export async function useSecondFactorCode (tx: Db, box: SecretBox, userId: number, code: string, now: Date) {
  const factor = await findFactor(tx, userId, { lock: true })
  if (!factor?.confirmedAt) return null
  if (looksLikeTotp(code)) {
    const timeStep = await verifyTotp(box.open(userId, factor.secret), code, factor.lastTimeStep)
    return timeStep !== null && await advanceTimeStep(tx, userId, timeStep) ? 'totp' : null
  }
  return await consumeRecoveryCode(tx, userId, hashRecoveryCode(code), now) ? 'recovery-code' : null
}

async function freshRecoveryCodes (tx: Db, userId: number) {
  const codes = newRecoveryCodes()
  await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode))
  return codes
}

export function createSecondFactorService (db: Db, requirement: SecondFactorRequirement, box: SecretBox, mail: MailDesk, now: () => Date = () => new Date()) {
  async function checkPassword (tx: Db, userId: number, password: string) {
    const user = await findUser(tx, userId, { forUpdate: true })
    if (!await verifyPassword(user!.passwordHash, password)) throw new CurrentPasswordWrongError()
    return user!
  }

  return {
    async status (actor: UserActor): Promise<SecondFactorStatus> {
      const factor = await findFactor(db, actor.userId)
      const enabled = Boolean(factor?.confirmedAt)
      return { enabled, required: secondFactorRequiredFor(requirement, actor), recoveryCodesLeft: enabled ? await recoveryCodesLeft(db, actor.userId) : 0 }
    },

    /** A new secret for the app; an unconfirmed earlier one is replaced, a confirmed factor is kept. */
    async startEnrolment (actor: UserActor): Promise<SecondFactorEnrolment> {
      const { secret, email } = await db.transaction(async (tx) => {
        const factor = await findFactor(tx, actor.userId, { lock: true })
        if (factor?.confirmedAt) throw new SecondFactorAlreadyEnabledError()
        const user = await findUser(tx, actor.userId)
        const secret = await newTotpSecret()
        await savePendingFactor(tx, actor.userId, box.seal(actor.userId, secret))
        await recordAudit(tx, actor, { cityId: null, action: 'user.second-factor.enrolment.start', entityType: 'user', entityId: actor.userId })
        return { secret, email: user!.email }
      })
      return enrolmentDetails(secret, email)
    },

    /**
     * The first code proves the app holds the secret. This session now counts as signed in with two
     * factors; other sessions, opened with the password alone, end.
     */
    async confirmEnrolment (actor: UserActor, code: string): Promise<RecoveryCodes> {
      return db.transaction(async (tx) => {
        const factor = await findFactor(tx, actor.userId, { lock: true })
        if (!factor) throw new SecondFactorNotStartedError()
        if (factor.confirmedAt) throw new SecondFactorAlreadyEnabledError()
        const timeStep = looksLikeTotp(code) ? await verifyTotp(box.open(actor.userId, factor.secret), code, null) : null
        if (timeStep === null) throw new SecondFactorCodeWrongError()
        await confirmFactor(tx, actor.userId, timeStep, now())
        const recoveryCodes = await freshRecoveryCodes(tx, actor.userId)
        await setSessionAuthMethod(tx, actor.sessionId, 'totp')
        await deleteSessionsOfUser(tx, actor.userId, actor.sessionId)
        await recordAudit(tx, actor, { cityId: null, action: 'user.second-factor.enable', entityType: 'user', entityId: actor.userId })
        return { recoveryCodes }
      })
    },

    async regenerateRecoveryCodes (actor: UserActor, password: string): Promise<RecoveryCodes> {
      return db.transaction(async (tx) => {
        await checkPassword(tx, actor.userId, password)
        if (!(await findFactor(tx, actor.userId, { lock: true }))?.confirmedAt) throw new SecondFactorNotEnabledError()
        const recoveryCodes = await freshRecoveryCodes(tx, actor.userId)
        await recordAudit(tx, actor, { cityId: null, action: 'user.second-factor.recovery-codes.regenerate', entityType: 'user', entityId: actor.userId })
        return { recoveryCodes }
      })
    },

    async turnOff (actor: UserActor, password: string) {
      if (secondFactorRequiredFor(requirement, actor)) throw new SecondFactorRequiredError()
      await db.transaction(async (tx) => {
        await checkPassword(tx, actor.userId, password)
        if (!await findFactor(tx, actor.userId, { lock: true })) throw new SecondFactorNotEnabledError()
        await deleteFactor(tx, actor.userId)
        await setSessionAuthMethod(tx, actor.sessionId, 'password')
        await recordAudit(tx, actor, { cityId: null, action: 'user.second-factor.disable', entityType: 'user', entityId: actor.userId })
      })
    },

    /**
     * A platform administrator removes someone's factor (lost phone and codes). Their sessions end; at
     * the next sign-in the password is enough, and where a factor is required they must set up a new one.
     * Every city the person belongs to sees the reset in its audit trail.
     */
    async reset (actor: Actor, userId: number) {
      await db.transaction(async (tx) => {
        const user = await findUser(tx, userId, { forUpdate: true })
        if (!user) throw new AccountNotFoundError(String(userId))
        if (!await findFactor(tx, userId, { lock: true })) throw new SecondFactorNotEnabledError()
        await deleteFactor(tx, userId)
        await deleteSessionsOfUser(tx, userId)
        const cityIds = [...(await cityRoles(tx, userId)).keys()]
        for (const cityId of cityIds.length > 0 ? cityIds : [null]) {
          await recordAudit(tx, actor, { cityId, action: 'user.second-factor.reset', entityType: 'user', entityId: userId })
        }
        await recordAccountMail(tx, mail, { kind: 'second-factor-reset', email: user.email, data: { link: '/anmelden' } })
      })
      mail.wake()
    },
  }
}

// The sign-in's challenge step (session.service.ts) keeps its pending challenges here, next to the factors they check.
export { deleteChallenge, findChallenge, hasConfirmedFactor, insertChallenge } from './second-factor.queries.ts'
