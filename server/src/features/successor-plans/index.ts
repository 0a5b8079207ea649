import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CreatePlanSuccessorSchema, IdParamsSchema, PlanSuccessorResultSchema } from '@eccar/shared'
import { writeErrorResponses } from '../common/schemas.ts'
import { setVersionTag } from '../common/versioning.ts'
import { createSuccessorPlansService } from './successor-plans.service.ts'

const successorPlanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createSuccessorPlansService(app.db, app.dataChanged)

  app.post('/plans/:id/successor', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['plans'],
      summary: 'Start the plan update (Fortschreibung): a draft plan continuing this adopted or closed one',
      description: 'Every measure of the old plan gets exactly one decision: carry it over (same code, linked to its history), '
        + 'close it with a final status, or replace it by a new measure. The old measures end with their final status and a timeline entry; '
        + 'an adopted old plan is closed. The council resolution of the new plan is recorded. One transaction.',
      params: IdParamsSchema,
      body: CreatePlanSuccessorSchema,
      response: { 201: PlanSuccessorResultSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const result = await service.createSuccessor(request.params.id, request.body, request.actor)
    setVersionTag(reply, result.plan.version)
    return reply.code(201).send(result)
  })
}

export default successorPlanRoutes
