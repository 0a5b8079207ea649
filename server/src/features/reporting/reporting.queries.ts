import { asc, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cycleNarratives, cycleSnapshots, reportingCycles, users } from '../../db/schema/index.ts'

export type CycleRow = typeof reportingCycles.$inferSelect

export async function findCycle (db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(reportingCycles).where(eq(reportingCycles.id, id))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}

export const listCyclesOfPlan = (db: Db, planId: number) =>
  db.select().from(reportingCycles).where(eq(reportingCycles.planId, planId))
    .orderBy(asc(reportingCycles.periodStart), asc(reportingCycles.id))

export async function latestCycleEnd (db: Db, planId: number) {
  const [row] = await db.select({ periodEnd: reportingCycles.periodEnd }).from(reportingCycles)
    .where(eq(reportingCycles.planId, planId)).orderBy(desc(reportingCycles.periodEnd)).limit(1)
  return row?.periodEnd ?? null
}

/** Display names of the people who approved or submitted, by id. */
export async function userRefs (db: Db, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
  if (wanted.length === 0) return new Map<number, { id: number, displayName: string }>()
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, wanted))
  return new Map(rows.map((row) => [row.id, row]))
}

export const listNarratives = (db: Db, cycleId: number) =>
  db.select().from(cycleNarratives).where(eq(cycleNarratives.cycleId, cycleId)).orderBy(asc(cycleNarratives.commitmentNumber))

/** Writes the texts that are given; a narrative written for the first time starts empty. */
export async function upsertNarrative (db: Db, cycleId: number, commitmentNumber: number, texts: { textDe?: string | null | undefined, textEn?: string | null | undefined }) {
  const changes = Object.fromEntries(Object.entries(texts).filter(([, value]) => value !== undefined))
  const insert = db.insert(cycleNarratives).values({ cycleId, commitmentNumber, textDe: texts.textDe ?? null, textEn: texts.textEn ?? null })
  await (Object.keys(changes).length === 0
    ? insert.onConflictDoNothing()
    : insert.onConflictDoUpdate({ target: [cycleNarratives.cycleId, cycleNarratives.commitmentNumber], set: changes }))
}

export async function findSnapshot (db: Db, cycleId: number) {
  const [row] = await db.select().from(cycleSnapshots).where(eq(cycleSnapshots.cycleId, cycleId))
  return row
}

export async function insertSnapshot (db: Db, cycleId: number, snapshot: unknown) {
  await db.insert(cycleSnapshots).values({ cycleId, snapshot })
}
