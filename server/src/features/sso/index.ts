import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorSchema, CityParamsSchema, IdentityProviderSchema, PublicIdentityProviderListSchema, PublicIdentityProviderQuerySchema,
  PutIdentityProviderSchema, SsoCallbackQuerySchema, SsoStartQuerySchema,
} from '@eccar/shared'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { errorResponses, NoContentSchema, versionedWriteResponses, writeErrorResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import { createProviderClients } from './sso.client.ts'
import { SsoRefusal } from './sso.errors.ts'
import { createSsoService, pendingLoginMs } from './sso.service.ts'

const RedirectSchema = Type.Null({ description: 'Redirect (Location header)' })

/**
 * Single sign-on with a city's own OpenID Connect provider (authorisation code + PKCE): the city
 * admin's settings, the list for the sign-in page, and the browser's way through the provider.
 */
const ssoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app
  const service = createSsoService(app.db, {
    publicOrigin: config.PUBLIC_ORIGIN!,
    secretKey: config.SECRET_KEY,
    nodeEnv: config.NODE_ENV,
    clients: createProviderClients({ secretKey: config.SECRET_KEY, nodeEnv: config.NODE_ENV }),
  })
  const secure = app.sessionCookie.secure
  const pendingCookie = secure ? '__Host-sso' : 'sso'
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure }

  /** Failed sign-ins end on the sign-in page, which explains the code; never a raw library error. */
  const toSignInPage = (reply: FastifyReply, code: string, citySlug: string) =>
    reply.redirect(`/anmelden?${new URLSearchParams({ sso_error: code, city: citySlug })}`, 302)

  app.get('/cities/:city/identity-provider', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['sso'],
      summary: 'The city\'s identity provider for single sign-on (admins; the client secret is never returned)',
      params: CityParamsSchema,
      response: { 200: IdentityProviderSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const provider = await service.get(request.params.city, request.actor)
    setVersionTag(reply, provider.version)
    return provider
  })

  app.put('/cities/:city/identity-provider', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['sso'],
      summary: 'Set up or change the city\'s identity provider (admins)',
      description: 'Without stored settings send no version; to change them send the version you read (If-Match or "version").',
      params: CityParamsSchema,
      body: PutIdentityProviderSchema,
      response: { 200: IdentityProviderSchema, 201: IdentityProviderSchema, ...versionedWriteResponses(IdentityProviderSchema) },
    },
  }, async (request, reply) => {
    const { created, provider } = await service.put(request.params.city, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, provider.version)
    return reply.code(created ? 201 : 200).send(provider)
  })

  app.delete('/cities/:city/identity-provider', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['sso'],
      summary: 'Remove the city\'s identity provider (admins); its people sign in with passwords again',
      params: CityParamsSchema,
      response: { 204: NoContentSchema, ...versionedWriteResponses(IdentityProviderSchema) },
    },
  }, async (request, reply) => {
    await service.remove(request.params.city, expectedVersion(request), request.actor)
    return reply.code(204).send(null)
  })

  app.get('/identity-providers', {
    config: { access: 'public' },
    schema: {
      tags: ['sso'],
      summary: 'Cities whose staff can sign in with their own identity provider (for the sign-in page), by name, page by page',
      querystring: PublicIdentityProviderQuerySchema,
      response: { 200: PublicIdentityProviderListSchema, 400: ApiErrorSchema },
    },
  }, async (request) => service.listPublic(request.query))

  app.get('/auth/oidc/:city/start', {
    config: { access: 'public' },
    schema: {
      tags: ['sso'],
      summary: 'Begin signing in through the city\'s identity provider (a browser navigation, answered with a redirect)',
      params: CityParamsSchema,
      querystring: SsoStartQuerySchema,
      response: { 302: RedirectSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    try {
      const { url, browserToken } = await service.start(request.params.city, request.query.returnTo)
      reply.setCookie(pendingCookie, browserToken, { ...cookieOptions, maxAge: pendingLoginMs / 1000 })
      return reply.redirect(url, 302)
    } catch (error) {
      if (!(error instanceof SsoRefusal)) throw error
      request.log.warn({ event: 'sso-start', outcome: error.code, detail: error.detail }, 'single sign-on could not start')
      return toSignInPage(reply, error.code, request.params.city)
    }
  })

  app.get('/auth/oidc/:city/callback', {
    config: { access: 'public' },
    schema: {
      tags: ['sso'],
      summary: 'Where the identity provider sends the browser back; signs in and redirects to the page asked for',
      params: CityParamsSchema,
      querystring: SsoCallbackQuerySchema,
      response: { 302: RedirectSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const browserToken = request.cookies[pendingCookie]
    reply.clearCookie(pendingCookie, cookieOptions)
    const queryStart = request.url.indexOf('?')
    try {
      const result = await service.callback({
        citySlug: request.params.city,
        browserToken,
        search: queryStart === -1 ? '' : request.url.slice(queryStart),
        query: request.query,
        ip: request.ip,
        requestId: request.id,
        previousSessionToken: request.sessionToken,
      })
      app.setSessionCookie(reply, result.token)
      request.log.info({ event: 'sign-in', method: 'sso', outcome: 'success', userId: result.userId, cityId: result.cityId }, 'signed in through the identity provider')
      return reply.redirect(result.returnTo, 302)
    } catch (error) {
      if (!(error instanceof SsoRefusal)) throw error
      request.log.warn({ event: 'sign-in', method: 'sso', outcome: error.code, detail: error.detail, ip: request.ip }, 'single sign-on refused')
      return toSignInPage(reply, error.code, request.params.city)
    }
  })
}

export default ssoRoutes
