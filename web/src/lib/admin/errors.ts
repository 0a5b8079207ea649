import type { DeepReadonly } from 'vue'
import type { ApiError } from '@/api/http'

/**
 * The API's stable error codes the administration pages can meet, each with its explanation in
 * `admin.errors.<CODE>` (both languages). Codes not listed fall back by HTTP status.
 */
export const knownErrorCodes = [
  'VALIDATION_FAILED', 'INVALID_VALUE', 'VERSION_CONFLICT', 'VERSION_REQUIRED', 'VERSION_MISMATCH', 'INVALID_PRECONDITION',
  'AUTHENTICATION_REQUIRED', 'FORBIDDEN', 'FIELD_NOT_ALLOWED', 'CSRF_FAILED', 'TOO_MANY_REQUESTS', 'BODY_TOO_LARGE',
  'NETWORK_ERROR', 'INTERNAL_ERROR', 'SERVICE_UNAVAILABLE', 'REFERENCE_CONFLICT',
  'CITY_NOT_FOUND', 'PLAN_NOT_FOUND', 'PLAN_PERIOD_INVALID', 'PREDECESSOR_INVALID', 'PLAN_NOT_DRAFT',
  'MEASURE_NOT_FOUND', 'MEASURE_CODE_TAKEN', 'MEASURE_DATES_INVALID', 'SECONDARY_COMMITMENT_INVALID', 'ORGANISATION_UNKNOWN',
  'RELATED_MEASURE_INVALID', 'EXAMPLE_ACTION_UNKNOWN', 'MEASURE_NOT_DELETED', 'STATUS_REASON_REQUIRED',
  'ORGANISATION_NOT_FOUND', 'ORGANISATION_NAME_TAKEN', 'ORGANISATION_IN_USE',
  'USER_NOT_FOUND', 'USER_ALREADY_MEMBER', 'LAST_ADMIN', 'SCOPE_ONLY_FOR_EDITORS', 'PASSWORD_REJECTED',
  'SECOND_FACTOR_NOT_ENABLED', 'SECOND_FACTOR_ENROLMENT_REQUIRED',
  'PASSWORD_LINK_NOT_ALLOWED', 'INVITATION_NOT_FOUND',
  'STEERING_MEMBER_NOT_FOUND', 'STEERING_MEETING_NOT_FOUND', 'STEERING_ATTENDEE_UNKNOWN', 'STEERING_MEASURE_UNKNOWN',
  'IDENTITY_PROVIDER_NOT_FOUND', 'IDENTITY_PROVIDER_ISSUER_INSECURE', 'IDENTITY_PROVIDER_SECRET_KEY_MISSING',
] as const
export type KnownErrorCode = (typeof knownErrorCodes)[number]

const known = new Set<string>(knownErrorCodes)

type ErrorLike = Pick<ApiError, 'status' | 'code'> | DeepReadonly<Pick<ApiError, 'status' | 'code'>>

/** The i18n key of the message that explains an error to the person who made the change. */
export function errorMessageKey (error: ErrorLike): string {
  if (known.has(error.code)) return `admin.errors.${error.code}`
  if (error.status === 0) return 'admin.errors.NETWORK_ERROR'
  if (error.status === 401) return 'admin.errors.AUTHENTICATION_REQUIRED'
  if (error.status === 403) return 'admin.errors.FORBIDDEN'
  if (error.status === 404) return 'admin.errors.notFound'
  if (error.status === 409) return 'admin.errors.conflict'
  if (error.status >= 500) return 'admin.errors.INTERNAL_ERROR'
  return 'admin.errors.unknown'
}

/** Which form field a server error is about: the first segment of `details[0].path` (`/titleDe` → `titleDe`). */
export function errorField (error: Pick<ApiError, 'body'> | null | undefined): string | null {
  const details = (error?.body as { details?: { path?: unknown }[] } | null | undefined)?.details
  const path = Array.isArray(details) ? details[0]?.path : undefined
  if (typeof path !== 'string') return null
  const first = path.split('/').filter((s) => s !== '')[0]
  return first ?? null
}

/** The record as it is now, which a 412 answer carries in `current`; null for any other error. */
export function conflictCurrent<T> (error: unknown): T | null {
  const e = error as Partial<ApiError> | null
  if (!e || e.status !== 412) return null
  const current = (e.body as { current?: unknown } | null | undefined)?.current
  return current === undefined || current === null ? null : current as T
}
