import { AttentionLimits } from '@eccar/shared'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'

/** The workspace's filters, kept in the address (`?stelle=5&monate=12`): one body, and months until "stale". */
export interface WorkspaceFilters {
  organisation: number | null
  staleMonths: number | null
}

const first = (value: LocationQuery[string] | undefined) => (Array.isArray(value) ? value[0] : value)
const whole = (value: LocationQuery[string] | undefined) => {
  const raw = first(value)
  return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null
}

export function workspaceFiltersFromQuery (query: LocationQuery): WorkspaceFilters {
  const organisation = whole(query.stelle)
  const months = whole(query.monate)
  return {
    organisation: organisation !== null && organisation >= 1 ? organisation : null,
    staleMonths: months !== null && months >= AttentionLimits.staleMonthsMin && months <= AttentionLimits.staleMonthsMax ? months : null,
  }
}

export function workspaceFiltersToQuery (filters: WorkspaceFilters): LocationQueryRaw {
  return {
    ...(filters.organisation === null ? {} : { stelle: String(filters.organisation) }),
    ...(filters.staleMonths === null ? {} : { monate: String(filters.staleMonths) }),
  }
}

/**
 * The bodies the lists ask for: the chosen one (a limited editor only among their own), else the editor's
 * bodies, else none (all measures).
 */
export function organisationsToAsk (filters: WorkspaceFilters, ownBodies: readonly number[]): number[] {
  if (filters.organisation === null) return [...ownBodies]
  if (ownBodies.length && !ownBodies.includes(filters.organisation)) return [...ownBodies]
  return [filters.organisation]
}
