import type { PlanState } from '@eccar/shared'
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm'
import { canSeeInternal, type Actor } from '../../plugins/access.ts'
import { measures, plans } from '../../db/schema/index.ts'

/** The public reads adopted plans and the closed ones they replaced; drafts stay internal. */
export const publicPlanStates: PlanState[] = ['adopted', 'closed']

export function visiblePlanStates (actor: Actor): PlanState[] {
  return canSeeInternal(actor) ? ['draft', 'adopted', 'closed'] : publicPlanStates
}

export function planVisibleTo (actor: Actor): SQL {
  return inArray(plans.state, visiblePlanStates(actor))
}

/** Hidden (deleted) measures are invisible to everyone; internal ones only to signed-in readers. */
export function measureVisibleTo (actor: Actor): SQL {
  const notDeleted = isNull(measures.deletedAt)
  return canSeeInternal(actor) ? notDeleted : and(notDeleted, eq(measures.isPublic, true))!
}
