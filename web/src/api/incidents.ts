import type { PublicIncidents } from '@eccar/shared'
import { getJson } from './http'

/**
 * The city's published incident releases (newest version of each period) and one release's views,
 * withheld figures without a count: the given release, or the newest period's when none is given.
 */
export const publicIncidents = (city: string, release?: number, signal?: AbortSignal) =>
  getJson<PublicIncidents>(`/cities/${encodeURIComponent(city)}/incidents/public`, { release }, signal)
