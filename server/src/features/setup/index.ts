import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CompleteSetupSchema, InvitationTokenParamsSchema, SessionSchema, SetupStateSchema } from '@eccar/shared'
import { writeErrorResponses } from '../common/schemas.ts'
import { createSetupService } from './setup.service.ts'

const setupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createSetupService(app.db)

  app.get('/setup/:token', {
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'Whether a setup link still works, and whether the first city must be created with it',
      params: InvitationTokenParamsSchema,
      response: { 200: SetupStateSchema, ...writeErrorResponses },
    },
  }, async (request) => service.state(request.params.token))

  app.post('/setup', {
    config: { access: 'public', csrf: false },
    schema: {
      tags: ['session'],
      summary: 'Create the first platform administrator with the setup link the server printed, and sign in',
      description: 'Works once, within 24 hours, and only while the platform has no administrator at all. Without any city, `city` creates the first one.',
      body: CompleteSetupSchema,
      response: { 200: SessionSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const result = await service.complete(request.body, request.actor, request.sessionToken)
    app.setSessionCookie(reply, result.token)
    request.log.info({ event: 'setup', outcome: 'success' }, 'first platform administrator created with the setup link')
    return reply.send(result.session)
  })
}

export default setupRoutes
