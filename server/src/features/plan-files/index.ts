import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BodyLimits, CityParamsSchema, IdParamsSchema, PlanFileSchema, PlanImportPreviewSchema, PlanImportResultSchema } from '@eccar/shared'
import { signedInErrorResponses, writeErrorResponses } from '../common/schemas.ts'
import { createPlanFilesService } from './plan-files.service.ts'

const planFileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createPlanFilesService(app.db, app.dataChanged)

  app.get('/plans/:id/export', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['plan-files'],
      summary: 'Download the whole plan as a plan file (internal fields included)',
      params: IdParamsSchema,
      response: { 200: PlanFileSchema, ...signedInErrorResponses },
    },
  }, async (request, reply) => {
    const { file, fileName } = await service.export(request.params.id, request.actor)
    reply.header('content-disposition', `attachment; filename="${fileName}"`)
    return file
  })

  app.post('/cities/:city/plans/import/preview', {
    config: { access: 'signed-in' },
    bodyLimit: BodyLimits.planImport,
    schema: {
      tags: ['plan-files'],
      summary: 'Check a plan file and show what its import would create (nothing is written)',
      description: 'The same checks as the import: a file with a problem gets 400 naming the first problem (`details[0].path` and `reason`), '
        + 'a plan of the same German title and start 409.',
      params: CityParamsSchema,
      body: PlanFileSchema,
      response: { 200: PlanImportPreviewSchema, ...writeErrorResponses },
    },
  }, async (request) => service.preview(request.params.city, request.body, request.actor))

  app.post('/cities/:city/plans/import', {
    config: { access: 'signed-in' },
    bodyLimit: BodyLimits.planImport,
    schema: {
      tags: ['plan-files'],
      summary: 'Recreate a plan from a plan file',
      description: 'All or nothing: a file with a problem gets 400 naming the first problem (`details[0].path` and `reason`) and changes nothing. '
        + 'Organisations are matched by name within the city; missing ones are created.',
      params: CityParamsSchema,
      body: PlanFileSchema,
      response: { 201: PlanImportResultSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    return reply.code(201).send(await service.import(request.params.city, request.body, request.actor))
  })
}

export default planFileRoutes
