import type { NarrativeTextField } from '@eccar/shared'
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { updateVersioned } from '../common/versioned-write.queries.ts'
import {
  cities, cycleNarratives, cycleSnapshots, indicators, measureInvolvedOrganisations, measures, measureSecondaryCommitments, organisations, plans,
  reportingCycles, statusUpdates, steeringMeetings, users,
} from '../../db/schema/index.ts'
import { measureVisibleToPublic } from '../common/visibility.ts'

export type CycleRow = typeof reportingCycles.$inferSelect

export async function findCycle (db: Db, id: number, options: { forUpdate?: boolean, forShare?: boolean } = {}) {
  const query = db.select().from(reportingCycles).where(eq(reportingCycles.id, id))
  const [row] = options.forUpdate ? await query.for('update') : options.forShare ? await query.for('share') : await query
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

/** The steering-group meetings approvals name, by id, with their city (to refuse another city's meeting). */
export async function meetingRefs (db: Db, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
  if (wanted.length === 0) return new Map<number, { id: number, date: string, cityId: number }>()
  const rows = await db.select({ id: steeringMeetings.id, date: steeringMeetings.date, cityId: steeringMeetings.cityId })
    .from(steeringMeetings).where(inArray(steeringMeetings.id, wanted))
  return new Map(rows.map((row) => [row.id, row]))
}

export const listNarratives = (db: Db, cycleId: number) =>
  db.select().from(cycleNarratives).where(eq(cycleNarratives.cycleId, cycleId)).orderBy(asc(cycleNarratives.commitmentNumber))

export type NarrativeRow = typeof cycleNarratives.$inferSelect
export type NarrativeTexts = Partial<Record<NarrativeTextField, string | null>>

/**
 * Writes the texts that are given and bumps the narrative's own version; a narrative written for
 * the first time starts at version 1 (the version an unwritten one is read at), so it is stored as 2.
 */
export async function writeNarrative (db: Db, cycleId: number, commitmentNumber: number, existing: NarrativeRow | undefined, texts: NarrativeTexts) {
  if (existing) {
    await updateVersioned(db, cycleNarratives, and(eq(cycleNarratives.cycleId, cycleId), eq(cycleNarratives.commitmentNumber, commitmentNumber))!, existing.version, texts)
  } else {
    await db.insert(cycleNarratives).values({ cycleId, commitmentNumber, ...texts, version: 2 })
  }
}

export async function findNarrative (db: Db, cycleId: number, commitmentNumber: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(cycleNarratives)
    .where(and(eq(cycleNarratives.cycleId, cycleId), eq(cycleNarratives.commitmentNumber, commitmentNumber)))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}

export async function findSnapshot (db: Db, cycleId: number) {
  const [row] = await db.select().from(cycleSnapshots).where(eq(cycleSnapshots.cycleId, cycleId))
  return row
}

export async function insertSnapshot (db: Db, cycleId: number, snapshot: unknown) {
  await db.insert(cycleSnapshots).values({ cycleId, snapshot })
}

export async function insertCycle (db: Db, values: typeof reportingCycles.$inferInsert) {
  const [row] = await db.insert(reportingCycles).values(values).returning()
  return row!
}

// What a report is built from. Its measures are the plan's measures as the public sees them.

const inReport = (planId: number) => and(eq(measures.planId, planId), measureVisibleToPublic())

/** The plan with its city's address and name. */
export async function findPlanWithCity (db: Db, planId: number) {
  const [row] = await db.select({ plan: plans, city: { slug: cities.slug, name: cities.name } })
    .from(plans).innerJoin(cities, eq(cities.id, plans.cityId)).where(eq(plans.id, planId))
  return row
}

/** The report's measures in plan order, with their lead organisation's names. */
export const listReportMeasures = (db: Db, planId: number) =>
  db.select({ measure: measures, lead: organisations.name, leadEn: organisations.nameEn })
    .from(measures).leftJoin(organisations, eq(organisations.id, measures.leadOrganisationId))
    .where(inReport(planId)).orderBy(asc(measures.primaryCommitment), asc(measures.position), asc(measures.id))

export const listReportSecondaryCommitments = (db: Db, planId: number) =>
  db.select({ measureId: measureSecondaryCommitments.measureId, number: measureSecondaryCommitments.commitmentNumber })
    .from(measureSecondaryCommitments).innerJoin(measures, eq(measures.id, measureSecondaryCommitments.measureId))
    .where(inReport(planId)).orderBy(asc(measureSecondaryCommitments.commitmentNumber))

export const listReportInvolvedOrganisations = (db: Db, planId: number) =>
  db.select({ measureId: measureInvolvedOrganisations.measureId, name: organisations.name, nameEn: organisations.nameEn })
    .from(measureInvolvedOrganisations).innerJoin(measures, eq(measures.id, measureInvolvedOrganisations.measureId))
    .innerJoin(organisations, eq(organisations.id, measureInvolvedOrganisations.organisationId))
    .where(inReport(planId))

/** The whole timeline of the report's measures, oldest first, with the reporting organisation's names. */
export const listReportTimeline = (db: Db, planId: number) =>
  db.select({
    measureId: statusUpdates.measureId, date: statusUpdates.date, fromStatus: statusUpdates.fromStatus, status: statusUpdates.status,
    fromProgress: statusUpdates.fromProgress, progress: statusUpdates.progress, noteDe: statusUpdates.noteDe, noteEn: statusUpdates.noteEn,
    reason: statusUpdates.reason, evidenceLinks: statusUpdates.evidenceLinks, organisation: organisations.name, organisationEn: organisations.nameEn,
  }).from(statusUpdates).innerJoin(measures, eq(measures.id, statusUpdates.measureId))
    .leftJoin(organisations, eq(organisations.id, statusUpdates.organisationId))
    .where(inReport(planId))
    .orderBy(asc(statusUpdates.date), asc(statusUpdates.id))

/** The plan's published indicators. */
export const listPublicIndicators = (db: Db, planId: number) =>
  db.select().from(indicators).where(and(eq(indicators.planId, planId), eq(indicators.isPublic, true))).orderBy(asc(indicators.id))

/** The latest report the city submitted for a period that ended before this one began (any of its plans). */
export async function findPreviousSubmittedCycle (db: Db, cycle: { cityId: number, periodStart: string }) {
  const [row] = await db.select().from(reportingCycles)
    .where(and(eq(reportingCycles.cityId, cycle.cityId), eq(reportingCycles.state, 'submitted'), lt(reportingCycles.periodEnd, cycle.periodStart)))
    .orderBy(desc(reportingCycles.periodEnd), desc(reportingCycles.id)).limit(1)
  return row
}
