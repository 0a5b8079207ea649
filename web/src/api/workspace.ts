import type { PlanAttention } from '@eccar/shared'
import { getJson } from './http'

/** `staleMonths`: months without a report until a measure counts as stale (default: the city's setting). */
export const getAttention = (planId: number, organisation?: number, staleMonths?: number) =>
  getJson<PlanAttention>(`/plans/${planId}/attention`, { organisation, ...(staleMonths === undefined ? {} : { staleMonths }) })
