import type { PlanState } from '@eccar/shared'
import { and, eq, inArray, isNull, or, type AnyColumn, type SQL } from 'drizzle-orm'
import { canSeeInternal, internalCities, type Actor } from '../../auth/actor.ts'
import { measures } from '../../db/schema/index.ts'

/**
 * Who sees a measure, decided here only: hidden (deleted) measures nobody; internal ones only the
 * city's members; and only in plans whose state the reader may see (drafts stay internal). The same
 * rule as SQL for lists and counts, and in memory for rows already loaded; one test table checks both.
 */

/** The public reads adopted plans and the closed ones they replaced; drafts stay internal. */
export const publicPlanStates: PlanState[] = ['adopted', 'closed']

export function visiblePlanStates (actor: Actor, cityId: number): PlanState[] {
  return canSeeInternal(actor, cityId) ? ['draft', 'adopted', 'closed'] : publicPlanStates
}

/** The facts about a measure the rule looks at. */
export interface MeasureVisibilityFacts { cityId: number, isPublic: boolean, deletedAt: Date | null }

const publicMeasure = () => and(isNull(measures.deletedAt), eq(measures.isPublic, true))!

/** The measures of `cityId` the actor sees, as a condition on the measures table (plan states apart). */
export function measureVisibleTo (actor: Actor, cityId: number): SQL {
  return canSeeInternal(actor, cityId) ? isNull(measures.deletedAt) : publicMeasure()
}

/**
 * The same rule for a query that learns the city only as it runs (`cityId` a column, e.g. the plan's):
 * a plan read and its counts then take one statement instead of first looking the plan up.
 */
export function measureVisibleInCityOf (actor: Actor, cityId: AnyColumn): SQL {
  const internal = internalCities(actor)
  if (internal === 'all') return isNull(measures.deletedAt)
  if (internal.length === 0) return publicMeasure()
  return and(isNull(measures.deletedAt), or(eq(measures.isPublic, true), inArray(cityId, internal)))!
}

/** Who reads, as the values of `measureVisibleToReader`'s placeholders. */
export interface ReaderValues { [key: string]: unknown, seesAllCities: boolean, internalCityIds: number[] }

export function readerValues (actor: Actor): ReaderValues {
  const internal = internalCities(actor)
  return internal === 'all' ? { seesAllCities: true, internalCityIds: [] } : { seesAllCities: false, internalCityIds: internal }
}

/** What the public sees of any city, and so what a report made for the public contains. */
export const measureVisibleToPublic = (): SQL => publicMeasure()

/** The same rule for a measure already loaded; with its plan's state when the plan is not checked elsewhere. */
export function canSeeMeasure (actor: Actor, measure: MeasureVisibilityFacts, planState?: PlanState): boolean {
  if (measure.deletedAt !== null) return false
  if (!measure.isPublic && !canSeeInternal(actor, measure.cityId)) return false
  return planState === undefined || visiblePlanStates(actor, measure.cityId).includes(planState)
}
