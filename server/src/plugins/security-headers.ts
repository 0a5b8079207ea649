// Security headers (helmet): https://github.com/fastify/fastify-helmet
import helmetPlugin from '@fastify/helmet'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import helmet from 'helmet'

/** A strict content-security policy the web app (and Swagger UI at /api/docs) works under: nothing inline, nothing third-party. */
function securityHeaderOptions (https: boolean) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' as const },
    crossOriginEmbedderPolicy: false,
  }
}

const isHttps = (app: FastifyInstance) => app.config.PUBLIC_ORIGIN!.startsWith('https://')

/**
 * The same headers for an answer that no route hook sees: Fastify's router answers a malformed URL
 * before any `onRequest` hook runs (see `frameworkErrors` in errors.ts).
 */
export function applySecurityHeaders (request: FastifyRequest, reply: FastifyReply) {
  helmet(securityHeaderOptions(isHttps(request.server)))(request.raw, reply.raw, () => {})
}

export default fp(async function securityHeaders (app: FastifyInstance) {
  await app.register(helmetPlugin, securityHeaderOptions(isHttps(app)))
}, { name: 'security-headers', dependencies: ['config'] })
