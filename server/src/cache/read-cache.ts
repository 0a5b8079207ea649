/**
 * Answers of public plan reads (plan and measure details, progress, measure lists), kept as serialised JSON.
 *
 * Correctness rests on generations, not on deleting entries: a reader captures a ticket (which
 * includes the plan's generation) before it touches the database, and a write bumps the generation
 * after it commits. A read that raced a write therefore stores its answer under a ticket nobody
 * asks for again, and can never bring old data back. Entries also expire after `ttlMs` as a bound on
 * staleness should a change ever bypass the application (e.g. a manual SQL fix).
 */
export interface ReadCacheOptions {
  maxEntries?: number
  ttlMs?: number
  now?: () => number
}

export type ChangeScope = { planId: number } | 'everything'

/** `V` is what one entry holds: by default the serialised answer. */
export class ReadCache<V = string> {
  readonly #entries = new Map<string, { body: V, expiresAt: number }>()
  readonly #planGenerations = new Map<number, number>()
  #generation = 0
  #available = true
  /**
   * Set by the change feed on PostgreSQL: resolves once every change committed before the call has
   * been heard, so a read on this instance never misses a write another instance already confirmed.
   */
  fence: (() => Promise<void>) | null = null
  readonly #maxEntries: number
  readonly #ttlMs: number
  readonly #now: () => number

  constructor (options: ReadCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 2_000
    this.#ttlMs = options.ttlMs ?? 30_000
    this.#now = options.now ?? Date.now
  }

  /** Take before reading the database; `variant` names the endpoint, audience and query. */
  ticket (planId: number, variant: string): string | null {
    if (!this.#available) return null
    return `${this.#generation}|${planId}|${this.#planGenerations.get(planId) ?? 0}|${variant}`
  }

  get (ticket: string | null): V | undefined {
    if (ticket === null) return undefined
    const entry = this.#entries.get(ticket)
    if (!entry) return undefined
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(ticket)
      return undefined
    }
    // Re-insert so the Map's order stays least-recently-used first.
    this.#entries.delete(ticket)
    this.#entries.set(ticket, entry)
    return entry.body
  }

  set (ticket: string | null, body: V) {
    if (ticket === null || !this.#available) return
    this.#entries.set(ticket, { body, expiresAt: this.#now() + this.#ttlMs })
    if (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!)
  }

  changed (scope: ChangeScope) {
    if (scope === 'everything') {
      this.#generation++
      this.#entries.clear()
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
}

export const changeChannel = 'eccar_changes'

export const encodeScope = (scope: ChangeScope) => (scope === 'everything' ? '*' : `plan:${scope.planId}`)

export function decodeScope (payload: string): ChangeScope {
  const match = /^plan:(\d+)$/.exec(payload)
  return match ? { planId: Number(match[1]) } : 'everything'
}
