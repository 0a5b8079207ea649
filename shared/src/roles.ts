import type { Role } from './vocabulary.ts'

/**
 * How far a role reaches within a city. The anti-discrimination office ranks like a viewer for
 * everything but the raw incident counts, whose right comes from `rawIncidentRoles`.
 *
 * Plain data: the server's access checks and the web app's navigation both read this one table.
 */
export const roleRank: Readonly<Record<Role, number>> = { viewer: 1, incidents: 1, editor: 2, admin: 3 }

/** True when `role` is at least `minimum` (viewer = incidents < editor < admin); no role never suffices. */
export function roleAtLeast (role: Role | null, minimum: Role): boolean {
  return role !== null && roleRank[role] >= roleRank[minimum]
}
