import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParamsSchema, PlanReportParamsSchema, PublicReportListSchema, PublicReportQuerySchema } from '@eccar/shared'
import { Type } from 'typebox'
import { errorResponses } from '../common/schemas.ts'
import { createReportExportService } from './report-export.service.ts'

const tags = ['reporting']

/** The standalone HTML carries its own stylesheet and no script; it gets a policy of its own. */
export const reportHtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

/**
 * The reports a city sent, for everyone: submitted cycles only (their frozen snapshots), of plans
 * the reader may see (the public: adopted and closed plans). Drafts and previews stay internal.
 */
const publicReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createReportExportService(app.db)

  app.get('/plans/:id/reports', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The submitted reports of a plan, latest period first (public)',
      params: IdParamsSchema,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: PublicReportListSchema, ...errorResponses },
    },
  }, async (request) => service.listPublic(request.params.id, request.actor))

  app.get('/plans/:id/reports/:cycleId', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A submitted report as standalone HTML (public): the ECCAR report in English by default, or the council report',
      params: PlanReportParamsSchema,
      querystring: PublicReportQuerySchema,
      response: {
        200: { description: 'The report as a complete HTML document', content: { 'text/html': { schema: Type.String() } } },
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const { kind = 'eccar', lang } = request.query
    const report = await service.renderPublic(request.params.id, request.params.cycleId, { kind, ...(lang ? { lang } : {}) }, request.actor)
    return reply.type(report.contentType)
      .header('content-security-policy', reportHtmlPolicy)
      .header('content-disposition', `inline; filename="${report.fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .send(report.body as string)
  })
}

export default publicReportRoutes
