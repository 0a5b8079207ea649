import { ApiError } from '@/api/http'

export type LoadStatus = 'idle' | 'loading' | 'error'

/** Anything thrown by a load becomes an ApiError, so views only ever handle one error type. */
export function toApiError (error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(0, 'UNKNOWN_ERROR', error instanceof Error ? error.message : String(error))
}
