import { roleAtLeast, type Role } from '@eccar/shared'
import { createError } from '../plugins/errors.ts'

export type AuthMethod = 'password' | 'totp' | 'sso'

export interface CityRole { role: Role, organisationIds: number[] }

/**
 * Who is asking. `system` is the CLI and the demo loader, which act outside any request.
 * Roles are per city; a platform administrator acts as admin in every city.
 */
export type Actor =
  | { kind: 'anonymous', requestId: string | null }
  | { kind: 'system', requestId: string | null }
  | {
    kind: 'user'
    requestId: string | null
    userId: number
    isPlatformAdmin: boolean
    cities: ReadonlyMap<number, CityRole>
    sessionId: string
    csrfToken: string
    /** The city whose identity provider began this session; such a session acts in that city only. */
    ssoCityId?: number | null
    /** How this session was established; anything but 'password' satisfies a second-factor requirement. */
    authMethod: AuthMethod
  }

export const systemActor: Actor = { kind: 'system', requestId: null }

export const AuthenticationRequiredError = createError('AUTHENTICATION_REQUIRED', 'Sign in to do this', 401)
export const ForbiddenError = createError('FORBIDDEN', 'Your role does not allow this: %s', 403)
export const FieldNotAllowedError = createError('FIELD_NOT_ALLOWED', 'Your role may not change "%s"', 400)


function roleIn (actor: Actor, cityId: number): Role | null {
  if (actor.kind === 'system') return 'admin'
  if (actor.kind !== 'user') return null
  if (actor.isPlatformAdmin) return 'admin'
  return actor.cities.get(cityId)?.role ?? null
}

/** Members of a city (any role) read its drafts, internal measures and internal fields. */
export const canSeeInternal = (actor: Actor, cityId: number) => roleIn(actor, cityId) !== null

/**
 * The cities whose internals the actor reads (the same rule as `canSeeInternal`, for SQL that meets the
 * city only in the database): every city, or a list, empty for the public.
 */
export function internalCities (actor: Actor): 'all' | number[] {
  if (actor.kind === 'system' || (actor.kind === 'user' && actor.isPlatformAdmin)) return 'all'
  return actor.kind === 'user' ? [...actor.cities.keys()] : []
}

/**
 * Another city's resource is "not found", not "forbidden": its existence is not confirmed.
 * Inside the own city a role that is too low gets 403.
 */
export function requireRole (actor: Actor, cityId: number, minimum: Role, notFound: () => Error, what = `needs the ${minimum} role`) {
  if (actor.kind === 'anonymous') throw new AuthenticationRequiredError()
  const role = roleIn(actor, cityId)
  if (role === null) throw notFound()
  if (!roleAtLeast(role, minimum)) throw new ForbiddenError(what)
  return role
}

/** Raw incident counts and unpublished releases: city administrators and the anti-discrimination office (issue 10). */
export function canReadRawIncidents (actor: Actor, cityId: number) {
  const role = roleIn(actor, cityId)
  return role === 'admin' || role === 'incidents'
}

/** Editors limited to chosen organisations may change only measures those bodies lead or join. */
export function organisationScope (actor: Actor, cityId: number): number[] | null {
  if (actor.kind !== 'user' || actor.isPlatformAdmin) return null
  const membership = actor.cities.get(cityId)
  if (!membership || membership.role !== 'editor' || membership.organisationIds.length === 0) return null
  return membership.organisationIds
}

export const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null)
