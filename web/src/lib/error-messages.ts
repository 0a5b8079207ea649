import { errorCodes, type ErrorCode } from '@eccar/shared'
import type { DeepReadonly } from 'vue'
import type { ApiError } from '@/api/http'

/** Codes the web app makes itself: no answer arrived at all (api/http.ts). */
export const clientErrorCodes = ['NETWORK_ERROR'] as const

/** Every code with its own text in `errors.<CODE>` (i18n/locales/errors.*.ts). */
export type ExplainedErrorCode = ErrorCode | (typeof clientErrorCodes)[number]

const explained = new Set<string>([...errorCodes, ...clientErrorCodes])

type ErrorLike = Pick<ApiError, 'status' | 'code'> | DeepReadonly<Pick<ApiError, 'status' | 'code'>>

/**
 * The i18n key of the text that explains an API error, on every page: the code's own text, or (for a
 * code a newer server sends that this build does not know) a text chosen by the HTTP status.
 */
export function errorMessageKey (error: ErrorLike): string {
  if (explained.has(error.code)) return `errors.${error.code}`
  if (error.status === 0) return 'errors.NETWORK_ERROR'
  if (error.status === 401) return 'errors.AUTHENTICATION_REQUIRED'
  if (error.status === 403) return 'errors.FORBIDDEN'
  if (error.status === 404) return 'errors.notFound'
  if (error.status === 409) return 'errors.conflict'
  if (error.status === 412) return 'errors.VERSION_CONFLICT'
  if (error.status === 429) return 'errors.TOO_MANY_REQUESTS'
  if (error.status >= 500) return 'errors.INTERNAL_ERROR'
  return 'errors.unknown'
}
