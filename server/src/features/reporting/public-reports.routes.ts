import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParamsSchema, PlanReportParamsSchema, PublicReportListSchema, PublicReportQuerySchema } from '@eccar/shared'
import { Type } from 'typebox'
import { renderReport } from '../../reports/render-report.ts'
import { PlanNotFoundError } from '../plans/plans.errors.ts'
import { findPlan } from '../plans/plans.queries.ts'
import { errorResponses } from '../common/schemas.ts'
import { visiblePlanStates } from '../common/visibility.ts'
import { ReportingCycleNotFoundError } from './reporting.errors.ts'
import { findCycle, listCyclesOfPlan } from './reporting.queries.ts'
import { loadReportSnapshot } from './snapshot.ts'

const tags = ['reporting']

/** The standalone HTML carries its own stylesheet and no script; it gets a policy of its own. */
export const reportHtmlPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

/**
 * The reports a city sent, for everyone: submitted cycles only (their frozen snapshots), of plans
 * the reader may see (the public: adopted and closed plans). Drafts and previews stay internal.
 */
const publicReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function visiblePlan (planId: number, actor: Parameters<typeof visiblePlanStates>[0]) {
    const plan = await findPlan(app.db, planId)
    if (!plan || !visiblePlanStates(actor, plan.cityId).includes(plan.state)) throw new PlanNotFoundError(planId)
    return plan
  }

  app.get('/plans/:id/reports', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The submitted reports of a plan, latest period first (public)',
      params: IdParamsSchema,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: PublicReportListSchema, ...errorResponses },
    },
  }, async (request) => {
    const plan = await visiblePlan(request.params.id, request.actor)
    const cycles = (await listCyclesOfPlan(app.db, plan.id)).filter((c) => c.state === 'submitted' && c.submittedAt !== null).reverse()
    return {
      items: cycles.map((c) => ({
        cycleId: c.id,
        title: c.title,
        titleEn: c.titleEn,
        periodStart: c.periodStart,
        periodEnd: c.periodEnd,
        submittedAt: c.submittedAt!.toISOString(),
        htmlUrl: `/api/plans/${plan.id}/reports/${c.id}`,
      })),
    }
  })

  app.get('/plans/:id/reports/:cycleId', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A submitted report as standalone HTML (public): the ECCAR report in English by default, or the council report',
      params: PlanReportParamsSchema,
      querystring: PublicReportQuerySchema,
      response: {
        200: Type.String({ description: 'The report as a complete HTML document' }),
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const plan = await visiblePlan(request.params.id, request.actor)
    const cycle = await findCycle(app.db, request.params.cycleId)
    if (!cycle || cycle.planId !== plan.id || cycle.state !== 'submitted') throw new ReportingCycleNotFoundError(request.params.cycleId)
    const { kind = 'eccar', lang } = request.query
    const report = await renderReport(await loadReportSnapshot(app.db, cycle.id), { kind, format: 'html', ...(lang ? { lang } : {}) })
    return reply.type(report.contentType)
      .header('content-security-policy', reportHtmlPolicy)
      .header('content-disposition', `inline; filename="${report.fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .send(report.body as string)
  })
}

export default publicReportRoutes
