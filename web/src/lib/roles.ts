import { roleAtLeast, type Me, type Role } from '@eccar/shared'

/**
 * Who may read and enter raw incident counts: the contract's `rawIncidentRoles`, repeated here as a
 * value because importing it would bring the release schemas (and TypeBox) into the app shell; the
 * type keeps the two lists identical.
 */
export const rawIncidentRoles: (typeof import('@eccar/shared'))['rawIncidentRoles'] = ['admin', 'incidents']

/** The person's role in a city, as the server decides it: a platform administrator acts as admin everywhere. */
export function roleOf (user: Me | null, citySlug: string): Role | null {
  if (!user) return null
  if (user.isPlatformAdmin) return 'admin'
  return user.memberships.find((m) => m.citySlug === citySlug)?.role ?? null
}

/** Whether the person may read and enter the raw incident counts and prepare releases (admin or the office). */
export function canReadRawIncidents (user: Me | null, citySlug: string): boolean {
  const role = roleOf(user, citySlug)
  return role !== null && (rawIncidentRoles as readonly Role[]).includes(role)
}

/** Whether the person may publish an incident release (admins only). */
export const canPublishIncidents = (user: Me | null, citySlug: string) => roleOf(user, citySlug) === 'admin'

/** The bodies an editor is limited to in a city; empty means no limit (all measures of the city). */
export function organisationIdsOf (user: Me | null, citySlug: string): number[] {
  if (!user || user.isPlatformAdmin) return []
  const membership = user.memberships.find((m) => m.citySlug === citySlug)
  if (!membership || membership.role !== 'editor') return []
  return membership.organisations.map((o) => o.id)
}

/** The parts of a measure that decide who may report on it. */
export interface MeasureBodies {
  citySlug: string
  leadOrganisation: { id: number } | null
  involvedOrganisations: readonly { id: number }[]
}

const bodyIds = (measure: MeasureBodies) =>
  [measure.leadOrganisation?.id, ...measure.involvedOrganisations.map((o) => o.id)].filter((id): id is number => id !== undefined)

/**
 * The bodies the person may name as reporting organisation on this measure, in the server's order
 * (lead first): for an editor limited to organisations, those of theirs that lead or join it; otherwise
 * all of the measure's bodies. The first is what the server picks when none is sent.
 */
export function reportingOrganisationIds (user: Me | null, measure: MeasureBodies): number[] {
  const bodies = [...new Set(bodyIds(measure))]
  const scope = organisationIdsOf(user, measure.citySlug)
  return scope.length ? bodies.filter((id) => scope.includes(id)) : bodies
}

/**
 * Whether the person may add status updates to the measure, as the server decides: editor or admin in its
 * city, and an editor limited to organisations only on measures their bodies lead or join.
 */
export function canReport (user: Me | null, measure: MeasureBodies): boolean {
  if (!roleAtLeast(roleOf(user, measure.citySlug), 'editor')) return false
  const scope = organisationIdsOf(user, measure.citySlug)
  return scope.length === 0 || bodyIds(measure).some((id) => scope.includes(id))
}
