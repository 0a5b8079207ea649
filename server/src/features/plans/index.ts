import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CityParamsSchema, CreatePlanSchema, IdParamsSchema, PlanCommitmentParamsSchema, PlanDetailQuerySchema, PlanDetailSchema, PlanListSchema,
  PlanProgressSchema, PlanStatusHistorySchema, UpdatePlanCommitmentSchema, UpdatePlanSchema,
} from '@eccar/shared'
import { errorResponses, NoContentSchema, versionedWriteResponses, writeErrorResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import { sendCached } from '../../plugins/read-cache.ts'
import { createPlansService } from './plans.service.ts'

const planRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createPlansService(app.db, app.dataChanged)

  app.get('/cities/:city/plans', {
    config: { access: 'public' },
    schema: {
      tags: ['plans'],
      summary: 'Plans of a city (the public sees adopted and closed plans)',
      params: CityParamsSchema,
      response: { 200: PlanListSchema, ...errorResponses },
    },
  }, async (request) => ({ items: await service.listForCity(request.params.city, request.actor) }))

  app.post('/cities/:city/plans', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['plans'],
      summary: 'Create a plan (a draft unless a state is given)',
      params: CityParamsSchema,
      body: CreatePlanSchema,
      response: { 201: PlanDetailSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const plan = await service.create(request.params.city, request.body, request.actor)
    setVersionTag(reply, plan.version)
    return reply.code(201).send(plan)
  })

  app.get('/plans/:id', {
    config: { access: 'public' },
    schema: {
      tags: ['plans'],
      summary: 'A plan with its ten commitments and their local titles; their context texts with contexts=true',
      params: IdParamsSchema,
      querystring: PlanDetailQuerySchema,
      response: { 200: PlanDetailSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const contexts = request.query.contexts ?? false
    return sendCached(request, reply, request.params.id, contexts ? 'detail-contexts' : 'detail',
      () => service.getDetail(request.params.id, request.actor, { contexts }))
  })

  app.patch('/plans/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['plans'],
      summary: 'Change a plan',
      params: IdParamsSchema,
      body: UpdatePlanSchema,
      response: { 200: PlanDetailSchema, ...versionedWriteResponses(PlanDetailSchema) },
    },
  }, async (request, reply) => {
    const expected = expectedVersion(request, request.body.version)
    const plan = await service.update(request.params.id, request.body, expected, request.actor)
    setVersionTag(reply, plan.version)
    return plan
  })

  app.patch('/plans/:id/commitments/:number', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['plans'],
      summary: 'Change a commitment\'s local title or context text within a plan',
      params: PlanCommitmentParamsSchema,
      body: UpdatePlanCommitmentSchema,
      response: { 200: PlanDetailSchema, ...versionedWriteResponses(PlanDetailSchema) },
    },
  }, async (request, reply) => {
    const expected = expectedVersion(request, request.body.version)
    const plan = await service.updateCommitment(request.params.id, request.params.number, request.body, expected, request.actor)
    setVersionTag(reply, plan.version)
    return plan
  })

  app.delete('/plans/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['plans'],
      summary: 'Delete a draft plan (send If-Match with its version)',
      params: IdParamsSchema,
      response: { 204: NoContentSchema, ...versionedWriteResponses(PlanDetailSchema) },
    },
  }, async (request, reply) => {
    await service.remove(request.params.id, expectedVersion(request), request.actor)
    return reply.code(204).send(null)
  })

  app.get('/plans/:id/progress', {
    config: { access: 'public' },
    schema: {
      tags: ['plans'],
      summary: 'Progress per commitment: measures by status, share completed or ongoing, average progress',
      params: IdParamsSchema,
      response: { 200: PlanProgressSchema, ...errorResponses },
    },
  }, async (request, reply) => sendCached(request, reply, request.params.id, 'progress',
    () => service.progressAnswer(request.params.id, request.actor)))

  app.get('/plans/:id/status-history', {
    config: { access: 'public' },
    schema: {
      tags: ['plans'],
      summary: 'Every status change of the plan\'s measures, oldest first (for progress over time)',
      params: IdParamsSchema,
      response: { 200: PlanStatusHistorySchema, ...errorResponses },
    },
  }, async (request, reply) => sendCached(request, reply, request.params.id, 'status-history',
    () => service.statusHistory(request.params.id, request.actor)))
}

export default planRoutes
