import type { Me } from '@eccar/shared'

/**
 * The workspace a person's links lead to: the city of the page they are on when they belong to it
 * (or are platform administrators), else their first city; null when there is none.
 */
export function workspaceCity (user: Me | null, currentCity: string | null): string | null {
  if (!user) return null
  if (currentCity && (user.isPlatformAdmin || user.memberships.some((m) => m.citySlug === currentCity))) return currentCity
  return user.memberships[0]?.citySlug ?? null
}

