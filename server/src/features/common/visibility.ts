import type { PlanState } from '@eccar/shared'
import { and, eq, isNull, type SQL } from 'drizzle-orm'
import { canSeeInternal, type Actor } from '../../auth/actor.ts'
import { measures } from '../../db/schema/index.ts'

/** The public reads adopted plans and the closed ones they replaced; drafts stay internal. */
export const publicPlanStates: PlanState[] = ['adopted', 'closed']

export function visiblePlanStates (actor: Actor, cityId: number): PlanState[] {
  return canSeeInternal(actor, cityId) ? ['draft', 'adopted', 'closed'] : publicPlanStates
}

/** Hidden (deleted) measures are invisible to everyone; internal ones only to the city's members. */
export function measureVisibleTo (actor: Actor, cityId: number): SQL {
  const notDeleted = isNull(measures.deletedAt)
  return canSeeInternal(actor, cityId) ? notDeleted : and(notDeleted, eq(measures.isPublic, true))!
}

