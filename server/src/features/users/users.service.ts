import type { CreateCityUser, Role, UpdateCityUser } from '@eccar/shared'
import { and, eq } from 'drizzle-orm'
import { FieldNotAllowedError, userIdOf, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { deleteSessionsOfUser } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { memberships } from '../../db/schema/index.ts'
import { getCityAs } from '../cities/cities.service.ts'
import { existingOrganisationIds, OrganisationUnknownError } from '../measures/measures.service.ts'
import { findUserByEmail } from '../session/session.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { updateVersioned } from '../common/versioned-write.queries.ts'
import { listPendingInvitations, upsertCityInvitation } from './city-invitations.ts'
import { deletePendingInvitation, findPendingInvitation } from './invitations.queries.ts'
import { createInvitation } from './invitations.ts'
import { recordAuditForPerson } from './person-audit.ts'
import { AlreadyMemberError, LastAdminError, PasswordLinkNotAllowedError, PendingInvitationNotFoundError, ScopeOnlyForEditorsError, UserNotFoundError } from './users.errors.ts'
import { recordAccountMail, type MailDesk } from '../notifications/notifications.service.ts'
import {
  accountBeyondCity, adminCount, deleteMembership, emailOf, findMembership, hasNoAccessLeft, listCityUsers, replaceScope, setDisplayName,
} from './users.queries.ts'

export function createUsersService (db: Db, mail: MailDesk) {
  /** The city, after checking that the actor administers it (another city's admin gets 404). */
  const administeredCity = (tx: Db, citySlug: string, actor: Actor) => getCityAs(tx, citySlug, actor, 'admin')

  async function checkScope (tx: Db, cityId: number, role: Role, organisationIds: number[] | undefined) {
    if (!organisationIds?.length) return
    if (role !== 'editor') throw new ScopeOnlyForEditorsError()
    const known = await existingOrganisationIds(tx, cityId, organisationIds)
    const unknown = organisationIds.find((id) => !known.has(id))
    if (unknown !== undefined) throw new OrganisationUnknownError(unknown)
  }

  /** The membership locked for a versioned write; the city's administrator has been checked by `administeredCity`. */
  const lockMembership = (tx: Db, cityId: number, userId: number, expected: number | undefined) => lockVersioned({
    lock: () => findMembership(tx, cityId, userId),
    notFound: () => new UserNotFoundError(userId),
    check: () => undefined,
    expected,
    current: async () => (await listCityUsers(tx, cityId, userId))[0],
  })

  const snapshot = async (tx: Db, cityId: number, userId: number) => (await listCityUsers(tx, cityId, userId))[0] ?? null

  return {
    async list (citySlug: string, actor: Actor) {
      const city = await administeredCity(db, citySlug, actor)
      return { items: await listCityUsers(db, city.id), pending: await listPendingInvitations(db, city.id) }
    },

    /**
     * Invites the address to the city. Whether it has an account changes nothing in the answer or in
     * the account: the person accepts with the link (a new account chooses its password there, an
     * existing one signs in), so no admin can take over an account by adding its address.
     */
    async create (citySlug: string, input: CreateCityUser, actor: Actor) {
      const result = await db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        await checkScope(tx, city.id, input.role, input.organisationIds)
        const user = await findUserByEmail(tx, input.email)
        // Its own members the admin sees in the list anyway; this reveals nothing beyond the city.
        if (user && await findMembership(tx, city.id, user.id)) throw new AlreadyMemberError(input.email)
        const created = await upsertCityInvitation(tx, city.id, input, userIdOf(actor))
        await recordAudit(tx, actor, { cityId: city.id, action: 'membership.invite', entityType: 'invitation', entityId: created.pending.id, after: created.pending })
        await recordAccountMail(tx, mail, { kind: 'invitation', email: input.email, cityId: city.id, data: { cityName: city.name, link: created.link.path, expiresAt: created.link.expiresAt.slice(0, 10) } })
        return created
      })
      mail.wake()
      return result
    },
    async update (citySlug: string, userId: number, input: UpdateCityUser, expected: number | undefined, actor: Actor) {
      return db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        const membership = await lockMembership(tx, city.id, userId, expected)
        const before = await snapshot(tx, city.id, userId)
        if (input.displayName !== undefined && !(actor.kind === 'user' && actor.isPlatformAdmin) && actor.kind !== 'system') {
          throw new FieldNotAllowedError('displayName')
        }
        const role = input.role ?? membership.role
        if (membership.role === 'admin' && role !== 'admin' && await adminCount(tx, city.id) <= 1) throw new LastAdminError()
        // A role change away from editor drops the organisation limit with it.
        const organisationIds = input.organisationIds ?? (role === 'editor' ? before!.organisations.map((o) => o.id) : [])
        await checkScope(tx, city.id, role, organisationIds)
        await updateVersioned(tx, memberships, and(eq(memberships.cityId, city.id), eq(memberships.userId, userId))!, membership.version, { role })
        await replaceScope(tx, city.id, userId, organisationIds)
        if (input.displayName) await setDisplayName(tx, userId, input.displayName)
        const after = await snapshot(tx, city.id, userId)
        await recordAudit(tx, actor, { cityId: city.id, action: 'membership.update', entityType: 'user', entityId: userId, before, after })
        return after!
      })
    },

    async remove (citySlug: string, userId: number, expected: number | undefined, actor: Actor) {
      await db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        const membership = await lockMembership(tx, city.id, userId, expected)
        if (membership.role === 'admin' && await adminCount(tx, city.id) <= 1) throw new LastAdminError()
        const before = await snapshot(tx, city.id, userId)
        await deleteMembership(tx, city.id, userId)
        // Sessions load roles per request, so access to this city ends at once while other cities'
        // access goes on; only someone left with no access anywhere is signed out.
        if (await hasNoAccessLeft(tx, userId)) await deleteSessionsOfUser(tx, userId)
        await recordAudit(tx, actor, { cityId: city.id, action: 'membership.delete', entityType: 'user', entityId: userId, before })
      })
    },

    /**
     * A link to set the password of a member's account. City admins get it only for an account that has
     * no password yet and belongs to no other city (one they created and nobody else relies on);
     * everything else only the person (a reset) or a platform administrator may start.
     */
    async invite (citySlug: string, userId: number, actor: Actor) {
      const result = await db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        if (!await findMembership(tx, city.id, userId)) throw new UserNotFoundError(userId)
        const isPlatformAdmin = actor.kind === 'system' || (actor.kind === 'user' && actor.isPlatformAdmin)
        if (!isPlatformAdmin) {
          const account = await accountBeyondCity(tx, userId, city.id)
          if (account.hasPassword || account.isPlatformAdmin || account.otherCities > 0) throw new PasswordLinkNotAllowedError()
        }
        const invitation = await createInvitation(tx, userId)
        await recordAuditForPerson(tx, actor, userId, { action: 'user.invitation.create', after: { expiresAt: invitation.expiresAt } })
        await recordAccountMail(tx, mail, { kind: 'invitation', email: await emailOf(tx, userId), cityId: city.id, data: { cityName: city.name, link: invitation.path, expiresAt: invitation.expiresAt.slice(0, 10) } })
        return invitation
      })
      mail.wake()
      return result
    },
    async withdraw (citySlug: string, invitationId: number, actor: Actor) {
      await db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        const row = await findPendingInvitation(tx, city.id, invitationId)
        if (!row) throw new PendingInvitationNotFoundError(invitationId)
        await deletePendingInvitation(tx, row.id)
        await recordAudit(tx, actor, { cityId: city.id, action: 'membership.invite.withdraw', entityType: 'invitation', entityId: row.id, before: { email: row.email, role: row.role } })
      })
    },
  }
}

// What sign-in, invitations and password resets (session, sso) use of a city's people: the import boundary lets
// them reach users only through this file.
export { acceptCityInvitation, findCityInvitationByToken } from './city-invitations.ts'
export { findOpenInvitationByEmail } from './invitations.queries.ts'
export { createInvitation } from './invitations.ts'
export { recordAuditForPerson } from './person-audit.ts'
export { adminCount, findMembership, insertMembership, listCityUsers } from './users.queries.ts'
