import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  indicatorCommitments, indicatorMeasures, indicators, indicatorValues, measures, plans, users,
} from '../../db/schema/index.ts'

export type IndicatorRow = typeof indicators.$inferSelect

/** The indicator with its plan's state, which decides who may read it. */
export async function findIndicator (db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select({ indicator: indicators, planState: plans.state }).from(indicators)
    .innerJoin(plans, eq(plans.id, indicators.planId)).where(eq(indicators.id, id))
  const [row] = options.forUpdate ? await query.for('update', { of: indicators }) : await query
  return row
}

export async function findIndicatorRow (db: Db, id: number) {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id))
  return row
}

export async function insertIndicator (db: Db, values: typeof indicators.$inferInsert) {
  const [row] = await db.insert(indicators).values(values).returning()
  return row!
}

export async function deleteIndicator (db: Db, id: number) {
  await db.delete(indicators).where(eq(indicators.id, id))
}

export async function insertIndicatorValue (db: Db, values: typeof indicatorValues.$inferInsert) {
  const [row] = await db.insert(indicatorValues).values(values).returning()
  return row!
}

export async function deleteIndicatorValue (db: Db, id: number) {
  await db.delete(indicatorValues).where(eq(indicatorValues.id, id))
}

export function listIndicatorsOfPlan (db: Db, planId: number, options: { publicOnly: boolean }) {
  const conditions = [eq(indicators.planId, planId), ...(options.publicOnly ? [eq(indicators.isPublic, true)] : [])]
  return db.select().from(indicators).where(and(...conditions)).orderBy(asc(indicators.id))
}

/** Commitments, measures and values of several indicators, each list in the order it is shown. */
export async function loadIndicatorLinks (db: Db, ids: number[]) {
  if (ids.length === 0) return { commitments: [], measures: [], values: [] }
  // Sequential on purpose: inside a transaction all three share one connection.
  const commitmentRows = await db.select().from(indicatorCommitments)
    .where(inArray(indicatorCommitments.indicatorId, ids)).orderBy(asc(indicatorCommitments.commitmentNumber))
  const measureRows = await db.select({
    indicatorId: indicatorMeasures.indicatorId, id: measures.id, code: measures.code, titleDe: measures.titleDe, titleEn: measures.titleEn,
    cityId: measures.cityId, isPublic: measures.isPublic, deletedAt: measures.deletedAt,
  }).from(indicatorMeasures).innerJoin(measures, eq(measures.id, indicatorMeasures.measureId))
    .where(inArray(indicatorMeasures.indicatorId, ids))
    .orderBy(asc(measures.primaryCommitment), asc(measures.position), asc(measures.id))
  const valueRows = await db.select({
    value: indicatorValues, user: { id: users.id, displayName: users.displayName },
  }).from(indicatorValues).leftJoin(users, eq(users.id, indicatorValues.enteredBy))
    .where(inArray(indicatorValues.indicatorId, ids))
    .orderBy(...valueOrder)
  return { commitments: commitmentRows, measures: measureRows, values: valueRows }
}
export type IndicatorLinks = Awaited<ReturnType<typeof loadIndicatorLinks>>

/** Oldest period first, the total before its categories. */
export const valueOrder = [
  asc(indicatorValues.periodStart), asc(indicatorValues.periodEnd), sql`${indicatorValues.category} asc nulls first`, asc(indicatorValues.id),
]

export async function replaceIndicatorLinks (db: Db, indicatorId: number, links: { commitments?: number[] | undefined, measureIds?: number[] | undefined }) {
  if (links.commitments) {
    await db.delete(indicatorCommitments).where(eq(indicatorCommitments.indicatorId, indicatorId))
    if (links.commitments.length) {
      await db.insert(indicatorCommitments).values(links.commitments.map((commitmentNumber) => ({ indicatorId, commitmentNumber })))
    }
  }
  if (links.measureIds) {
    await db.delete(indicatorMeasures).where(eq(indicatorMeasures.indicatorId, indicatorId))
    if (links.measureIds.length) {
      await db.insert(indicatorMeasures).values(links.measureIds.map((measureId) => ({ indicatorId, measureId })))
    }
  }
}

/** The value already stored for a period and category (null = the total), if any. */
export async function findValueForPeriod (db: Db, indicatorId: number, period: { periodStart: string, periodEnd: string, category: string | null }) {
  const [row] = await db.select({ id: indicatorValues.id }).from(indicatorValues).where(and(
    eq(indicatorValues.indicatorId, indicatorId),
    eq(indicatorValues.periodStart, period.periodStart),
    eq(indicatorValues.periodEnd, period.periodEnd),
    sql`coalesce(${indicatorValues.category}, '') = ${period.category ?? ''}`,
  ))
  return row
}

export async function findValue (db: Db, indicatorId: number, valueId: number) {
  const [row] = await db.select().from(indicatorValues)
    .where(and(eq(indicatorValues.id, valueId), eq(indicatorValues.indicatorId, indicatorId)))
  return row
}
