import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorSchema, AttentionQuerySchema, IdParamsSchema, PlanAttentionSchema } from '@eccar/shared'
import { errorResponses } from '../common/schemas.ts'
import { createAttentionService } from './attention.service.ts'

const attentionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createAttentionService(app.db)

  app.get('/plans/:id/attention', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['steering-group'],
      summary: 'Measures that need the steering group\'s attention, grouped by lead body',
      description: 'Lists live measures that are delayed, overdue (end date, else the plan period\'s end, has passed '
        + 'and the status is not done, ongoing, dropped, examined – not feasible or carried over) or stale (not settled '
        + 'and no status update for `staleMonths` months, by default the city\'s setting). For members of the city.',
      params: IdParamsSchema,
      querystring: AttentionQuerySchema,
      response: { 200: PlanAttentionSchema, ...errorResponses, 401: ApiErrorSchema },
    },
  }, async (request) => service.forPlan(request.params.id, request.query, request.actor))
}

export default attentionRoutes
