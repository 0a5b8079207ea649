import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ReadCache, type ChangeScope } from '../cache/read-cache.ts'
import { setVersionTag } from '../features/common/versioning.ts'
import { SerialisedAnswer } from '../lib/serialised-answer.ts'

/** A serialised public answer, with the version its ETag names for records that have one. */
export interface CachedAnswer {
  body: string
  version?: number
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Null when READ_CACHE=false. */
    readCache: ReadCache<CachedAnswer> | null
    /** Tell the read cache that a committed write changed something. */
    dataChanged: (scope: ChangeScope) => void
  }
}

export default fp(async function readCachePlugin (app: FastifyInstance) {
  const cache = app.config.READ_CACHE ? new ReadCache<CachedAnswer>({ sizeOf: (answer) => answer.body.length }) : null
  app.decorate('readCache', cache)
  app.decorate('dataChanged', (scope: ChangeScope) => cache?.changed(scope))
}, { name: 'read-cache', dependencies: ['config'] })

/**
 * Sends a plan read from the cache, or computes, serialises (through the route's response schema)
 * and keeps it. Errors are never cached. Only the public's answers are cached: what a signed-in
 * user sees depends on their roles in the plan's city, and their traffic is small. `planId` null
 * means not cacheable (the record's plan is unknown); `version` sets the ETag of versioned records.
 * A `SerialisedAnswer` is sent (and kept) as its text.
 * Concurrent misses of one answer share one computation (see `ReadCache.load`).
 */
export async function sendCached<T> (
  request: FastifyRequest, reply: FastifyReply, planId: number | null, variant: string, compute: () => Promise<T>,
  options: { version?: (value: T) => number } = {},
) {
  const cache = request.actor.kind === 'anonymous' && planId !== null ? request.server.readCache : null
  if (cache?.fence) await cache.fence()
  const ticket = cache?.ticket(planId!, variant) ?? null
  const produce = async (): Promise<CachedAnswer> => {
    const value = await compute()
    if (value instanceof SerialisedAnswer) return { body: value.body, version: value.version }
    return { body: reply.serialize(value) as string, version: options.version?.(value) }
  }
  const answer = cache ? await cache.load(ticket, produce) : await produce()
  reply.type('application/json; charset=utf-8')
  if (answer.version !== undefined) setVersionTag(reply, answer.version)
  return reply.send(answer.body)
}
