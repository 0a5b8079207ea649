import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorSchema, IdParamsSchema } from '@eccar/shared'
import createError from '@fastify/error'
import { eq } from 'drizzle-orm'
import { Type } from 'typebox'
import { requireRole } from '../../auth/actor.ts'
import { reportingCycles } from '../../db/schema/index.ts'
import { renderReport } from '../../reports/render-report.ts'
import { errorResponses } from '../common/schemas.ts'
import { ReportingCycleNotFoundError } from './reporting.errors.ts'
import { reportHtmlPolicy } from './public-reports.routes.ts'
import { loadReportSnapshot } from './snapshot.ts'

export const ReportQuerySchema = Type.Object({
  kind: Type.Optional(Type.Enum(['eccar', 'council'], { default: 'eccar', description: 'ECCAR/UNESCO report (English by default) or council report (German)' })),
  format: Type.Optional(Type.Enum(['html', 'docx', 'pdf', 'json'], { default: 'pdf' })),
  lang: Type.Optional(Type.Enum(['en', 'de'], { description: 'Default: English for ECCAR, German for the council' })),
}, { additionalProperties: false })

export const ExportBusyError = createError('EXPORT_BUSY', 'Your previous export is still being made; try again when it is done', 429)

/**
 * The report of a reporting cycle as a file. A submitted cycle is rendered from its frozen snapshot,
 * an open one from the live records (a preview). One export per person at a time: a document of a
 * thousand measures takes seconds of CPU, and a double click should not take two.
 */
const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const running = new Set<number>()

  app.get('/reporting-cycles/:id/report', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['reporting'],
      summary: 'Download the ECCAR or council report of a cycle as HTML, DOCX, PDF or JSON (admins)',
      params: IdParamsSchema,
      querystring: ReportQuerySchema,
      response: {
        200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The report file (Content-Disposition names it)' }),
        ...errorResponses, 401: ApiErrorSchema, 403: ApiErrorSchema, 429: ApiErrorSchema,
      },
    },
  }, async (request, reply) => {
    const [cycle] = await app.db.select({ id: reportingCycles.id, cityId: reportingCycles.cityId }).from(reportingCycles)
      .where(eq(reportingCycles.id, request.params.id))
    if (!cycle) throw new ReportingCycleNotFoundError(request.params.id)
    requireRole(request.actor, cycle.cityId, 'admin', () => new ReportingCycleNotFoundError(request.params.id), 'only the plan\'s admins export reports')
    const userId = request.actor.kind === 'user' ? request.actor.userId : 0
    if (running.has(userId)) throw new ExportBusyError()
    running.add(userId)
    try {
      const { kind = 'eccar', format = 'pdf', lang } = request.query
      const report = await renderReport(await loadReportSnapshot(app.db, cycle.id), { kind, format, ...(lang ? { lang } : {}) })
      request.log.info({ event: 'report-export', cycleId: cycle.id, kind, format }, 'report exported')
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
    } finally {
      running.delete(userId)
    }
  })
}

export default reportRoutes
