import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorSchema, BodyLimits, CityParamsSchema, IdParamsSchema, PlanFileSchema, PlanImportResultSchema } from '@eccar/shared'
import { requireRole } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { CityNotFoundError } from '../cities/cities.errors.ts'
import { getCityBySlug } from '../cities/cities.queries.ts'
import { PlanNotFoundError } from '../plans/plans.errors.ts'
import { findPlan } from '../plans/plans.queries.ts'
import { toPlanSummary } from '../plans/plans.service.ts'
import { errorResponses, writeErrorResponses } from '../common/schemas.ts'
import { buildPlanFile } from './plan-files.export.ts'
import { importPlanFile } from './plan-files.import.ts'

/** File names are ours, ASCII only, so no header injection and no surprises in any browser. */
const fileName = (citySlug: string, periodStart: string, periodEnd: string) =>
  `${citySlug}-action-plan-${periodStart.slice(0, 4)}-${periodEnd.slice(0, 4)}.json`

const planFileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/plans/:id/export', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['plan-files'],
      summary: 'Download the whole plan as a plan file (internal fields included)',
      params: IdParamsSchema,
      response: { 200: PlanFileSchema, ...errorResponses, 401: ApiErrorSchema, 403: ApiErrorSchema },
    },
  }, async (request, reply) => {
    // The file holds internal fields and drafts: members of the plan's city only.
    const plan = await findPlan(app.db, request.params.id)
    if (!plan) throw new PlanNotFoundError(request.params.id)
    requireRole(request.actor, plan.cityId, 'viewer', () => new PlanNotFoundError(request.params.id))
    const file = await buildPlanFile(app.db, plan.id)
    reply.header('content-disposition', `attachment; filename="${fileName(plan.citySlug, file.plan.periodStart, file.plan.periodEnd)}"`)
    return file
  })

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
    const result = await app.db.transaction(async (tx) => {
      const city = await getCityBySlug(tx, request.params.city)
      requireRole(request.actor, city.id, 'admin', () => new CityNotFoundError(request.params.city))
      const imported = await importPlanFile(tx, city.id, request.body)
      await recordAudit(tx, request.actor, { cityId: city.id, action: 'plan.import', entityType: 'plan', entityId: imported.planId, after: imported })
      return { ...imported, plan: toPlanSummary((await findPlan(tx, imported.planId))!, imported.measures) }
    })
    const { planId: _id, ...body } = result
    return reply.code(201).send(body)
  })
}

export default planFileRoutes
