import { and, asc, count, desc, eq, inArray, max, ne, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client.ts'
import { cities, commitments, measures, planCommitments, plans, statusUpdates } from '../../db/schema/index.ts'
import type { PlanState } from '@eccar/shared'
import type { SQL } from 'drizzle-orm'

const planColumns = {
  id: plans.id,
  cityId: plans.cityId,
  citySlug: cities.slug,
  cityName: cities.name,
  titleDe: plans.titleDe,
  titleEn: plans.titleEn,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  resolutionNumber: plans.resolutionNumber,
  resolutionDate: plans.resolutionDate,
  state: plans.state,
  predecessorId: plans.predecessorId,
  introDe: plans.introDe,
  introEn: plans.introEn,
  version: plans.version,
}

export type PlanRow = Awaited<ReturnType<typeof findPlan>> & object

export async function findPlan (db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select(planColumns).from(plans).innerJoin(cities, eq(cities.id, plans.cityId)).where(eq(plans.id, id))
  const [row] = options.forUpdate ? await query.for('update', { of: plans }) : await query
  return row
}

export function listPlansOfCity (db: Db, cityId: number, states: PlanState[]) {
  return db.select(planColumns).from(plans).innerJoin(cities, eq(cities.id, plans.cityId))
    .where(and(eq(plans.cityId, cityId), inArray(plans.state, states)))
    .orderBy(asc(plans.periodStart), asc(plans.id))
}

const successors = alias(plans, 'successors')

/** The published plans (adopted or closed) that continue the given ones, newest first; drafts stay unannounced. */
export function listSuccessors (db: Db, planIds: number[]) {
  if (planIds.length === 0) return Promise.resolve([])
  return db.select({ id: successors.id, predecessorId: successors.predecessorId }).from(successors)
    .where(and(inArray(successors.predecessorId, planIds), ne(successors.state, 'draft')))
    .orderBy(desc(successors.periodStart), desc(successors.id))
}

/** The date of the latest status update of the plan's visible measures: how fresh its figures are. */
export async function latestStatusUpdate (db: Db, planId: number, visible: SQL) {
  const [row] = await db.select({ date: max(statusUpdates.date) }).from(statusUpdates)
    .innerJoin(measures, eq(measures.id, statusUpdates.measureId))
    .where(and(eq(measures.planId, planId), visible))
  return row?.date ?? null
}

/** Visible measures per plan and primary commitment, in one grouped query. */
export function countMeasures (db: Db, planIds: number[], visible: SQL) {
  if (planIds.length === 0) return Promise.resolve([])
  return db.select({ planId: measures.planId, commitment: measures.primaryCommitment, count: count() })
    .from(measures)
    .where(and(inArray(measures.planId, planIds), visible))
    .groupBy(measures.planId, measures.primaryCommitment)
}

export function listPlanCommitments (db: Db, planId: number) {
  return db.select({
    number: commitments.number,
    titleEn: commitments.titleEn,
    titleDe: commitments.titleDe,
    localTitleDe: planCommitments.localTitleDe,
    localTitleEn: planCommitments.localTitleEn,
    contextDe: planCommitments.contextDe,
    contextEn: planCommitments.contextEn,
  }).from(commitments)
    .leftJoin(planCommitments, and(eq(planCommitments.commitmentNumber, commitments.number), eq(planCommitments.planId, planId)))
    .orderBy(asc(commitments.number))
}

/** Status counts and progress sums per primary commitment: everything the progress summary needs. */
export function progressFigures (db: Db, planId: number, visible: SQL) {
  return db.select({
    commitment: measures.primaryCommitment,
    status: measures.status,
    count: count(),
    progressSum: sql<number>`coalesce(sum(${measures.progress}), 0)::int`,
  }).from(measures)
    .where(and(eq(measures.planId, planId), visible))
    .groupBy(measures.primaryCommitment, measures.status)
}

/** Every plan has a row per commitment, so local texts can be updated in place. */
/** The id of the new plan. */
export async function insertPlan (db: Db, values: typeof plans.$inferInsert) {
  const [row] = await db.insert(plans).values(values).returning({ id: plans.id })
  return row!.id
}

export async function deletePlan (db: Db, id: number) {
  await db.delete(plans).where(eq(plans.id, id))
}

/** The commitment's row of the plan before and after the change, for the audit entry. */
export async function updatePlanCommitment (db: Db, planId: number, number: number, changes: Partial<typeof planCommitments.$inferInsert>) {
  const where = and(eq(planCommitments.planId, planId), eq(planCommitments.commitmentNumber, number))
  const [before] = await db.select().from(planCommitments).where(where)
  const [after] = await db.update(planCommitments).set(changes).where(where).returning()
  return { before, after }
}

export async function insertEmptyPlanCommitments (db: Db, planId: number) {
  await db.insert(planCommitments).values(Array.from({ length: 10 }, (_, i) => ({ planId, commitmentNumber: i + 1 })))
}

/** The plan's whole status timeline, for charts of progress over time: no notes, no people. */
export function planStatusHistory (db: Db, planId: number, visible: SQL) {
  return db.select({
    measureId: measures.id,
    code: measures.code,
    primaryCommitment: measures.primaryCommitment,
    date: statusUpdates.date,
    fromStatus: statusUpdates.fromStatus,
    status: statusUpdates.status,
    progress: statusUpdates.progress,
  }).from(statusUpdates)
    .innerJoin(measures, eq(measures.id, statusUpdates.measureId))
    .where(and(eq(measures.planId, planId), visible))
    .orderBy(asc(statusUpdates.date), asc(statusUpdates.id))
}
