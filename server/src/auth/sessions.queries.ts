import { and, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { preparedPerHandle } from '../db/prepared.ts'
import { cities, membershipOrganisations, memberships, sessions, users } from '../db/schema/index.ts'
import type { Role } from '@eccar/shared'
import type { AuthMethod } from './actor.ts'

export async function insertSession (db: Db, session: { id: string, userId: number, csrfToken: string, authMethod: AuthMethod, ssoCityId: number | null }) {
  await db.insert(sessions).values(session)
}

export async function deleteSessionById (db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id))
}

export async function deleteSessionsOfUserExcept (db: Db, userId: number, exceptSessionId?: string) {
  const all = eq(sessions.userId, userId)
  await db.delete(sessions).where(exceptSessionId ? and(all, ne(sessions.id, exceptSessionId)) : all)
}

export async function touchSession (db: Db, id: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id))
}

/** The user's roles per city with their organisation scopes, as JSON built in the database (one round trip with the session). */
const rolesOfUser = sql<{ cityId: number, role: Role, organisationIds: number[] }[]>`coalesce((
  select json_agg(json_build_object('cityId', m.city_id, 'role', m.role, 'organisationIds', coalesce((
    select json_agg(o.organisation_id) from membership_organisations o where o.user_id = m.user_id and o.city_id = m.city_id
  ), '[]'::json)))
  from memberships m where m.user_id = ${users.id}
), '[]'::json)`

/**
 * Session, user and roles in one statement, built once per database handle (prepared): every signed-in
 * request asks this first.
 */
const sessionQuery = preparedPerHandle((db) => db.select({
  id: sessions.id, csrfToken: sessions.csrfToken, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt,
  ssoCityId: sessions.ssoCityId, authMethod: sessions.authMethod, userId: users.id, isPlatformAdmin: users.isPlatformAdmin,
  roleRows: rolesOfUser,
}).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sql.placeholder('id'))).prepare('session_by_id'))

export async function findSessionWithRoles (db: Db, id: string) {
  const [found] = await sessionQuery(db).execute({ id })
  return found ?? null
}

export async function listCityRoles (db: Db, userId: number) {
  return db.select({ cityId: memberships.cityId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId))
}

export async function listOrganisationScopes (db: Db, userId: number) {
  return db.select().from(membershipOrganisations).where(eq(membershipOrganisations.userId, userId))
}

export async function membershipsOf (db: Db, userId: number) {
  return db.select({ cityId: cities.id, citySlug: cities.slug, cityName: cities.name, role: memberships.role })
    .from(memberships).innerJoin(cities, eq(cities.id, memberships.cityId)).where(eq(memberships.userId, userId))
}
