import type { CreateCityUser, Role, UpdateCityUser } from '@eccar/shared'
import { and, eq, sql } from 'drizzle-orm'
import { requireRole, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../../auth/audit.ts'
import { checkPasswordPolicy, hashPassword } from '../../auth/passwords.ts'
import { deleteSessionsOfUser } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { membershipOrganisations, memberships, users } from '../../db/schema/index.ts'
import { CityNotFoundError } from '../cities/cities.errors.ts'
import { getCityBySlug } from '../cities/cities.queries.ts'
import { OrganisationUnknownError } from '../measures/measures.errors.ts'
import { existingOrganisationIds } from '../measures/measures.queries.ts'
import { findUserByEmail } from '../session/session.queries.ts'
import { VersionConflictError } from '../shared/versioning.ts'
import { createInvitation } from './invitations.ts'
import { AlreadyMemberError, LastAdminError, ScopeOnlyForEditorsError, UserNotFoundError } from './users.errors.ts'
import { adminCount, findMembership, listCityUsers, replaceScope } from './users.queries.ts'

export function createUsersService (db: Db) {
  /** The city, after checking that the actor administers it (another city's admin gets 404). */
  async function administeredCity (tx: Db, citySlug: string, actor: Actor) {
    const city = await getCityBySlug(tx, citySlug)
    requireRole(actor, city.id, 'admin', () => new CityNotFoundError(citySlug))
    return city
  }

  async function checkScope (tx: Db, cityId: number, role: Role, organisationIds: number[] | undefined) {
    if (!organisationIds?.length) return
    if (role !== 'editor') throw new ScopeOnlyForEditorsError()
    const known = await existingOrganisationIds(tx, cityId, organisationIds)
    const unknown = organisationIds.find((id) => !known.has(id))
    if (unknown !== undefined) throw new OrganisationUnknownError(unknown)
  }

  async function lockMembership (tx: Db, cityId: number, userId: number, expected: number) {
    const membership = await findMembership(tx, cityId, userId)
    if (!membership) throw new UserNotFoundError(userId)
    if (membership.version !== expected) throw new VersionConflictError((await listCityUsers(tx, cityId, userId))[0])
    return membership
  }

  const snapshot = async (tx: Db, cityId: number, userId: number) => (await listCityUsers(tx, cityId, userId))[0] ?? null

  return {
    async list (citySlug: string, actor: Actor) {
      const city = await administeredCity(db, citySlug, actor)
      return listCityUsers(db, city.id)
    },

    async create (citySlug: string, input: CreateCityUser, actor: Actor) {
      return db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        await checkScope(tx, city.id, input.role, input.organisationIds)
        let user = await findUserByEmail(tx, input.email)
        let invitation = null
        if (user) {
          if (await findMembership(tx, city.id, user.id)) throw new AlreadyMemberError(input.email)
        } else {
          if (input.password) checkPasswordPolicy(input.password, { email: input.email, displayName: input.displayName })
          ;[user] = await tx.insert(users).values({
            email: input.email,
            displayName: input.displayName,
            passwordHash: input.password ? await hashPassword(input.password) : null,
          }).returning()
          if (!input.password) invitation = await createInvitation(tx, user!.id)
        }
        await tx.insert(memberships).values({ userId: user!.id, cityId: city.id, role: input.role })
        await replaceScope(tx, city.id, user!.id, input.organisationIds ?? [])
        const after = await snapshot(tx, city.id, user!.id)
        await recordAudit(tx, actor, { cityId: city.id, action: 'membership.create', entityType: 'user', entityId: user!.id, after })
        return { user: after!, invitation }
      })
    },

    async update (citySlug: string, userId: number, input: UpdateCityUser, expected: number, actor: Actor) {
      return db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        const membership = await lockMembership(tx, city.id, userId, expected)
        const before = await snapshot(tx, city.id, userId)
        const role = input.role ?? membership.role
        if (membership.role === 'admin' && role !== 'admin' && await adminCount(tx, city.id) <= 1) throw new LastAdminError()
        // A role change away from editor drops the organisation limit with it.
        const organisationIds = input.organisationIds ?? (role === 'editor' ? before!.organisations.map((o) => o.id) : [])
        await checkScope(tx, city.id, role, organisationIds)
        await tx.update(memberships).set({ role, version: sql`${memberships.version} + 1` })
          .where(and(eq(memberships.cityId, city.id), eq(memberships.userId, userId)))
        await replaceScope(tx, city.id, userId, organisationIds)
        if (input.displayName) await tx.update(users).set({ displayName: input.displayName, updatedAt: new Date() }).where(eq(users.id, userId))
        const after = await snapshot(tx, city.id, userId)
        await recordAudit(tx, actor, { cityId: city.id, action: 'membership.update', entityType: 'user', entityId: userId, before, after })
        return after!
      })
    },

    async remove (citySlug: string, userId: number, expected: number, actor: Actor) {
      await db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        const membership = await lockMembership(tx, city.id, userId, expected)
        if (membership.role === 'admin' && await adminCount(tx, city.id) <= 1) throw new LastAdminError()
        const before = await snapshot(tx, city.id, userId)
        await tx.delete(membershipOrganisations).where(and(eq(membershipOrganisations.cityId, city.id), eq(membershipOrganisations.userId, userId)))
        await tx.delete(memberships).where(and(eq(memberships.cityId, city.id), eq(memberships.userId, userId)))
        // Sessions carry roles loaded per request; ending them makes the change take effect at once everywhere.
        await deleteSessionsOfUser(tx, userId)
        await recordAudit(tx, actor, { cityId: city.id, action: 'membership.delete', entityType: 'user', entityId: userId, before })
      })
    },

    async invite (citySlug: string, userId: number, actor: Actor) {
      return db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        if (!await findMembership(tx, city.id, userId)) throw new UserNotFoundError(userId)
        const invitation = await createInvitation(tx, userId)
        await recordAudit(tx, actor, { cityId: city.id, action: 'user.invitation.create', entityType: 'user', entityId: userId, after: { expiresAt: invitation.expiresAt } })
        return invitation
      })
    },
  }
}
