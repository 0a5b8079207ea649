/**
 * Answers of public plan reads (plan and measure details, progress, measure lists), kept as serialised JSON.
 *
 * Correctness rests on generations, not on deleting entries: a reader captures a ticket (which
 * includes the plan's generation) before it touches the database, and a write bumps the generation
 * after it commits. A read that raced a write therefore stores its answer under a ticket nobody
 * asks for again, and can never bring old data back. Entries also expire after about `ttlMs` as a
 * bound on staleness should a change ever bypass the application (e.g. a manual SQL fix).
 *
 * No stampede: `load` runs one computation per ticket at a time, and every reader who misses while it
 * runs waits for that one (after a write, the first readers of the new generation share one query).
 * Expiry does not make readers miss: after a random 70–90 % of `ttlMs` an entry is due for refresh,
 * and the first reader after that gets the entry at once while one computation replaces it in the
 * background. Only an entry nobody read for its whole lifetime is missed. The bound on staleness
 * stays `ttlMs`; a write's new generation is never answered from before it.
 */
export interface ReadCacheOptions<V = string> {
  maxEntries?: number
  /**
   * Bound on what the entries hold together, as `sizeOf` counts it (default 32 MB). The entry count
   * alone is no bound on memory: in a network of many cities, 2,000 answers of a plan's 40 KB would be 80 MB.
   */
  maxBytes?: number
  /** The size of one entry in bytes, about; by default a string's length (V8 keeps Latin-1 text in one byte a character). */
  sizeOf?: (value: V) => number
  ttlMs?: number
  now?: () => number
  /** Source of randomness for the spread of refresh times (tests fix it). */
  random?: () => number
}

export type ChangeScope = { planId: number } | 'everything'

/** `V` is what one entry holds: by default the serialised answer. */
export class ReadCache<V = string> {
  readonly #entries = new Map<string, { body: V, bytes: number, refreshAt: number, expiresAt: number }>()
  #bytes = 0
  readonly #inFlight = new Map<string, Promise<V>>()
  readonly #planGenerations = new Map<number, number>()
  /** The plan of each record asked about (a measure's never changes), so a cached read needs no query. */
  readonly #plansOf = new Map<string, number>()
  #generation = 0
  #available = true
  /**
   * Set by the change feed on PostgreSQL: resolves once every change committed before the call has
   * been heard, so a read on this instance never misses a write another instance already confirmed.
   */
  fence: (() => Promise<void>) | null = null
  readonly #maxEntries: number
  readonly #maxBytes: number
  readonly #sizeOf: (value: V) => number
  readonly #ttlMs: number
  readonly #now: () => number
  readonly #random: () => number

  constructor (options: ReadCacheOptions<V> = {}) {
    this.#maxEntries = options.maxEntries ?? 2_000
    this.#maxBytes = options.maxBytes ?? 32 * 1024 * 1024
    this.#sizeOf = options.sizeOf ?? ((value) => (typeof value === 'string' ? value.length : 0))
    this.#ttlMs = options.ttlMs ?? 30_000
    this.#now = options.now ?? Date.now
    this.#random = options.random ?? Math.random
  }

  /** Take before reading the database; `variant` names the endpoint, audience and query. */
  ticket (planId: number, variant: string): string | null {
    if (!this.#available) return null
    return `${this.#generation}|${planId}|${this.#planGenerations.get(planId) ?? 0}|${variant}`
  }

  /** The entry, if any (no refresh, no waiting). */
  get (ticket: string | null): V | undefined {
    return this.#lookup(ticket)?.body
  }

  #lookup (ticket: string | null): { body: V, stale: boolean } | undefined {
    if (ticket === null) return undefined
    const entry = this.#entries.get(ticket)
    if (!entry) return undefined
    const now = this.#now()
    if (entry.expiresAt <= now) {
      this.#remove(ticket)
      return undefined
    }
    // Re-insert so the Map's order stays least-recently-used first.
    this.#entries.delete(ticket)
    this.#entries.set(ticket, entry)
    return { body: entry.body, stale: entry.refreshAt <= now }
  }

