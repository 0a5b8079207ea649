import { createHash, randomBytes } from 'node:crypto'
import { and, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { preparedPerHandle } from '../db/prepared.ts'
import { cities, membershipOrganisations, memberships, sessions, users } from '../db/schema/index.ts'
import type { Role } from '@eccar/shared'
import type { AuthMethod, CityRole } from './actor.ts'

export const newToken = () => randomBytes(32).toString('base64url')
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export interface SessionLimits { idleMs: number, absoluteMs: number }

/**
 * A new session with a fresh id and anti-forgery token; the cookie carries the token, the table its hash.
 * A session begun through a city's identity provider (`ssoCityId`) carries that city's role only.
 */
export async function createSession (db: Db, userId: number, { authMethod = 'password', ssoCityId = null }: { authMethod?: AuthMethod, ssoCityId?: number | null } = {}) {
  const token = newToken()
  const csrfToken = newToken()
  await db.insert(sessions).values({ id: hashToken(token), userId, csrfToken, authMethod, ssoCityId })
  return { token, csrfToken }
}

export async function deleteSession (db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)))
}

export async function deleteSessionsOfUser (db: Db, userId: number, exceptSessionId?: string) {
  const all = eq(sessions.userId, userId)
  await db.delete(sessions).where(exceptSessionId ? and(all, ne(sessions.id, exceptSessionId)) : all)
}

/** The user's roles per city with their organisation scopes, as JSON built in the database (one round trip with the session). */
const rolesOfUser = sql<{ cityId: number, role: Role, organisationIds: number[] }[]>`coalesce((
  select json_agg(json_build_object('cityId', m.city_id, 'role', m.role, 'organisationIds', coalesce((
    select json_agg(o.organisation_id) from membership_organisations o where o.user_id = m.user_id and o.city_id = m.city_id
  ), '[]'::json)))
  from memberships m where m.user_id = ${users.id}
), '[]'::json)`

/**
 * The signed-in user behind a cookie token, or null if the session is unknown, idle too long or too old.
 * Session, user and roles come in one statement, built once per database handle (prepared): every
 * signed-in request asks this first.
 */
const sessionQuery = preparedPerHandle((db) => db.select({
  id: sessions.id, csrfToken: sessions.csrfToken, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt,
  ssoCityId: sessions.ssoCityId, authMethod: sessions.authMethod, userId: users.id, isPlatformAdmin: users.isPlatformAdmin,
  roleRows: rolesOfUser,
}).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sql.placeholder('id'))).prepare('session_by_id'))

export async function findSession (db: Db, token: string, limits: SessionLimits, now = new Date()) {
  const id = hashToken(token)
  const [found] = await sessionQuery(db).execute({ id })
  if (!found) return null
  const { roleRows, ...row } = found
  const expired = now.getTime() - row.lastSeenAt.getTime() > limits.idleMs || now.getTime() - row.createdAt.getTime() > limits.absoluteMs
  if (expired) {
    await db.delete(sessions).where(eq(sessions.id, id))
    return null
  }
  // Writing on every request would double the load; a minute's precision is plenty for a 30-minute idle limit.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id))
  }
  const roles = new Map<number, CityRole>(roleRows.map((r) => [r.cityId, { role: r.role, organisationIds: r.organisationIds }]))
  // A city's provider vouches for that city only: its sessions see no other city and no platform rights.
  if (row.ssoCityId !== null) {
    const own = roles.get(row.ssoCityId)
    return { ...row, isPlatformAdmin: false, cities: new Map(own ? [[row.ssoCityId, own]] : []) }
  }
  return { ...row, cities: roles }
}

export async function cityRoles (db: Db, userId: number) {
  const rows = await db.select({ cityId: memberships.cityId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId))
  const scopes = await db.select().from(membershipOrganisations).where(eq(membershipOrganisations.userId, userId))
  return new Map<number, CityRole>(rows.map((row) => [row.cityId, {
    role: row.role,
    organisationIds: scopes.filter((scope) => scope.cityId === row.cityId).map((scope) => scope.organisationId),
  }]))
}

export async function membershipsOf (db: Db, userId: number) {
  return db.select({ cityId: cities.id, citySlug: cities.slug, cityName: cities.name, role: memberships.role })
    .from(memberships).innerJoin(cities, eq(cities.id, memberships.cityId)).where(eq(memberships.userId, userId))
}
