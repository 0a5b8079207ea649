import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParamsSchema, IndicatorImportInvalidSchema, IndicatorImportPreviewSchema, IndicatorImportResultSchema,
  spreadsheetImportMaxBytes, StatusImportInvalidSchema, StatusImportPreviewSchema, StatusImportResultSchema,
} from '@eccar/shared'
import { Type } from 'typebox'
import { signedInErrorResponses, writeErrorResponses } from '../common/schemas.ts'
import { createIndicatorImport } from './indicator-import.ts'
import { csvMediaType, fileSchema, xlsxMediaType } from '../common/spreadsheet-files.ts'
import { createStatusImport } from './status-import.ts'

const tags = ['spreadsheets']
const fileBody = (what: string) => {
  const schema = Type.Unsafe<Buffer>({ format: 'binary', description: what })
  return { content: { [xlsxMediaType]: { schema }, [csvMediaType]: { schema } } }
}
const statusFile = fileBody('The filled-in status template as XLSX, or as CSV (UTF-8, comma or semicolon) with the same columns; at most 50 MB')
const indicatorFile = fileBody('A tidy table: `period` (2024, 2024-Q2, 2024-05 or 2024-01-01/2024-06-30), optional category columns, `value`; a blank category is the total')

/**
 * Spreadsheets in: the status template of the measures a person may report on, and uploads that are
 * previewed row by row and applied all together or not at all.
 */
const spreadsheetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const statusImport = createStatusImport(app.db, app.dataChanged)
  const indicatorImport = createIndicatorImport(app.db, app.dataChanged)

  // Files arrive as they are, not as JSON; only these routes (this plugin's scope) accept them.
  app.addContentTypeParser([xlsxMediaType, csvMediaType], { parseAs: 'buffer', bodyLimit: spreadsheetImportMaxBytes }, (_request, body, done) => done(null, body))

  app.get('/plans/:id/status-template.xlsx', {
    config: { access: 'signed-in' },
    schema: {
      tags, summary: 'An Excel template of the measures you may report on: current status, progress and version, then columns to fill in',
      params: IdParamsSchema, response: { 200: fileSchema(xlsxMediaType, 'The template (Content-Disposition names it)'), ...signedInErrorResponses },
    },
  }, async (request, reply) => {
    const { body, fileName } = await statusImport.template(request.params.id, request.actor)
    return reply.type(xlsxMediaType).header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store').send(body)
  })

  app.post('/plans/:id/status-imports/preview', {
    config: { access: 'signed-in' },
    bodyLimit: spreadsheetImportMaxBytes,
    schema: {
      tags, summary: 'What an uploaded status template would do, row by row; changes nothing',
      description: 'Send the file as the body with its own Content-Type (XLSX or text/csv). Rows left blank are skipped.',
      params: IdParamsSchema, body: statusFile, response: { 200: StatusImportPreviewSchema, ...writeErrorResponses },
    },
  }, async (request) => {
    const outcome = await statusImport.preview(request.params.id, request.body, request.headers['content-type'], request.actor)
    return outcome.kind === 'preview' ? outcome.preview : { rows: [], applicable: 0, errorCount: 0, staleCount: 0 }
  })

  app.post('/plans/:id/status-imports', {
    config: { access: 'signed-in' },
    bodyLimit: spreadsheetImportMaxBytes,
    schema: {
      tags, summary: 'Apply an uploaded status template: every row or none',
      description: 'Each applied row is one timeline entry and one audit row, all in one transaction. A row with an error, or based on an older '
        + 'version of its measure, stops the whole import: 422 STATUS_IMPORT_INVALID with the preview in `details`.',
      params: IdParamsSchema, body: statusFile, response: { 200: StatusImportResultSchema, 422: StatusImportInvalidSchema, ...writeErrorResponses },
    },
  }, async (request) => {
    const outcome = await statusImport.apply(request.params.id, request.body, request.headers['content-type'], request.actor)
    return outcome.kind === 'applied' ? outcome.result : { applied: 0, measureIds: [] }
  })

  app.post('/indicators/:id/values/import/preview', {
    config: { access: 'signed-in' },
    bodyLimit: spreadsheetImportMaxBytes,
    schema: {
      tags, summary: 'What an uploaded table of indicator values would add, row by row; changes nothing',
      params: IdParamsSchema, body: indicatorFile, response: { 200: IndicatorImportPreviewSchema, ...writeErrorResponses },
    },
  }, async (request) => {
    const outcome = await indicatorImport.preview(request.params.id, request.body, request.headers['content-type'], request.actor)
    return outcome.kind === 'preview' ? outcome.preview : { rows: [], applicable: 0, errorCount: 0 }
  })

  app.post('/indicators/:id/values/import', {
    config: { access: 'signed-in' },
    bodyLimit: spreadsheetImportMaxBytes,
    schema: {
      tags, summary: 'Add the values of an uploaded table: every row or none (422 INDICATOR_IMPORT_INVALID with the preview in `details`)',
      params: IdParamsSchema, body: indicatorFile, response: { 200: IndicatorImportResultSchema, 422: IndicatorImportInvalidSchema, ...writeErrorResponses },
    },
  }, async (request) => {
    const outcome = await indicatorImport.apply(request.params.id, request.body, request.headers['content-type'], request.actor)
    return outcome.kind === 'applied' ? outcome.result : { applied: 0, valueIds: [] }
  })
}

export default spreadsheetRoutes
