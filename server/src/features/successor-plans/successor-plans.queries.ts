import type { MeasureStatus } from '@eccar/shared'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { insertInChunks } from '../common/measure-links.queries.ts'
import {
  measureExampleActions, measureInvolvedOrganisations, measureRelations, measures, measureSecondaryCommitments, planCommitments, plans,
  statusUpdates,
} from '../../db/schema/index.ts'

export type MeasureRow = typeof measures.$inferSelect

/** The plan that already continues this one, if any. */
export async function findSuccessor (db: Db, planId: number) {
  const [row] = await db.select({ id: plans.id }).from(plans).where(eq(plans.predecessorId, planId)).limit(1)
  return row
}

/** Every measure of the plan (internal ones too; hidden ones are not part of it), in plan order, locked. */
export const lockPlanMeasures = (db: Db, planId: number) =>
  db.select().from(measures).where(and(eq(measures.planId, planId), isNull(measures.deletedAt)))
    .orderBy(asc(measures.primaryCommitment), asc(measures.position), asc(measures.id)).for('update')

/** The links a carried-over measure takes along. */
export async function loadMeasureLinks (db: Db, ids: number[]) {
  if (ids.length === 0) return { secondary: [], involved: [], exampleActions: [], relations: [] }
  const secondary = await db.select().from(measureSecondaryCommitments).where(inArray(measureSecondaryCommitments.measureId, ids))
  const involved = await db.select().from(measureInvolvedOrganisations).where(inArray(measureInvolvedOrganisations.measureId, ids))
  const exampleActions = await db.select().from(measureExampleActions).where(inArray(measureExampleActions.measureId, ids))
  const relations = await db.select().from(measureRelations).where(inArray(measureRelations.measureId, ids))
  return { secondary, involved, exampleActions, relations }
}

/** The old plan's local commitment titles and context texts, copied to the new plan (one row per commitment). */
export async function copyPlanCommitments (db: Db, fromPlanId: number, toPlanId: number) {
  const old = await db.select().from(planCommitments).where(eq(planCommitments.planId, fromPlanId))
  await db.insert(planCommitments).values(Array.from({ length: 10 }, (_, i) => {
    const row = old.find((c) => c.commitmentNumber === i + 1)
    return {
      planId: toPlanId, commitmentNumber: i + 1, localTitleDe: row?.localTitleDe ?? null, localTitleEn: row?.localTitleEn ?? null,
      contextDe: row?.contextDe ?? null, contextEn: row?.contextEn ?? null,
    }
  }))
}

export async function insertPlan (db: Db, values: typeof plans.$inferInsert) {
  const [row] = await db.insert(plans).values(values).returning()
  return row!
}

export async function insertMeasures (db: Db, rows: (typeof measures.$inferInsert)[]) {
  return rows.length === 0 ? [] : db.insert(measures).values(rows).returning()
}

/** The old plan's measures `ids` end with this status; each counts its version up. */
export async function endMeasures (db: Db, planId: number, ids: number[], status: MeasureStatus, reason: string | null) {
  await db.update(measures)
    .set({ status, statusReason: reason, version: sql`${measures.version} + 1`, updatedAt: new Date() })
    .where(and(eq(measures.planId, planId), inArray(measures.id, ids)))
}

export type NewStatusUpdate = typeof statusUpdates.$inferInsert

export async function insertStatusUpdates (db: Db, entries: NewStatusUpdate[]) {
  await insertInChunks(entries, (rows) => db.insert(statusUpdates).values(rows))
}

export async function closePlan (db: Db, planId: number) {
  await db.update(plans).set({ state: 'closed', version: sql`${plans.version} + 1`, updatedAt: new Date() }).where(eq(plans.id, planId))
}
