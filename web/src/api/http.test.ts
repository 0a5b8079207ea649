import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, getJson, sendJson, setCsrfToken, toSearchParams } from './http'

const respond = (status: number, body: unknown) =>
  vi.fn().mockResolvedValue(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('toSearchParams', () => {
  it('repeats array values and drops empty ones', () => {
    expect(toSearchParams({ commitment: [3], status: ['done', 'planned'], q: '', type: undefined, limit: 50 }))
      .toBe('?commitment=3&status=done&status=planned&limit=50')
    expect(toSearchParams({})).toBe('')
  })
})

describe('getJson', () => {
  it('returns the parsed body of a successful answer', async () => {
    const fetchMock = respond(200, { items: [] })
    vi.stubGlobal('fetch', fetchMock)
    await expect(getJson('/cities')).resolves.toEqual({ items: [] })
    expect(fetchMock).toHaveBeenCalledWith('/api/cities', expect.objectContaining({ headers: { accept: 'application/json' } }))
  })

  it('throws an ApiError with the API\'s code when the answer is an error', async () => {
    vi.stubGlobal('fetch', respond(404, { statusCode: 404, code: 'MEASURE_NOT_FOUND', error: 'Not Found', message: 'Measure 9 not found', requestId: 'r-1' }))
    const error = await getJson('/measures/9').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 404, code: 'MEASURE_NOT_FOUND', requestId: 'r-1' })
  })

  it('says HTTP_ERROR when an error answer is not the API\'s JSON', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>', { status: 502, statusText: 'Bad Gateway' })))
    await expect(getJson('/plans/1')).rejects.toMatchObject({ status: 502, code: 'HTTP_ERROR' })
  })

  it('says NETWORK_ERROR when no answer arrives', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    await expect(getJson('/plans/1')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' })
  })
})

describe('sendJson', () => {
  it('sends JSON with the anti-forgery token and the version as If-Match', async () => {
    const fetchMock = respond(200, { id: 7 })
    vi.stubGlobal('fetch', fetchMock)
    setCsrfToken('tok-1')
    await expect(sendJson('POST', '/measures/7/status-updates', { status: 'done' }, { ifMatch: 3 })).resolves.toEqual({ id: 7 })
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/measures/7/status-updates')
    expect(init.method).toBe('POST')
    expect(init.body).toBe('{"status":"done"}')
    expect(init.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': 'tok-1', 'if-match': '"3"' })
  })

  it('sends no token before a session is known, and none after it is cleared', async () => {
    const fetchMock = respond(200, {})
    vi.stubGlobal('fetch', fetchMock)
    await sendJson('POST', '/session', { email: 'a', password: 'b' })
    setCsrfToken('tok-2')
    setCsrfToken(null)
    await sendJson('DELETE', '/session')
    for (const [, init] of fetchMock.mock.calls as [string, RequestInit][]) {
      expect(init.headers).not.toHaveProperty('x-csrf-token')
      expect(init.headers).not.toHaveProperty('if-match')
    }
    expect((fetchMock.mock.calls[1] as [string, RequestInit])[1].body).toBeUndefined()
  })

  it('sends no content type with a body-less write (the server refuses an empty JSON body)', async () => {
    const fetchMock = respond(200, {})
    vi.stubGlobal('fetch', fetchMock)
    await sendJson('POST', '/measures/4/restore', undefined, { ifMatch: 2 })
    expect((fetchMock.mock.calls[0] as [string, RequestInit])[1].headers).toEqual({ accept: 'application/json', 'if-match': '"2"' })
  })

  it('resolves a 204 answer to undefined', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 204 })))
    await expect(sendJson('DELETE', '/session')).resolves.toBeUndefined()
  })

  it('keeps the error body, so a 412 answer\'s current record is reachable', async () => {
    const body = { statusCode: 412, code: 'VERSION_CONFLICT', error: 'Precondition Failed', message: 'changed', current: { id: 7, version: 4 } }
    vi.stubGlobal('fetch', respond(412, body))
    const error = await sendJson('POST', '/measures/7/status-updates', {}, { ifMatch: 3 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 412, code: 'VERSION_CONFLICT', body })
  })

  it('reads the wait time of a 429 answer from Retry-After', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ code: 'TOO_MANY_ATTEMPTS', message: 'wait' }), {
      status: 429, headers: { 'content-type': 'application/json', 'retry-after': '540' },
    })))
    await expect(sendJson('POST', '/session', {})).rejects.toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 540 })
  })

  it('says NETWORK_ERROR when no answer arrives', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    await expect(sendJson('PUT', '/session/password', {})).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' })
  })
})
