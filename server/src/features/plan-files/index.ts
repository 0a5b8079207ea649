import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BodyLimits, CityParamsSchema, IdParamsSchema, PlanFileSchema, PlanImportResultSchema } from '@eccar/shared'
import { getCityBySlug } from '../cities/cities.queries.ts'
import { findPlan } from '../plans/plans.queries.ts'
import { toPlanSummary } from '../plans/plans.service.ts'
import { errorResponses, writeErrorResponses } from '../shared/schemas.ts'
import { buildPlanFile } from './plan-files.export.ts'
import { importPlanFile } from './plan-files.import.ts'

/** File names are ours, ASCII only, so no header injection and no surprises in any browser. */
const fileName = (citySlug: string, periodStart: string, periodEnd: string) =>
  `${citySlug}-action-plan-${periodStart.slice(0, 4)}-${periodEnd.slice(0, 4)}.json`

const planFileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/plans/:id/export', {
    onRequest: app.requireWriteAccess,
    schema: {
      tags: ['plan-files'],
      summary: 'Download the whole plan as a plan file (internal fields included)',
      params: IdParamsSchema,
      response: { 200: PlanFileSchema, 401: errorResponses[400], 404: errorResponses[404], 400: errorResponses[400] },
    },
  }, async (request, reply) => {
    const plan = await findPlan(app.db, request.params.id)
    const file = await buildPlanFile(app.db, request.params.id)
    reply.header('content-disposition', `attachment; filename="${fileName(plan!.citySlug, file.plan.periodStart, file.plan.periodEnd)}"`)
    return file
  })

  app.post('/cities/:city/plans/import', {
    onRequest: app.requireWriteAccess,
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
    const result = await app.db.transaction(async (tx) => {
      const city = await getCityBySlug(tx, request.params.city)
      const imported = await importPlanFile(tx, city.id, request.body)
      return { ...imported, plan: toPlanSummary((await findPlan(tx, imported.planId))!, imported.measures) }
    })
    const { planId: _id, ...body } = result
    return reply.code(201).send(body)
  })
}

export default planFileRoutes
