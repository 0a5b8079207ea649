import type { DeepReadonly } from 'vue'
import type { ApiError } from '@/api/http'
import { errorMessageKey } from './errors'

/**
 * The error codes of the incident counts and releases, each explained in `incidents.errorCodes.<CODE>`;
 * every other code falls back to the administration's general messages.
 */
export const incidentErrorCodes = [
  'INCIDENT_PERIOD_TOO_SHORT', 'INCIDENT_PERIOD_OVERLAP', 'INCIDENT_PERIOD_NOT_FOUND', 'INCIDENT_CELL_DUPLICATE', 'FORBIDDEN',
  'INCIDENT_RELEASE_NOT_FOUND', 'INCIDENT_RELEASE_PERIOD_OPEN', 'INCIDENT_RELEASE_PENDING', 'INCIDENT_RELEASE_UNCHANGED',
  'INCIDENT_RELEASE_STATE', 'INCIDENT_RELEASE_AUDIT_STALE',
] as const

const known = new Set<string>(incidentErrorCodes)

export function incidentErrorKey (error: Pick<ApiError, 'status' | 'code'> | DeepReadonly<Pick<ApiError, 'status' | 'code'>>): string {
  return known.has(error.code) ? `incidents.errorCodes.${error.code}` : errorMessageKey(error)
}
