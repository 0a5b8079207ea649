import { afterEach, describe, expect, it, vi } from 'vitest'
import { getStatusHistoryPage } from './measures'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('getStatusHistoryPage', () => {
  it('asks for the address the server named, with its cursor', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(JSON.stringify({ items: [], next: null }), { status: 200, headers: { 'content-type': 'application/json' } }))
    vi.stubGlobal('fetch', fetchMock)
    expect(await getStatusHistoryPage('/api/measures/4/status-history?before=2024-05-01~2')).toEqual({ items: [], next: null })
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/measures/4/status-history?before=2024-05-01%7E2')
  })
})
