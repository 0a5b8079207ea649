import { measureStatuses, settledStatuses, type MeasureStatus, type PlanProgress, type StatusCounts } from '@eccar/shared'
import { and, asc, count, eq, isNull, max, sql, sum } from 'drizzle-orm'
import type { Db } from '../../src/db/client.ts'
import { commitments, measures, planCommitments, statusUpdates } from '../../src/db/schema/index.ts'

// The progress summary counted from the tables in TypeScript, as the server did on each read before the
// database kept it (`plan_progress_answers`, migration 0023): the tests compare the kept answers with it.

interface ProgressFigure { commitment: number, status: MeasureStatus, count: number, progressSum: number }

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/** One summary (the plan's or a commitment's) of grouped counts: every status, zero where none. */
function summarise (figures: ProgressFigure[]) {
  const byStatus = Object.fromEntries(measureStatuses.map((status) => [status, 0])) as StatusCounts
  for (const figure of figures) byStatus[figure.status] += figure.count
  const measureCount = figures.reduce((total, figure) => total + figure.count, 0)
  const progressSum = figures.reduce((total, figure) => total + figure.progressSum, 0)
  const settled = settledStatuses.reduce((total, status) => total + byStatus[status], 0)
  return {
    measureCount,
    byStatus,
    settledShare: measureCount === 0 ? 0 : round(settled / measureCount, 4),
    averageProgress: measureCount === 0 ? 0 : round(progressSum / measureCount, 1),
  }
}

/** The summary of the plan's measures that the public (`members` false) or the city's members see. */
export async function countedProgress (db: Db, planId: number, members: boolean): Promise<PlanProgress> {
  const titles = await db.select({
    number: commitments.number, titleEn: commitments.titleEn, titleDe: commitments.titleDe,
    localTitleDe: planCommitments.localTitleDe, localTitleEn: planCommitments.localTitleEn,
  }).from(commitments)
    .leftJoin(planCommitments, and(eq(planCommitments.commitmentNumber, commitments.number), eq(planCommitments.planId, planId)))
    .orderBy(asc(commitments.number))
  const visible = and(eq(measures.planId, planId), isNull(measures.deletedAt), members ? undefined : eq(measures.isPublic, true))
  const figures = await db.select({
    commitment: measures.primaryCommitment, status: measures.status, count: count(), progressSum: sql<number>`coalesce(${sum(measures.progress)}, 0)::int`,
  }).from(measures).where(visible).groupBy(measures.primaryCommitment, measures.status)
  const [latest] = await db.select({ date: max(statusUpdates.date) }).from(statusUpdates)
    .innerJoin(measures, eq(measures.id, statusUpdates.measureId)).where(visible)
  return {
    planId,
    total: summarise(figures),
    latestUpdate: latest?.date ?? null,
    // Every commitment, even without measures.
    commitments: titles.map((title) => ({ ...title, ...summarise(figures.filter((figure) => figure.commitment === title.number)) })),
  }
}
