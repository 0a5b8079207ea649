import type { AttentionMeasure, AttentionQuery, OrganisationRef, PlanAttention } from '@eccar/shared'
import { requireRole, type Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { PlanNotFoundError } from '../plans/plans.service.ts'
import { attentionReasons, groupByLead } from './attention.rules.ts'
import { dayInZone } from '../../lib/dates.ts'
import { findPlanForAttention, listLiveMeasures, type LiveMeasureRow } from './attention.queries.ts'

export type Clock = () => Date

const leadOf = (row: LiveMeasureRow): OrganisationRef | null =>
  row.leadId === null ? null : { id: row.leadId, name: row.leadName!, nameEn: row.leadNameEn }

export function toAttentionMeasure (row: LiveMeasureRow, endDate: string, reasons: AttentionMeasure['reasons']): AttentionMeasure {
  return {
    id: row.id,
    code: row.code,
    titleDe: row.titleDe,
    titleEn: row.titleEn,
    status: row.status,
    progress: row.progress,
    endDate,
    lastUpdate: row.lastUpdate,
    reasons,
  }
}

/** `now` is injectable so tests can fix "today". */
export function createAttentionService (db: Db, now: Clock = () => new Date()) {
  return {
    /** Measures of a plan that are delayed, overdue or stale, grouped by lead body, for the steering group. */
    async forPlan (planId: number, query: AttentionQuery, actor: Actor): Promise<PlanAttention> {
      const plan = await findPlanForAttention(db, planId)
      if (!plan) throw new PlanNotFoundError(planId)
      requireRole(actor, plan.cityId, 'viewer', () => new PlanNotFoundError(planId))
      const horizon = { today: dayInZone(now(), plan.timeZone), staleMonths: query.staleMonths ?? plan.staleMonths }

      const listed = (await listLiveMeasures(db, plan.id, query.organisation)).flatMap((row) => {
        const endDate = row.endDate ?? plan.periodEnd
        const reasons = attentionReasons({ status: row.status, endDate, lastUpdate: row.lastUpdate, createdAt: row.createdAt }, horizon)
        return reasons.length === 0 ? [] : [{ row, measure: toAttentionMeasure(row, endDate, reasons) }]
      })
      const groups = groupByLead(listed, ({ row }) => leadOf(row))
        .map((group) => ({ organisation: group.organisation, measures: group.items.map((item) => item.measure) }))
      return { planId: plan.id, today: horizon.today, staleMonths: horizon.staleMonths, total: listed.length, groups }
    },
  }
}

// The reminders (notifications) name the same reasons for attention as the attention list does.
export { attentionReasons } from './attention.rules.ts'
