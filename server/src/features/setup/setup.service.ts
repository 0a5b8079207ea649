import type { CompleteSetup, SetupState } from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { checkPasswordPolicy, hashPassword } from '../../auth/passwords.ts'
import { createSession, deleteSession, hashToken, newToken } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { createCity } from '../cities/cities.service.ts'
import { buildMe, findUserByEmail, insertUser } from '../session/session.service.ts'
import { SetupCityRequiredError, SetupLinkInvalidError } from './setup.errors.ts'
import { cityCount, findValidSetupToken, hasNoAdministrator, makePlatformAdmin, replaceSetupToken, useSetupToken } from './setup.queries.ts'

export const setupLinkValidityMs = 24 * 3_600_000

/**
 * At start: while the platform has no administrator at all, a fresh one-time setup link (valid 24 h)
 * replaces any earlier one. Returns the path to print, or null when someone can already administer.
 */
export async function createSetupLinkIfNeeded (db: Db, now = new Date()) {
  return db.transaction(async (tx) => {
    if (!await hasNoAdministrator(tx)) return null
    const token = newToken()
    await replaceSetupToken(tx, { tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + setupLinkValidityMs), createdAt: now })
    return `/setup/${token}`
  })
}

export function createSetupService (db: Db, now: () => Date = () => new Date()) {
  return {
    async state (token: string): Promise<SetupState> {
      if (!await findValidSetupToken(db, token, now()) || !await hasNoAdministrator(db)) throw new SetupLinkInvalidError()
      return { needsCity: await cityCount(db) === 0 }
    },

    /** Creates the first platform administrator (and the first city if there is none), then signs in. */
    async complete (input: CompleteSetup, actor: Actor, previousToken: string | null) {
      const userId = await db.transaction(async (tx) => {
        const setup = await findValidSetupToken(tx, input.token, now())
        // The CLI may have created an administrator meanwhile: the link then has done its job.
        if (!setup || !await hasNoAdministrator(tx)) throw new SetupLinkInvalidError()
        if (await cityCount(tx) === 0 && !input.city) throw new SetupCityRequiredError()
        checkPasswordPolicy(input.password, { email: input.email, displayName: input.displayName })
        const existing = await findUserByEmail(tx, input.email)
        let id: number
        if (existing) {
          // An account without any admin right (say, from an earlier attempt) becomes the administrator.
          await makePlatformAdmin(tx, existing.id, { displayName: input.displayName, passwordHash: await hashPassword(input.password) }, now())
          id = existing.id
        } else {
          id = await insertUser(tx, {
            email: input.email, displayName: input.displayName, passwordHash: await hashPassword(input.password), isPlatformAdmin: true,
          })
        }
        await useSetupToken(tx, setup.tokenHash, now())
        const system: Actor = { kind: 'anonymous', requestId: actor.requestId }
        await recordAudit(tx, system, { cityId: null, action: 'user.create-admin', entityType: 'user', entityId: id, after: { email: input.email, platformAdmin: true, source: 'setup-link' } })
        if (input.city && await cityCount(tx) === 0) {
          await createCity(tx, input.city, system)
        }
        return id
      })
      if (previousToken) await deleteSession(db, previousToken)
      const { token, csrfToken } = await createSession(db, userId)
      return { token, session: { user: await buildMe(db, userId), csrfToken } }
    },
  }
}
