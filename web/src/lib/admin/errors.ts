import type { ApiError } from '@/api/http'

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
