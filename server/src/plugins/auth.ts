import cookie from '@fastify/cookie'
import { createError } from './errors.ts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AuthenticationRequiredError, ForbiddenError, type Actor } from '../auth/actor.ts'
import { secondFactorRequiredFor } from '../auth/second-factor.ts'
import { findSession } from '../auth/sessions.ts'
import { secondFactorRequirement } from '../config.ts'

export type AccessRule = 'public' | 'signed-in' | 'platform-admin'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route at all; city roles are checked where the resource's city is known. */
    access?: AccessRule
    /** False for sign-in and invitation routes, which do not act on an existing session. */
    csrf?: boolean
    /**
     * True for the routes a person who must still set up a second factor may use: the session itself,
     * sign-out and enrolment. Every other route treats them as anonymous (public reads) or refuses (403).
     */
    secondFactorExempt?: boolean
  }
  interface FastifyRequest { actor: Actor, sessionToken: string | null }
  interface FastifyInstance {
    sessionCookie: { name: string, secure: boolean }
    setSessionCookie: (reply: FastifyReply, token: string) => void
    /** Every API route with its access rule, as registered: the permission-matrix test checks it. */
    apiRoutes: { method: string, url: string, access: AccessRule }[]
    clearSessionCookie: (reply: FastifyReply) => void
  }
}

const CsrfError = createError('CSRF_FAILED', 'The request lacks a valid anti-forgery token or comes from another site', 403)
const SecondFactorEnrolmentRequiredError = createError(
  'SECOND_FACTOR_ENROLMENT_REQUIRED', 'Set up a second factor (an authenticator app) and sign in with it before you go on', 403)

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Sessions, access rules and protection against cross-site requests. Every API route must declare
 * an access rule: a route without one fails at start-up (deny by default).
 */
export default fp(async function authPlugin (app: FastifyInstance) {
  const { config } = app
  const secure = config.PUBLIC_ORIGIN!.startsWith('https://')
  // __Host- binds the cookie to this exact origin, but browsers accept it only with Secure.
  const cookieName = secure ? '__Host-sid' : 'sid'
  const limits = { idleMs: config.SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.SESSION_ABSOLUTE_HOURS * 3_600_000 }
  const allowedOrigins = new Set([config.PUBLIC_ORIGIN!])
  const isLocalOrigin = (origin: string) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin)
  const mfaRequirement = secondFactorRequirement(config)

  await app.register(cookie)
  app.decorate('sessionCookie', { name: cookieName, secure })
  app.decorate('setSessionCookie', (reply: FastifyReply, token: string) => {
    reply.setCookie(cookieName, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: limits.absoluteMs / 1000 })
  })
  app.decorate('clearSessionCookie', (reply: FastifyReply) => {
    reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure })
  })
  app.decorateRequest('actor', null as never)
  app.decorateRequest('sessionToken', null)

  app.decorate('apiRoutes', [])
  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')
    if (!isApi) return
    if (!route.config?.access) throw new Error(`Route ${String(route.method)} ${route.url} has no access rule`)
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access: route.config.access })
    }
  })

  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    request.actor = { kind: 'anonymous', requestId: request.id }
    const token = request.cookies[cookieName]
    // Only the API acts on who is asking. The page shell and static files are the same for everyone,
    // and a member's page load would otherwise look the session up once for every file it fetches.
    if (token && request.url.startsWith('/api/')) {
      const session = await findSession(app.db, token, limits)
      if (session) {
        request.sessionToken = token
        request.actor = {
          kind: 'user', requestId: request.id, userId: session.userId, isPlatformAdmin: session.isPlatformAdmin,
          cities: session.cities, sessionId: session.id, csrfToken: session.csrfToken, ssoCityId: session.ssoCityId,
          authMethod: session.authMethod,
        }
      } else {
        app.clearSessionCookie(reply)
      }
    }

    const routeConfig = request.routeOptions.config
    if (!safeMethods.has(request.method)) {
      const origin = request.headers.origin
      if (origin && !allowedOrigins.has(origin) && !(config.NODE_ENV !== 'production' && isLocalOrigin(origin))) throw new CsrfError()
      if (request.actor.kind === 'user' && routeConfig.csrf !== false && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
        throw new CsrfError()
      }
    }

    const access = routeConfig.access
    // A password alone does not open the door for someone who must use a second factor: public reads
    // answer as for a visitor (members would otherwise see internal data), everything else is refused.
    const actor = request.actor
    if (actor.kind === 'user' && actor.authMethod === 'password' && !routeConfig.secondFactorExempt &&
      secondFactorRequiredFor(mfaRequirement, actor)) {
      if (access === undefined || access === 'public') {
        request.actor = { kind: 'anonymous', requestId: request.id }
        return
      }
      throw new SecondFactorEnrolmentRequiredError()
    }
    if (access === undefined || access === 'public') return
    if (request.actor.kind !== 'user') throw new AuthenticationRequiredError()
    if (access === 'platform-admin' && !request.actor.isPlatformAdmin) throw new ForbiddenError('only platform administrators may do this')
  })

  // Answers for a signed-in user may hold internal data; no cache on the way may keep them.
  app.addHook('onSend', async (request, reply) => {
    if (request.actor?.kind === 'user' && request.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
  })
}, { name: 'auth', dependencies: ['config'] })
