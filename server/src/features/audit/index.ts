import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditListSchema, AuditQuerySchema, CityParamsSchema } from '@eccar/shared'
import { signedInErrorResponses } from '../common/schemas.ts'
import { createAuditService } from './audit.service.ts'

// Read only: the trail is append-only, and the database refuses UPDATE, DELETE and TRUNCATE on it.
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createAuditService(app.db)

  app.get('/cities/:city/audit', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['audit'],
      summary: 'The city\'s audit trail, newest first (city administrators only)',
      description: '`action` matches exactly, or as a prefix when it ends in a dot (`measure.`). `from` is inclusive, `to` exclusive.',
      params: CityParamsSchema,
      querystring: AuditQuerySchema,
      response: { 200: AuditListSchema, ...signedInErrorResponses },
    },
  }, async (request) => service.list(request.params.city, request.query, request.actor))
}

export default auditRoutes
