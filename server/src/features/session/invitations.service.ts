import type { InvitationInfo, Session } from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import { checkPasswordPolicy, hashPassword } from '../../auth/passwords.ts'
import { createSession, deleteSession, deleteSessionsOfUser, hashToken } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { acceptCityInvitation, findCityInvitationByToken, recordAuditForPerson } from '../users/users.service.ts'
import { InvitationInvalidError, InvitationSignInRequiredError } from './session.errors.ts'
import { buildMe, cityName, findOpenPasswordLink, findUser, findUserByEmail, insertUser, setPasswordHash, usePasswordLink } from './session.queries.ts'
import type { SignInResult } from './session.service.ts'

/**
 * The two kinds of links: a password link for an account (from the CLI or a platform administrator),
 * and a city's invitation of an address. A city invitation never sets the password of an existing
 * account: its holder signs in with that account and accepts.
 */
export function createInvitationsService (db: Db, now: () => Date = () => new Date()) {
  async function startSession (userId: number, previousToken: string | null): Promise<SignInResult> {
    if (previousToken) await deleteSession(db, previousToken)
    const { token, csrfToken } = await createSession(db, userId)
    return { token, userId, session: { user: await buildMe(db, userId), csrfToken } }
  }

  const passwordLink = (tx: Db, token: string) => findOpenPasswordLink(tx, hashToken(token), now())

  async function validCityInvitation (tx: Db, token: string) {
    const row = await findCityInvitationByToken(tx, token)
    return row && row.expiresAt > now() ? row : undefined
  }

  return {
    async info (token: string): Promise<InvitationInfo> {
      if (await passwordLink(db, token)) return { kind: 'password', cityName: null, role: null, needsPassword: true }
      const invitation = await validCityInvitation(db, token)
      if (!invitation) throw new InvitationInvalidError()
      return { kind: 'city', cityName: await cityName(db, invitation.cityId), role: invitation.role, needsPassword: !await findUserByEmail(db, invitation.email) }
    },

    /** Sets the password with a password link, or creates the account a city invited; then signs in. */
    async accept (token: string, password: string, actor: Actor, previousToken: string | null) {
      const anonymous: Actor = { kind: 'anonymous', requestId: actor.requestId }
      const userId = await db.transaction(async (tx) => {
        const link = await passwordLink(tx, token)
        if (link) {
          const user = await findUser(tx, link.userId, { forUpdate: true })
          checkPasswordPolicy(password, { email: user!.email, displayName: user!.displayName })
          await setPasswordHash(tx, user!.id, await hashPassword(password), now())
          await usePasswordLink(tx, link.tokenHash, now())
          await deleteSessionsOfUser(tx, user!.id)
          await recordAuditForPerson(tx, anonymous, user!.id, { action: 'user.invitation.accept' })
          return user!.id
        }
        const invitation = await validCityInvitation(tx, token)
        if (!invitation) throw new InvitationInvalidError()
        if (await findUserByEmail(tx, invitation.email)) throw new InvitationSignInRequiredError()
        checkPasswordPolicy(password, { email: invitation.email, displayName: invitation.displayName })
        const userId = await insertUser(tx, {
          email: invitation.email, displayName: invitation.displayName, passwordHash: await hashPassword(password),
        })
        await acceptCityInvitation(tx, invitation, userId, anonymous)
        return userId
      })
      return startSession(userId, previousToken)
    },

    /** The signed-in person accepts a city's invitation of their own address. */
    async join (token: string, actor: Actor & { kind: 'user' }): Promise<Session> {
      await db.transaction(async (tx) => {
        const invitation = await validCityInvitation(tx, token)
        const me = await findUser(tx, actor.userId)
        // Someone else's invitation is "invalid" for this account: whose it is stays unsaid.
        if (!invitation || invitation.email.toLowerCase() !== me!.email.toLowerCase()) throw new InvitationInvalidError()
        await acceptCityInvitation(tx, invitation, actor.userId, actor)
      })
      return { user: await buildMe(db, actor.userId), csrfToken: actor.csrfToken }
    },
  }
}
