import type { ApiError as ApiErrorBody } from '@eccar/shared'

const baseUrl: string = import.meta.env.VITE_API_BASE_URL ?? '/api'

/** A failed request: the API's error code, or `NETWORK_ERROR` when no answer arrived at all. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly requestId: string | undefined
  /** The parsed error body as the API sent it (a 412 carries the record as it is now in `current`). */
  readonly body: unknown
  /** Seconds to wait before trying again, from a Retry-After header (429); undefined when absent. */
  readonly retryAfterSeconds: number | undefined

  constructor (status: number, code: string, message: string, requestId?: string, body: unknown = null, retryAfterSeconds?: number) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.requestId = requestId
    this.body = body
    this.retryAfterSeconds = retryAfterSeconds
  }
}

export type QueryValue = string | number | readonly (string | number)[] | undefined

/** Repeats array values (`?status=a&status=b`), as the API expects; drops undefined and empty values. */
export function toSearchParams (query: Record<string, QueryValue>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value]
    for (const v of values) if (v !== undefined && v !== '') params.append(key, String(v))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

// The anti-forgery token of the current session (from GET /api/session). Kept in memory only:
// never in a cookie we can read, never in web storage.
let csrfToken: string | null = null

/** The session store sets this after loading or changing the session; every write sends it. */
export function setCsrfToken (token: string | null) {
  csrfToken = token
}

/** For writes that cannot go through fetch (uploads with progress events use XMLHttpRequest). */
export const currentCsrfToken = (): string | null => csrfToken

export const apiUrl = (path: string): string => `${baseUrl}${path}`

function parseRetryAfter (value: string | null): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

async function request<T> (url: string, init: RequestInit): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, init)
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'Network error')
  }
  if (response.status === 204) {
    if (!response.ok) throw new ApiError(response.status, 'HTTP_ERROR', response.statusText)
    return undefined as T
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const err = (body ?? {}) as Partial<ApiErrorBody>
    throw new ApiError(response.status, err.code ?? 'HTTP_ERROR', err.message ?? response.statusText, err.requestId, body,
      parseRetryAfter(response.headers.get('retry-after')))
  }
  return body as T
}

export async function getJson<T> (path: string, query: Record<string, QueryValue> = {}, signal?: AbortSignal): Promise<T> {
  return request<T>(`${baseUrl}${path}${toSearchParams(query)}`, { headers: { accept: 'application/json' }, signal })
}

export type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/**
 * A write: JSON body, the session's anti-forgery token, and for versioned records `If-Match: "<version>"`.
 * A 204 answer resolves to undefined.
 */
export async function sendJson<T> (method: WriteMethod, path: string, body?: unknown, options: { ifMatch?: number } = {}): Promise<T> {
  // The server refuses `content-type: application/json` with an empty body (EMPTY_BODY), so body-less
  // writes (DELETE, restore, new invitation) send no content type.
  const headers: Record<string, string> = body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' }
  if (csrfToken) headers['x-csrf-token'] = csrfToken
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`
  return request<T>(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** A write whose body is a file as it is (its own Content-Type), versioned like `sendJson`. */
export async function sendFile<T> (method: WriteMethod, path: string, file: Blob, options: { ifMatch?: number } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' }
  if (csrfToken) headers['x-csrf-token'] = csrfToken
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`
  return request<T>(`${baseUrl}${path}`, { method, headers, body: file })
}
