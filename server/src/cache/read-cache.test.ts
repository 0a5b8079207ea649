import { describe, expect, it } from 'vitest'
import { decodeScope, encodeScope, ReadCache } from './read-cache.ts'

describe('ReadCache', () => {
  it('serves what was stored under the same ticket', () => {
    const cache = new ReadCache()
    const ticket = cache.ticket(1, 'progress')
    cache.set(ticket, '{"a":1}')
    expect(cache.get(cache.ticket(1, 'progress'))).toBe('{"a":1}')
    expect(cache.get(cache.ticket(1, 'measures'))).toBeUndefined()
    expect(cache.get(cache.ticket(2, 'progress'))).toBeUndefined()
  })

  it('never serves an answer computed before a change, even if it is stored after it', () => {
    const cache = new ReadCache()
    const before = cache.ticket(1, 'progress')
    cache.changed({ planId: 1 })
    cache.set(before, 'old')
    expect(cache.get(cache.ticket(1, 'progress'))).toBeUndefined()
  })

  it('keeps other plans\' answers when one plan changes, and drops all on a global change', () => {
    const cache = new ReadCache()
    cache.set(cache.ticket(1, 'x'), 'one')
    cache.set(cache.ticket(2, 'x'), 'two')
    cache.changed({ planId: 1 })
    expect(cache.get(cache.ticket(2, 'x'))).toBe('two')
    cache.changed('everything')
    expect(cache.get(cache.ticket(2, 'x'))).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('lets entries expire', () => {
    let now = 1_000
    const cache = new ReadCache({ ttlMs: 100, now: () => now })
    cache.set(cache.ticket(1, 'x'), 'body')
    now += 99
    expect(cache.get(cache.ticket(1, 'x'))).toBe('body')
    now += 1
    expect(cache.get(cache.ticket(1, 'x'))).toBeUndefined()
  })

  it('evicts the least recently used entry beyond its size', () => {
    const cache = new ReadCache({ maxEntries: 2 })
    cache.set(cache.ticket(1, 'a'), 'a')
    cache.set(cache.ticket(1, 'b'), 'b')
    cache.get(cache.ticket(1, 'a'))
    cache.set(cache.ticket(1, 'c'), 'c')
    expect(cache.get(cache.ticket(1, 'a'))).toBe('a')
    expect(cache.get(cache.ticket(1, 'b'))).toBeUndefined()
    expect(cache.size).toBe(2)
  })

  it('is bypassed while changes of other instances cannot be heard', () => {
    const cache = new ReadCache()
    cache.set(cache.ticket(1, 'x'), 'body')
    cache.setAvailable(false)
    expect(cache.ticket(1, 'x')).toBeNull()
    cache.set(cache.ticket(1, 'x'), 'while down')
    cache.setAvailable(true)
    expect(cache.get(cache.ticket(1, 'x'))).toBeUndefined()
  })

  it('round-trips change scopes through notification payloads', () => {
    expect(decodeScope(encodeScope({ planId: 42 }))).toEqual({ planId: 42 })
    expect(decodeScope(encodeScope('everything'))).toBe('everything')
    expect(decodeScope('garbage')).toBe('everything')
  })
})
