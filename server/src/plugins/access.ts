import createError from '@fastify/error'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Who is asking. Until accounts exist there are two kinds of caller: the public, who read published
 * data, and — only when the server runs with DEV_MODE=true — a local developer who may do everything.
 */
export type Actor = { kind: 'public' } | { kind: 'developer' }

declare module 'fastify' {
  interface FastifyRequest { actor: Actor }
  interface FastifyInstance { requireWriteAccess: (request: FastifyRequest) => Promise<void> }
}

export const AuthenticationRequiredError = createError(
  'AUTHENTICATION_REQUIRED',
  'This action needs a signed-in account; for local development start the server with DEV_MODE=true',
  401,
)

/** Internal readers see drafts, non-public measures and internal notes. */
export const canSeeInternal = (actor: Actor) => actor.kind === 'developer'

export default fp(async function accessPlugin (app: FastifyInstance) {
  const devMode = app.config.DEV_MODE
  app.decorateRequest('actor', null as never)
  app.addHook('onRequest', async (request) => {
    request.actor = devMode ? { kind: 'developer' } : { kind: 'public' }
  })
  app.decorate('requireWriteAccess', async (request: FastifyRequest) => {
    if (request.actor.kind !== 'developer') throw new AuthenticationRequiredError()
  })
}, { name: 'access', dependencies: ['config'] })
