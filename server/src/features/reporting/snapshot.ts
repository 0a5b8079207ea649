import { measureStatuses, type ReportCommitment, type ReportMeasure, type ReportSnapshot, type StatusCounts } from '@eccar/shared'
import { and, asc, between, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  cities, indicators, measureInvolvedOrganisations, measures, measureSecondaryCommitments, organisations, plans, statusUpdates,
} from '../../db/schema/index.ts'
import { latestTotal, progressToTarget } from '../indicators/indicators.progress.ts'
import { loadIndicatorLinks } from '../indicators/indicators.queries.ts'
import { listPlanCommitments } from '../plans/plans.queries.ts'
import { ReportingCycleNotFoundError } from './reporting.errors.ts'
import { findCycle, findSnapshot, listNarratives, userRefs } from './reporting.queries.ts'

/** What a report contains: public, not deleted measures of the plan. */
const inReport = (planId: number) => and(eq(measures.planId, planId), eq(measures.isPublic, true), isNull(measures.deletedAt))

const emptyCounts = (): StatusCounts => Object.fromEntries(measureStatuses.map((status) => [status, 0])) as StatusCounts

const byName = (a: string, b: string) => a.localeCompare(b, 'de')

async function loadMeasures (db: Db, planId: number, period: { periodStart: string, periodEnd: string }) {
  // Sequential on purpose: inside the submitting transaction all queries share one connection.
  const rows = await db.select({
    id: measures.id, code: measures.code, primaryCommitment: measures.primaryCommitment, titleDe: measures.titleDe, titleEn: measures.titleEn,
    type: measures.type, status: measures.status, progress: measures.progress, statusReason: measures.statusReason, lead: organisations.name,
  }).from(measures).leftJoin(organisations, eq(organisations.id, measures.leadOrganisationId))
    .where(inReport(planId)).orderBy(asc(measures.primaryCommitment), asc(measures.position), asc(measures.id))
  const secondary = await db.select({ measureId: measureSecondaryCommitments.measureId, number: measureSecondaryCommitments.commitmentNumber })
    .from(measureSecondaryCommitments).innerJoin(measures, eq(measures.id, measureSecondaryCommitments.measureId))
    .where(inReport(planId)).orderBy(asc(measureSecondaryCommitments.commitmentNumber))
  const involved = await db.select({ measureId: measureInvolvedOrganisations.measureId, name: organisations.name })
    .from(measureInvolvedOrganisations).innerJoin(measures, eq(measures.id, measureInvolvedOrganisations.measureId))
    .innerJoin(organisations, eq(organisations.id, measureInvolvedOrganisations.organisationId))
    .where(inReport(planId))
  const updates = await db.select({
    measureId: statusUpdates.measureId, date: statusUpdates.date, fromStatus: statusUpdates.fromStatus, status: statusUpdates.status,
    progress: statusUpdates.progress, noteDe: statusUpdates.noteDe, noteEn: statusUpdates.noteEn, reason: statusUpdates.reason,
    organisation: organisations.name,
  }).from(statusUpdates).innerJoin(measures, eq(measures.id, statusUpdates.measureId))
    .leftJoin(organisations, eq(organisations.id, statusUpdates.organisationId))
    .where(and(inReport(planId), between(statusUpdates.date, period.periodStart, period.periodEnd)))
    .orderBy(asc(statusUpdates.date), asc(statusUpdates.id))

  return rows.map((row): ReportMeasure & { primaryCommitment: number } => ({
    id: row.id,
    primaryCommitment: row.primaryCommitment,
    code: row.code,
    titleDe: row.titleDe,
    titleEn: row.titleEn,
    type: row.type,
    status: row.status,
    progress: row.progress,
    statusReason: row.statusReason,
    secondaryCommitments: secondary.filter((s) => s.measureId === row.id).map((s) => s.number),
    leadOrganisation: row.lead,
    involvedOrganisations: involved.filter((i) => i.measureId === row.id).map((i) => i.name).sort(byName),
    updates: updates.filter((u) => u.measureId === row.id).map(({ measureId: _measure, ...update }) => update),
  }))
}

