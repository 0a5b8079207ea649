import { afterEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from './http'
import { addStatusUpdate, getStatusHistoryPage, listAllMeasures } from './measures'

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('getStatusHistoryPage', () => {
  it('asks for the address the server named, with its cursor', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(JSON.stringify({ items: [], next: null }), { status: 200, headers: { 'content-type': 'application/json' } }))
    vi.stubGlobal('fetch', fetchMock)
    expect(await getStatusHistoryPage('/api/measures/4/status-history?before=2024-05-01~2')).toEqual({ items: [], next: null })
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/measures/4/status-history?before=2024-05-01%7E2')
  })
})

describe('listAllMeasures', () => {
  it('pages through the list, asking for the organisations repeated', async () => {
    const page = (n: number, offset: number) => ({ items: Array.from({ length: n }, (_, i) => ({ id: offset + i + 1 })), total: 130, limit: 100, offset })
    const fetchMock = vi.fn()
      .mockResolvedValueOnce(json(page(100, 0)))
      .mockResolvedValueOnce(json(page(30, 100)))
    vi.stubGlobal('fetch', fetchMock)
    const items = await listAllMeasures(1, [5, 7])
    expect(items).toHaveLength(130)
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([
      '/api/plans/1/measures?organisation=5&organisation=7&limit=100&offset=0',
      '/api/plans/1/measures?organisation=5&organisation=7&limit=100&offset=100',
    ])
  })
})

describe('addStatusUpdate', () => {
  it('posts the report with the version as If-Match', async () => {
    const fetchMock = vi.fn().mockResolvedValue(json({ entry: {}, measure: {} }, 201))
    vi.stubGlobal('fetch', fetchMock)
    setCsrfToken('t')
    await addStatusUpdate(1, { status: 'done', progress: 100 }, 4)
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/measures/1/status-updates')
    expect(init).toMatchObject({ method: 'POST', headers: { 'if-match': '"4"', 'x-csrf-token': 't' } })
  })
})
