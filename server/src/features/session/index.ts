import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AcceptInvitationSchema, ApiErrorSchema, ChangePasswordSchema, SessionSchema, SignInSchema } from '@eccar/shared'
import type { FastifyReply } from 'fastify'
import { AuthenticationRequiredError } from '../../auth/actor.ts'
import { NoContentSchema, writeErrorResponses } from '../shared/schemas.ts'
import { TooManyAttemptsError } from './session.errors.ts'
import { createSessionService, type SignInResult } from './session.service.ts'

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createSessionService(app.db)
  const respond = (reply: FastifyReply, result: SignInResult) => {
    app.setSessionCookie(reply, result.token)
    return reply.send(result.session)
  }

  app.get('/session', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Who is signed in, and the anti-forgery token for writes', response: { 200: SessionSchema } },
  }, async (request) => service.current(request.actor))

  app.post('/session', {
    config: { access: 'public', csrf: false },
    schema: {
      tags: ['session'],
      summary: 'Sign in',
      description: 'Sets an HttpOnly session cookie. After 10 failed attempts in 15 minutes for one account or one address, further attempts get 429 until the window has passed.',
      body: SignInSchema,
      response: { 200: SessionSchema, ...writeErrorResponses, 429: ApiErrorSchema },
    },
  }, async (request, reply) => {
    try {
      const result = await service.signIn(request.body, request.ip, request.sessionToken)
      request.log.info({ event: 'sign-in', outcome: 'success', userId: result.userId }, 'signed in')
      return respond(reply, result)
    } catch (error) {
      const outcome = error instanceof TooManyAttemptsError ? 'throttled' : 'failure'
      request.log.warn({ event: 'sign-in', outcome, ip: request.ip }, 'sign-in refused')
      if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds))
      throw error
    }
  })

  app.delete('/session', {
    config: { access: 'signed-in' },
    schema: { tags: ['session'], summary: 'Sign out', response: { 204: NoContentSchema, ...writeErrorResponses } },
  }, async (request, reply) => {
    await service.signOut(request.sessionToken!)
    app.clearSessionCookie(reply)
    request.log.info({ event: 'sign-out', userId: request.actor.kind === 'user' ? request.actor.userId : null }, 'signed out')
    return reply.code(204).send(null)
  })

  app.put('/session/password', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['session'],
      summary: 'Change your own password (ends your other sessions)',
      body: ChangePasswordSchema,
      response: { 204: NoContentSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    if (request.actor.kind !== 'user') throw new AuthenticationRequiredError()
    await service.changePassword(request.actor, request.body)
    return reply.code(204).send(null)
  })

  app.post('/invitations/accept', {
    config: { access: 'public', csrf: false },
    schema: {
      tags: ['session'],
      summary: 'Set your password with a one-time invitation link, and sign in',
      body: AcceptInvitationSchema,
      response: { 200: SessionSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => respond(reply, await service.acceptInvitation(request.body.token, request.body.password, request.actor, request.sessionToken)))
}

export default sessionRoutes