  /**
   * The entry for `ticket`, computed by `compute` at most once at a time: concurrent callers who miss
   * share the first one's computation (and its error, which is not kept). An entry due for refresh
   * is answered at once while one background computation replaces it. Without a ticket (cache
   * bypassed) it simply computes.
   */
  async load (ticket: string | null, compute: () => Promise<V>): Promise<V> {
    if (ticket === null) return compute()
    const found = this.#lookup(ticket)
    if (found && !found.stale) return found.body
    const running = this.#inFlight.get(ticket) ?? this.#start(ticket, compute)
    if (found) {
      running.catch(() => {})
      return found.body
    }
    return running
  }

  #start (ticket: string, compute: () => Promise<V>): Promise<V> {
    const running = compute().then((body) => {
      this.set(ticket, body)
      return body
    }).finally(() => this.#inFlight.delete(ticket))
    this.#inFlight.set(ticket, running)
    return running
  }

  /**
   * The plan `record` belongs to, for records that never move to another plan (measures): looked up
   * with `find` the first time, then remembered, so that a cached answer of such a record is found
   * without a query. Forgotten on a change of everything (and beyond 20,000 records); an unknown
   * record (null) is not remembered.
   */
  async planOf (record: string, find: () => Promise<number | null>): Promise<number | null> {
    const known = this.#plansOf.get(record)
    if (known !== undefined) return known
    const planId = await find()
    if (planId !== null) {
      if (this.#plansOf.size >= 20_000) this.#plansOf.clear()
      this.#plansOf.set(record, planId)
    }
    return planId
  }

  /** Computations running now (one per ticket at most). */
  get inFlight () {
    return this.#inFlight.size
  }

  set (ticket: string | null, body: V) {
    if (ticket === null || !this.#available) return
    const now = this.#now()
    const bytes = this.#sizeOf(body)
    // An answer larger than a quarter of the whole would push out most others for one reader's sake.
    if (bytes > this.#maxBytes / 4) return
    this.#remove(ticket)
    // Spread over 70–90 % of the lifetime, so entries filled together are not all refreshed together.
    this.#entries.set(ticket, { body, bytes, refreshAt: now + this.#ttlMs * (0.7 + 0.2 * this.#random()), expiresAt: now + this.#ttlMs })
    this.#bytes += bytes
    // Least recently used first (the Map's order).
    while (this.#entries.size > this.#maxEntries || this.#bytes > this.#maxBytes) this.#remove(this.#entries.keys().next().value!)
  }

  #remove (ticket: string) {
    const entry = this.#entries.get(ticket)
    if (!entry) return
    this.#entries.delete(ticket)
    this.#bytes -= entry.bytes
  }

  changed (scope: ChangeScope) {
    if (scope === 'everything') {
      this.#generation++
      this.#entries.clear()
      this.#bytes = 0
      this.#plansOf.clear()
    } else {
      this.#planGenerations.set(scope.planId, (this.#planGenerations.get(scope.planId) ?? 0) + 1)
    }
  }

  /** While other instances' changes cannot be heard, nothing is served from or kept in the cache. */
  setAvailable (available: boolean) {
    if (available !== this.#available) this.changed('everything')
    this.#available = available
  }

  get size () {
    return this.#entries.size
  }

  /** What the entries hold together, as `sizeOf` counts it. */
  get bytes () {
    return this.#bytes
  }
}

export const changeChannel = 'eccar_changes'

export const encodeScope = (scope: ChangeScope) => (scope === 'everything' ? '*' : `plan:${scope.planId}`)

export function decodeScope (payload: string): ChangeScope {
  const match = /^plan:(\d+)$/.exec(payload)
  return match ? { planId: Number(match[1]) } : 'everything'
}
