// Security headers (helmet): https://helmetjs.github.io/
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

type HeaderWriter = ReturnType<typeof helmet>
const writers = new WeakMap<FastifyInstance, HeaderWriter>()

/**
 * helmet's middleware, built once per app. (@fastify/helmet builds it anew on every request, parsing
 * the policy each time: a tenth of the CPU of a measure page under load.)
 */
function headerWriter (app: FastifyInstance): HeaderWriter {
  let writer = writers.get(app)
  if (!writer) {
    writer = helmet(securityHeaderOptions(isHttps(app)))
    writers.set(app, writer)
  }
  return writer
}

/**
 * The same headers for an answer that no route hook sees: Fastify's router answers a malformed URL
 * before any `onRequest` hook runs (see `frameworkErrors` in errors.ts).
 */
export function applySecurityHeaders (request: FastifyRequest, reply: FastifyReply) {
  headerWriter(request.server)(request.raw, reply.raw, () => {})
}

export default fp(async function securityHeaders (app: FastifyInstance) {
  const write = headerWriter(app)
  // On the raw response when the request arrives, so every answer has them, errors included; a route
  // with a policy of its own (the embeddable widget) replaces them.
  app.addHook('onRequest', (request, reply, done) => write(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)))
}, { name: 'security-headers', dependencies: ['config'] })
