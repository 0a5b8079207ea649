import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ReadCache, type ChangeScope } from '../cache/read-cache.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Null when READ_CACHE=false. */
    readCache: ReadCache | null
    /** Tell the read cache that a committed write changed something. */
    dataChanged: (scope: ChangeScope) => void
  }
}

export default fp(async function readCachePlugin (app: FastifyInstance) {
  const cache = app.config.READ_CACHE ? new ReadCache() : null
  app.decorate('readCache', cache)
  app.decorate('dataChanged', (scope: ChangeScope) => cache?.changed(scope))
}, { name: 'read-cache', dependencies: ['config'] })

/**
 * Sends a plan read from the cache, or computes, serialises (through the route's response schema)
 * and keeps it. Errors are never cached. Only the public's answers are cached: what a signed-in
 * user sees depends on their roles in the plan's city, and their traffic is small.
 */
export async function sendCached<T> (request: FastifyRequest, reply: FastifyReply, planId: number, variant: string, compute: () => Promise<T>) {
  const cache = request.actor.kind === 'anonymous' ? request.server.readCache : null
  const ticket = cache?.ticket(planId, variant) ?? null
  reply.type('application/json; charset=utf-8')
  const hit = cache?.get(ticket)
  if (hit !== undefined) return reply.send(hit)
  const body = reply.serialize(await compute()) as string
  cache?.set(ticket, body)
  return reply.send(body)
}
