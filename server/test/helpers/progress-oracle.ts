import { measureStatuses, settledStatuses, type MeasureStatus, type PlanProgress, type StatusCounts } from '@eccar/shared'
import { and, asc, count, eq, isNull, max, sql, sum } from 'drizzle-orm'
import type { Db } from '../../src/db/client.ts'
import { commitments, measures, planCommitments, statusUpdates } from '../../src/db/schema/index.ts'

// The progress summary counted from the tables in TypeScript, as the server did on each read before the
// database kept it (`plan_progress_answers`, migration 0023): the tests compare the kept answers with it.

interface ProgressFigure { commitment: number, status: MeasureStatus, count: number, progressSum: number }
interface CommitmentTitles { number: number, titleEn: string, titleDe: string, localTitleDe: string | null, localTitleEn: string | null }

const zeroCounts = measureStatuses.reduce((counts, status) => Object.assign(counts, { [status]: 0 }), {} as StatusCounts)
const emptyCounts = (): StatusCounts => ({ ...zeroCounts })

function summarise (figures: ProgressFigure[]) {
  const byStatus = emptyCounts()
  let measureCount = 0
  let progressSum = 0
  for (const figure of figures) {
    byStatus[figure.status] += figure.count
    measureCount += figure.count
    progressSum += figure.progressSum
  }
  const settled = settledStatuses.reduce((sum, status) => sum + byStatus[status], 0)
  return {
    measureCount,
    byStatus,
    settledShare: measureCount === 0 ? 0 : round(settled / measureCount, 4),
    averageProgress: measureCount === 0 ? 0 : round(progressSum / measureCount, 1),
  }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits

/** Per-commitment and whole-plan summaries from grouped counts; every commitment appears, even without measures. */
function summariseProgress (
  planId: number, titles: CommitmentTitles[], figures: ProgressFigure[], latestUpdate: string | null = null,
): PlanProgress {
  return {
    planId,
    total: summarise(figures),
    latestUpdate,
    commitments: titles.map((title) =>
      Object.assign({}, title, summarise(figures.filter((figure) => figure.commitment === title.number)))),
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
  return summariseProgress(planId, titles, figures, latest?.date ?? null)
}
