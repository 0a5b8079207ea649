import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AcceptInvitationSchema, ApiErrorSchema, ChangePasswordSchema, InvitationInfoSchema, InvitationTokenParamsSchema, JoinCitySchema,
  PasswordResetAcceptedSchema, PasswordResetConfirmSchema, PasswordResetRequestSchema, SecondFactorCodeInputSchema, SessionSchema, SignInSchema,
} from '@eccar/shared'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AuthenticationRequiredError } from '../../auth/actor.ts'
import { createSecretBox } from '../../auth/second-factor.ts'
import { secondFactorRequirement } from '../../config.ts'
import { NoContentSchema, writeErrorResponses } from '../common/schemas.ts'
import { createInvitationsService } from './invitations.service.ts'
import { mailChannel } from './password-reset.channel.ts'
import { createPasswordResetService } from './password-reset.service.ts'
import { TooManyAttemptsError, TooManyResetsError } from './session.errors.ts'
import { challengeMinutes, createSessionService, type ChallengeResult, type SignInResult } from './session.service.ts'

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createSessionService(app.db, { requirement: secondFactorRequirement(app.config), box: createSecretBox(app.config.SECRET_KEY) })
  const invitationsService = createInvitationsService(app.db)
  const resetService = createPasswordResetService(app.db, mailChannel(app.mail), app.config.PUBLIC_ORIGIN!)
  const { secure } = app.sessionCookie
  // The wait for the second factor: its own short-lived cookie, never a session.
  const challengeCookie = secure ? '__Host-sid-2fa' : 'sid-2fa'
  const challengeCookieOptions = { path: '/', httpOnly: true, sameSite: 'strict', secure } as const
  const respond = (reply: FastifyReply, result: SignInResult | ChallengeResult) => {
    if ('challengeToken' in result) {
      reply.setCookie(challengeCookie, result.challengeToken, { ...challengeCookieOptions, maxAge: challengeMinutes * 60 })
    } else {
      app.setSessionCookie(reply, result.token)
      if (reply.request.cookies[challengeCookie] !== undefined) reply.clearCookie(challengeCookie, challengeCookieOptions)
    }
    return reply.send(result.session)
  }
  const refused = (request: FastifyRequest, reply: FastifyReply, error: unknown, event: string) => {
    const outcome = error instanceof TooManyAttemptsError ? 'throttled' : 'failure'
    request.log.warn({ event, outcome, ip: request.ip }, 'sign-in refused')
    if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds))
  }

  app.get('/session', {
    config: { access: 'public', secondFactorExempt: true },
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
      const outcome = 'challengeToken' in result ? 'second-factor-needed' : 'success'
      request.log.info({ event: 'sign-in', outcome, userId: result.userId }, outcome === 'success' ? 'signed in' : 'password accepted')
      return respond(reply, result)
    } catch (error) {
      refused(request, reply, error, 'sign-in')
      throw error
    }
  })

  app.post('/session/second-factor', {
    config: { access: 'public', csrf: false, secondFactorExempt: true },
    schema: {
      tags: ['session'],
      summary: 'Finish signing in with a code from the authenticator app or a recovery code',
      description: `Needs the cookie set by POST /api/session when it answered secondFactorRequired (valid ${challengeMinutes} minutes). Wrong codes count towards the sign-in throttle.`,
      body: SecondFactorCodeInputSchema,
      response: { 200: SessionSchema, ...writeErrorResponses, 429: ApiErrorSchema },
    },
  }, async (request, reply) => {
    try {
      const result = await service.completeSignIn(request.cookies[challengeCookie] ?? null, request.body.code, request.ip, request.sessionToken, request.id)
      request.log.info({ event: 'sign-in-second-factor', outcome: 'success', userId: result.userId }, 'signed in')
      return respond(reply, result)
    } catch (error) {
      refused(request, reply, error, 'sign-in-second-factor')
      throw error
    }
  })

  app.delete('/session', {
    config: { access: 'signed-in', secondFactorExempt: true },
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

  app.get('/invitations/:token', {
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'What an invitation link is for: a password to choose, or a city to join after signing in',
      params: InvitationTokenParamsSchema,
      response: { 200: InvitationInfoSchema, ...writeErrorResponses },
    },
  }, async (request) => invitationsService.info(request.params.token))

  app.post('/invitations/accept', {
    config: { access: 'public', csrf: false },
    schema: {
      tags: ['session'],
      summary: 'Choose your password with a one-time link (a password link, or a city\'s invitation of a new address), and sign in',
      description: 'A city invitation of an address that already has an account answers 409 INVITATION_SIGN_IN_REQUIRED: sign in and use POST /api/invitations/join.',
      body: AcceptInvitationSchema,
      response: { 200: SessionSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => respond(reply, await invitationsService.accept(request.body.token, request.body.password, request.actor, request.sessionToken)))

  app.post('/invitations/join', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['session'],
      summary: 'Accept a city\'s invitation of your own address while signed in',
      body: JoinCitySchema,
      response: { 200: SessionSchema, ...writeErrorResponses },
    },
  }, async (request) => {
    if (request.actor.kind !== 'user') throw new AuthenticationRequiredError()
    return invitationsService.join(request.body.token, request.actor)
  })

  app.post('/password-reset', {
    config: { access: 'public', csrf: false },
    schema: {
      tags: ['session'],
      summary: 'Ask for a password-reset link',
      description: 'Always 202, whether or not the address has an account. The link (valid 1 hour, once) goes through the notification channel; until there is mail it is written to the server log in development only. The 6th request in an hour for one address or from one client gets 429.',
      body: PasswordResetRequestSchema,
      response: { 202: PasswordResetAcceptedSchema, ...writeErrorResponses, 429: ApiErrorSchema },
    },
  }, async (request, reply) => {
    try {
      await resetService.request(request.body, request.ip, request.actor)
    } catch (error) {
      if (error instanceof TooManyResetsError) {
        request.log.warn({ event: 'password-reset', outcome: 'throttled', ip: request.ip }, 'password reset throttled')
        reply.header('retry-after', String(error.retryAfterSeconds))
      }
      throw error
    }
    return reply.code(202).send({ message: 'If the address has an account, a link to choose a new password is on its way.' })
  })

  app.post('/password-reset/confirm', {
    config: { access: 'public', csrf: false },
    schema: {
      tags: ['session'],
      summary: 'Choose a new password with a reset link; ends all your sessions',
      body: PasswordResetConfirmSchema,
      response: { 204: NoContentSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    await resetService.confirm(request.body, request.actor)
    return reply.code(204).send(null)
  })
}

export default sessionRoutes
