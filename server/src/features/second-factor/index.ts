import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParamsSchema, PasswordConfirmationSchema, RecoveryCodesSchema, SecondFactorCodeInputSchema, SecondFactorEnrolmentSchema,
  SecondFactorStatusSchema,
} from '@eccar/shared'
import type { FastifyRequest } from 'fastify'
import { AuthenticationRequiredError } from '../../auth/actor.ts'
import { createSecretBox } from '../../auth/second-factor.ts'
import { secondFactorRequirement } from '../../config.ts'
import { NoContentSchema, writeErrorResponses } from '../common/schemas.ts'
import { createSecondFactorService } from './second-factor.service.ts'

const tags = ['second-factor']

function signedIn (request: FastifyRequest) {
  if (request.actor.kind !== 'user') throw new AuthenticationRequiredError()
  return request.actor
}

/** The person's own second factor (all exempt from the enrolment requirement), and the platform administrators' reset. */
const secondFactorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createSecondFactorService(app.db, secondFactorRequirement(app.config), createSecretBox(app.config.SECRET_KEY), app.mail)
  const own = { access: 'signed-in', secondFactorExempt: true } as const

  app.get('/session/second-factor', {
    config: own,
    schema: { tags, summary: 'Whether your account has a second factor, and whether it must', response: { 200: SecondFactorStatusSchema, ...writeErrorResponses } },
  }, async (request) => service.status(signedIn(request)))

  app.post('/session/second-factor/enrolment', {
    config: own,
    schema: {
      tags,
      summary: 'Start setting up an authenticator app: a new secret, its otpauth URI and QR code',
      description: 'The secret is shown only in this answer. Starting again replaces a secret that was not confirmed yet.',
      response: { 200: SecondFactorEnrolmentSchema, ...writeErrorResponses },
    },
  }, async (request) => service.startEnrolment(signedIn(request)))

  app.post('/session/second-factor/enrolment/confirm', {
    config: own,
    schema: {
      tags,
      summary: 'Confirm the app with its current code; answers ten one-time recovery codes, shown only now',
      body: SecondFactorCodeInputSchema,
      response: { 200: RecoveryCodesSchema, ...writeErrorResponses },
    },
  }, async (request) => service.confirmEnrolment(signedIn(request), request.body.code))

  app.post('/session/second-factor/recovery-codes', {
    config: own,
    schema: {
      tags,
      summary: 'Replace all recovery codes with ten new ones (needs your password)',
      body: PasswordConfirmationSchema,
      response: { 200: RecoveryCodesSchema, ...writeErrorResponses },
    },
  }, async (request) => service.regenerateRecoveryCodes(signedIn(request), request.body.password))

  app.delete('/session/second-factor', {
    config: own,
    schema: {
      tags,
      summary: 'Turn your second factor off (needs your password; refused where it is required)',
      body: PasswordConfirmationSchema,
      response: { 204: NoContentSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    await service.turnOff(signedIn(request), request.body.password)
    return reply.code(204).send(null)
  })

  app.delete('/users/:id/second-factor', {
    config: { access: 'platform-admin' },
    schema: {
      tags,
      summary: 'Remove a person\'s second factor, e.g. after a lost phone (platform administrators)',
      description: 'Ends the person\'s sessions; recorded in the audit trail of every city they belong to.',
      params: IdParamsSchema,
      response: { 204: NoContentSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    await service.reset(request.actor, request.params.id)
    request.log.info({ event: 'second-factor-reset', userId: request.params.id }, 'second factor reset')
    return reply.code(204).send(null)
  })
}

export default secondFactorRoutes
