import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorSchema, IdParamsSchema, reportFormats, reportKinds, reportLangs } from '@eccar/shared'
import { Type } from 'typebox'
import { reportContentTypes } from '../../reports/render-report.ts'
import { signedInErrorResponses } from '../common/schemas.ts'
import { reportHtmlPolicy } from './public-reports.routes.ts'
import { createReportExportService } from './report-export.service.ts'

export const ReportQuerySchema = Type.Object({
  kind: Type.Optional(Type.Enum([...reportKinds], { default: 'eccar', description: 'ECCAR/UNESCO report (English by default) or council report (German)' })),
  format: Type.Optional(Type.Enum([...reportFormats], { default: 'pdf' })),
  lang: Type.Optional(Type.Enum([...reportLangs], { description: 'Default: English for ECCAR, German for the council' })),
}, { additionalProperties: false })

/** The document as it is sent, one entry per format, so the OpenAPI document names each format's true content type. */
const reportFileContent = Object.fromEntries(Object.entries(reportContentTypes).map(([format, contentType]) => [
  contentType.split(';')[0]!,
  { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: `The report as ${format.toUpperCase()}` }) },
]))

/**
 * The report of a reporting cycle as a file. A submitted cycle is rendered from its frozen snapshot,
 * an open one from the live records (a preview).
 */
const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createReportExportService(app.db)

  app.get('/reporting-cycles/:id/report', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['reporting'],
      summary: 'Download the ECCAR or council report of a cycle as HTML, DOCX, PDF or JSON (admins)',
      params: IdParamsSchema,
      querystring: ReportQuerySchema,
      response: {
        200: { description: 'The report file (Content-Disposition names it)', content: reportFileContent },
        ...signedInErrorResponses, 429: ApiErrorSchema,
      },
    },
  }, async (request, reply) => {
    const { kind = 'eccar', format = 'pdf', lang } = request.query
    const report = await service.exportForAdmin(request.params.id, { kind, format, ...(lang ? { lang } : {}) }, request.actor)
    request.log.info({ event: 'report-export', cycleId: request.params.id, kind, format }, 'report exported')
    // HTML is the preview; the other formats are files to keep. The standalone HTML carries its own
    // stylesheet, so it gets a policy of its own: no script at all, inline styles allowed.
    const disposition = format === 'html' ? 'inline' : 'attachment'
    if (format === 'html') {
      reply.header('content-security-policy', reportHtmlPolicy)
    }
    return reply.type(report.contentType)
      .header('content-disposition', `${disposition}; filename="${report.fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.isBuffer(report.body) ? report.body : Buffer.from(report.body, 'utf8'))
  })
}

export default reportRoutes
