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

  it('evicts the least recently used entries beyond its bound on bytes, and keeps no answer too large for it', () => {
    const cache = new ReadCache({ maxBytes: 100 })
    for (const key of ['a', 'b', 'c']) cache.set(cache.ticket(1, key), key.repeat(25))
    cache.get(cache.ticket(1, 'a'))
    cache.set(cache.ticket(1, 'd'), 'd'.repeat(25))
    expect(cache.bytes).toBe(100)
    cache.set(cache.ticket(1, 'e'), 'e'.repeat(20))
    expect(cache.get(cache.ticket(1, 'b'))).toBeUndefined()
    expect(cache.get(cache.ticket(1, 'a'))).toBe('a'.repeat(25))
    expect(cache.bytes).toBe(95)
    cache.set(cache.ticket(1, 'f'), 'f'.repeat(26))
    expect(cache.get(cache.ticket(1, 'f'))).toBeUndefined()
    expect(cache.bytes).toBe(95)
    cache.set(cache.ticket(1, 'a'), 'A'.repeat(10))
    expect(cache.get(cache.ticket(1, 'a'))).toBe('A'.repeat(10))
    expect(cache.bytes).toBe(80)
    cache.changed('everything')
    expect(cache.bytes).toBe(0)
  })

  it('looks up the plan of a record once, and again after a change of everything', async () => {
    const cache = new ReadCache()
    let lookups = 0
    const find = async () => { lookups++; return 7 }
    expect(await cache.planOf('measure|1', find)).toBe(7)
    expect(await cache.planOf('measure|1', find)).toBe(7)
    expect(lookups).toBe(1)
    expect(await cache.planOf('measure|2', async () => null)).toBeNull()
    expect(await cache.planOf('measure|2', async () => 8)).toBe(8)
    cache.changed({ planId: 7 })
    expect(await cache.planOf('measure|1', find)).toBe(7)
    expect(lookups).toBe(1)
    cache.changed('everything')
    expect(await cache.planOf('measure|1', find)).toBe(7)
    expect(lookups).toBe(2)
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

  it('runs one computation per ticket at a time: concurrent misses wait for the first', async () => {
    const cache = new ReadCache()
    let computations = 0
    let finish: (body: string) => void = () => {}
    const compute = () => { computations++; return new Promise<string>((resolve) => { finish = resolve }) }
    const ticket = cache.ticket(1, 'progress')
    const readers = Array.from({ length: 20 }, () => cache.load(ticket, compute))
    expect(computations).toBe(1)
    expect(cache.inFlight).toBe(1)
    finish('answer')
    expect(await Promise.all(readers)).toEqual(Array(20).fill('answer'))
    expect(await cache.load(ticket, compute)).toBe('answer')
    expect(computations).toBe(1)
    expect(cache.inFlight).toBe(0)
  })

  it('shares a failed computation with its waiters but keeps nothing of it', async () => {
    const cache = new ReadCache()
    let computations = 0
    const failing = async () => { computations++; throw new Error('no such plan') }
    const ticket = cache.ticket(1, 'detail')
    const results = await Promise.allSettled([cache.load(ticket, failing), cache.load(ticket, failing)])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(computations).toBe(1)
    expect(await cache.load(ticket, async () => 'found')).toBe('found')
  })

  it('does not let readers after a write join a computation that began before it', async () => {
    const cache = new ReadCache()
    let finishOld: (body: string) => void = () => {}
    const old = cache.load(cache.ticket(1, 'x'), () => new Promise<string>((resolve) => { finishOld = resolve }))
    cache.changed({ planId: 1 })
    const fresh = cache.load(cache.ticket(1, 'x'), async () => 'after the write')
    finishOld('before the write')
    expect(await old).toBe('before the write')
    expect(await fresh).toBe('after the write')
    expect(cache.get(cache.ticket(1, 'x'))).toBe('after the write')
  })

  it('refreshes an entry in the background before it expires, so readers do not all miss at once', async () => {
    let now = 0
    const cache = new ReadCache({ ttlMs: 100, now: () => now, random: () => 0 })
    const ticket = () => cache.ticket(1, 'x')
    let computations = 0
    let finish: (body: string) => void = () => {}
    const compute = () => { computations++; return new Promise<string>((resolve) => { finish = resolve }) }
    cache.set(ticket(), 'first')
    now = 69
    expect(await cache.load(ticket(), compute)).toBe('first')
    expect(computations).toBe(0)
    now = 70
    // Due for refresh: every reader still gets the entry at once, and one computation replaces it.
    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.load(ticket(), compute)))
    expect(answers).toEqual(Array(10).fill('first'))
    expect(computations).toBe(1)
    finish('second')
    await new Promise((resolve) => setImmediate(resolve))
    expect(await cache.load(ticket(), compute)).toBe('second')
    expect(computations).toBe(1)
  })

  it('spreads the refresh times of entries filled at the same moment', async () => {
    let now = 0
    const draws = [0, 0.5, 1]
    const cache = new ReadCache({ ttlMs: 100, now: () => now, random: () => draws.shift() ?? 0 })
    for (const variant of ['a', 'b', 'c']) cache.set(cache.ticket(1, variant), variant)
    const refreshed: string[] = []
    const readAll = async () => {
      for (const variant of ['a', 'b', 'c']) await cache.load(cache.ticket(1, variant), async () => { refreshed.push(variant); return variant })
    }
    // Due after 70, 80 and 90 ms: one at a time, not all at once.
    now = 75
    await readAll()
    expect(refreshed).toEqual(['a'])
    now = 85
    await readAll()
    expect(refreshed).toEqual(['a', 'b'])
    now = 95
    await readAll()
    expect(refreshed).toEqual(['a', 'b', 'c'])
  })

  it('round-trips change scopes through notification payloads', () => {
    expect(decodeScope(encodeScope({ planId: 42 }))).toEqual({ planId: 42 })
    expect(decodeScope(encodeScope('everything'))).toBe('everything')
    expect(decodeScope('garbage')).toBe('everything')
  })
})
