import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/client.ts'
import type { AuthMethod, CityRole } from './actor.ts'
import { deleteSessionById, deleteSessionsOfUserExcept, findSessionWithRoles, insertSession, listCityRoles, listOrganisationScopes, touchSession } from './sessions.queries.ts'

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
  await insertSession(db, { id: hashToken(token), userId, csrfToken, authMethod, ssoCityId })
  return { token, csrfToken }
}

export async function deleteSession (db: Db, token: string) {
  await deleteSessionById(db, hashToken(token))
}

export async function deleteSessionsOfUser (db: Db, userId: number, exceptSessionId?: string) {
  await deleteSessionsOfUserExcept(db, userId, exceptSessionId)
}

/** The signed-in user behind a cookie token, or null if the session is unknown, idle too long or too old. */
export async function findSession (db: Db, token: string, limits: SessionLimits, now = new Date()) {
  const id = hashToken(token)
  const found = await findSessionWithRoles(db, id)
  if (!found) return null
  const { roleRows, ...row } = found
  const expired = now.getTime() - row.lastSeenAt.getTime() > limits.idleMs || now.getTime() - row.createdAt.getTime() > limits.absoluteMs
  if (expired) {
    await deleteSessionById(db, id)
    return null
  }
  // Writing on every request would double the load; a minute's precision is plenty for a 30-minute idle limit.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) await touchSession(db, id, now)
  const roles = new Map<number, CityRole>(roleRows.map((r) => [r.cityId, { role: r.role, organisationIds: r.organisationIds }]))
  // A city's provider vouches for that city only: its sessions see no other city and no platform rights.
  if (row.ssoCityId !== null) {
    const own = roles.get(row.ssoCityId)
    return Object.assign(row, { isPlatformAdmin: false, cities: new Map(own ? [[row.ssoCityId, own]] : []) })
  }
  // Assigned, not `{ ...row, cities }`: V8 adds properties to a spread copy slowly, on every signed-in request.
  return Object.assign(row, { cities: roles })
}

export async function cityRoles (db: Db, userId: number) {
  const rows = await listCityRoles(db, userId)
  const scopes = await listOrganisationScopes(db, userId)
  return new Map<number, CityRole>(rows.map((row) => [row.cityId, {
    role: row.role,
    organisationIds: scopes.filter((scope) => scope.cityId === row.cityId).map((scope) => scope.organisationId),
  }]))
}
