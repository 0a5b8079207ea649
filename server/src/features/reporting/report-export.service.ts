import type { PublicReportList } from '@eccar/shared'
import createError from '@fastify/error'
import { requireRole, type Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { renderReport, type RenderReportOptions } from '../../reports/render-report.ts'
import { getVisiblePlan } from '../plans/plans.service.ts'
import { ReportingCycleNotFoundError } from './reporting.errors.ts'
import { findCycle, listCyclesOfPlan } from './reporting.queries.ts'
import { loadReportSnapshot } from './reporting.snapshot.ts'

export const ExportBusyError = createError('EXPORT_BUSY', 'Your previous export is still being made; try again when it is done', 429)

/**
 * Reports as files: the admins' export of any cycle (a submitted one from its frozen snapshot, an
 * open one from the live records, a preview) and the public's submitted reports. The cycle is read
 * once per export and handed on.
 */
export function createReportExportService (db: Db) {
  /** One export per person at a time: a document of a thousand measures takes seconds of CPU, and a double click should not take two. */
  const running = new Set<number>()

  const visiblePlan = (planId: number, actor: Actor) => getVisiblePlan(db, planId, actor)

  return {
    async exportForAdmin (cycleId: number, options: RenderReportOptions, actor: Actor) {
      const cycle = await findCycle(db, cycleId)
      if (!cycle) throw new ReportingCycleNotFoundError(cycleId)
      requireRole(actor, cycle.cityId, 'admin', () => new ReportingCycleNotFoundError(cycleId), 'only the plan\'s admins export reports')
      const userId = actor.kind === 'user' ? actor.userId : 0
      if (running.has(userId)) throw new ExportBusyError()
      running.add(userId)
      try {
        return await renderReport(await loadReportSnapshot(db, cycle), options)
      } finally {
        running.delete(userId)
      }
    },

    /** Submitted cycles only, of plans the reader may see (the public: adopted and closed plans), latest period first. */
    async listPublic (planId: number, actor: Actor): Promise<PublicReportList> {
      const plan = await visiblePlan(planId, actor)
      const cycles = (await listCyclesOfPlan(db, plan.id)).filter((c) => c.state === 'submitted' && c.submittedAt !== null).reverse()
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
    },

    async renderPublic (planId: number, cycleId: number, options: Omit<RenderReportOptions, 'format'>, actor: Actor) {
      const plan = await visiblePlan(planId, actor)
      const cycle = await findCycle(db, cycleId)
      if (!cycle || cycle.planId !== plan.id || cycle.state !== 'submitted') throw new ReportingCycleNotFoundError(cycleId)
      return renderReport(await loadReportSnapshot(db, cycle), { ...options, format: 'html' })
    },
  }
}
