import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ReadCache, type ChangeScope } from '../cache/read-cache.ts'
import { setVersionTag } from '../features/common/versioning.ts'

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
  const cache = app.config.READ_CACHE ? new ReadCache<CachedAnswer>() : null
  app.decorate('readCache', cache)
  app.decorate('dataChanged', (scope: ChangeScope) => cache?.changed(scope))
}, { name: 'read-cache', dependencies: ['config'] })

/**
 * Sends a plan read from the cache, or computes, serialises (through the route's response schema)
 * and keeps it. Errors are never cached. Only the public's answers are cached: what a signed-in
 * user sees depends on their roles in the plan's city, and their traffic is small. `planId` null
 * means not cacheable (the record's plan is unknown); `version` sets the ETag of versioned records.
 */
export async function sendCached<T> (
  request: FastifyRequest, reply: FastifyReply, planId: number | null, variant: string, compute: () => Promise<T>,
  options: { version?: (value: T) => number } = {},
) {
  const cache = request.actor.kind === 'anonymous' && planId !== null ? request.server.readCache : null
  if (cache?.fence) await cache.fence()
  const ticket = cache?.ticket(planId!, variant) ?? null
  reply.type('application/json; charset=utf-8')
  const hit = cache?.get(ticket)
  if (hit !== undefined) {
    if (hit.version !== undefined) setVersionTag(reply, hit.version)
    return reply.send(hit.body)
  }
  const value = await compute()
  const version = options.version?.(value)
  if (version !== undefined) setVersionTag(reply, version)
  const body = reply.serialize(value) as string
  cache?.set(ticket, { body, version })
  return reply.send(body)
}