/** Published indicators with their values up to the period's end; progress is computed from those alone. */
async function loadIndicators (db: Db, planId: number, periodEnd: string, reported: Set<number>) {
  const rows = await db.select().from(indicators)
    .where(and(eq(indicators.planId, planId), eq(indicators.isPublic, true))).orderBy(asc(indicators.id))
  const links = await loadIndicatorLinks(db, rows.map((row) => row.id))
  return rows.map((row) => {
    const values = links.values.filter(({ value }) => value.indicatorId === row.id && value.periodEnd <= periodEnd)
      .map(({ value }) => ({ periodStart: value.periodStart, periodEnd: value.periodEnd, category: value.category, value: value.value }))
    const latestValue = latestTotal(values)
    return {
      id: row.id,
      nameDe: row.nameDe,
      nameEn: row.nameEn,
      definitionDe: row.definitionDe,
      definitionEn: row.definitionEn,
      unit: row.unit,
      source: row.source,
      direction: row.direction,
      baselineValue: row.baselineValue,
      baselineDate: row.baselineDate,
      targetValue: row.targetValue,
      targetDate: row.targetDate,
      commitments: links.commitments.filter((c) => c.indicatorId === row.id).map((c) => c.commitmentNumber),
      measureCodes: links.measures.filter((m) => m.indicatorId === row.id && reported.has(m.id)).map((m) => m.code),
      values,
      latestValue,
      progressToTarget: progressToTarget(row, latestValue),
    }
  })
}

/**
 * The report of a cycle as the live records show it now: the plan's public measures in plan order
 * with the timeline entries dated within the period, status counts per commitment, the narratives,
 * and published indicators with their values up to the period's end. Submission stores exactly this.
 */
export async function buildReportSnapshot (db: Db, cycleId: number): Promise<ReportSnapshot> {
  const cycle = await findCycle(db, cycleId)
  if (!cycle) throw new ReportingCycleNotFoundError(cycleId)
  const [plan] = await db.select({ plan: plans, city: { slug: cities.slug, name: cities.name } })
    .from(plans).innerJoin(cities, eq(cities.id, plans.cityId)).where(eq(plans.id, cycle.planId))
  const titles = await listPlanCommitments(db, cycle.planId)
  const narratives = await listNarratives(db, cycleId)
  const reportMeasures = await loadMeasures(db, cycle.planId, cycle)
  const reportIndicators = await loadIndicators(db, cycle.planId, cycle.periodEnd, new Set(reportMeasures.map((m) => m.id)))
  const approver = (await userRefs(db, [cycle.approvedBy])).get(cycle.approvedBy ?? 0)

  const commitments = titles.map((title): ReportCommitment => {
    const own = reportMeasures.filter((m) => m.primaryCommitment === title.number)
    const statusCounts = emptyCounts()
    for (const measure of own) statusCounts[measure.status]++
    const narrative = narratives.find((n) => n.commitmentNumber === title.number)
    return {
      number: title.number,
      titleEn: title.titleEn,
      titleDe: title.titleDe,
      localTitleDe: title.localTitleDe,
      localTitleEn: title.localTitleEn,
      narrativeDe: narrative?.textDe ?? null,
      narrativeEn: narrative?.textEn ?? null,
      statusCounts,
      measures: own.map(({ primaryCommitment: _number, ...measure }) => measure),
    }
  })

  return {
    formatVersion: 1,
    takenAt: new Date().toISOString(),
    city: plan!.city,
    plan: {
      id: plan!.plan.id,
      titleDe: plan!.plan.titleDe,
      titleEn: plan!.plan.titleEn,
      periodStart: plan!.plan.periodStart,
      periodEnd: plan!.plan.periodEnd,
      resolutionNumber: plan!.plan.resolutionNumber,
      resolutionDate: plan!.plan.resolutionDate,
    },
    cycle: {
      id: cycle.id,
      title: cycle.title,
      periodStart: cycle.periodStart,
      periodEnd: cycle.periodEnd,
      dueDate: cycle.dueDate,
      state: cycle.state,
      approvedAt: cycle.approvedAt?.toISOString() ?? null,
      approvedBy: approver?.displayName ?? null,
      submittedAt: cycle.submittedAt?.toISOString() ?? null,
    },
    commitments,
    indicators: reportIndicators,
  }
}

/**
 * The report of a cycle: the frozen snapshot once submitted, a fresh build from the live records
 * before. Renderers call this; access checks are the caller's.
 */
export async function loadReportSnapshot (db: Db, cycleId: number): Promise<ReportSnapshot> {
  const cycle = await findCycle(db, cycleId)
  if (!cycle) throw new ReportingCycleNotFoundError(cycleId)
  if (cycle.state !== 'submitted') return buildReportSnapshot(db, cycleId)
  const stored = await findSnapshot(db, cycleId)
  // Submission writes the snapshot in the same transaction; rebuilding would silently change a submitted report.
  if (!stored) throw new Error(`Submitted reporting cycle ${cycleId} has no snapshot`)
  return stored.snapshot as ReportSnapshot
}
