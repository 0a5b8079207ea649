import {
  measureStatuses, narrativeTextFields, type MeasureStatus, type ReportBrand, type ReportCommitment, type ReportMeasure, type ReportSnapshot, type StatusCounts,
} from '@eccar/shared'
import type { Db } from '../../db/client.ts'
import { loadIndicatorLinks, presentIndicator } from '../indicators/indicators.service.ts'
import { listPlanCommitments } from '../plans/plans.service.ts'
import { closingStatuses, compareSnapshots } from './reporting.compare.ts'
import {
  findPlanWithCity, findPreviousSubmittedCycle, findSnapshot, listNarratives, listPublicIndicators, listReportInvolvedOrganisations, listReportMeasures,
  listReportSecondaryCommitments, listReportTimeline, meetingRefs, userRefs, type CycleRow,
} from './reporting.queries.ts'
import { upgradeSnapshot, type StoredSnapshot } from '../../reports/snapshot-upgrade.ts'
import { checkPng } from '../../reports/png.ts'
import { brandForReport } from '../brand/brand.service.ts'
import { byName } from '../../lib/collation.ts'

const emptyCounts = (): StatusCounts => Object.fromEntries(measureStatuses.map((status) => [status, 0])) as StatusCounts

type OrgName = { name: string, nameEn: string | null }
type ReportMeasureRow = ReportMeasure & { primaryCommitment: number }

const orgName = (name: string | null, nameEn: string | null): OrgName | null => (name === null ? null : { name, nameEn })

/**
 * Status, progress and status date as of the period's end, from the timeline: the latest entry dated
 * on or before it. Without one, the status before the first later entry (its "from"), or, for a
 * measure with no timeline at all, the status on record (nothing says it ever changed).
 */
export function statusAsOf (
  timeline: { date: string, fromStatus: MeasureStatus | null, status: MeasureStatus, fromProgress: number | null, progress: number, reason: string | null }[],
  current: { status: MeasureStatus, progress: number, statusReason: string | null },
  periodEnd: string,
) {
  const upToEnd = timeline.filter((entry) => entry.date <= periodEnd)
  const last = upToEnd[upToEnd.length - 1]
  if (last) return { status: last.status, progress: last.progress, statusDate: last.date as string | null, statusReason: last.reason }
  const firstLater = timeline[0]
  if (firstLater) return { status: firstLater.fromStatus ?? 'planned', progress: firstLater.fromProgress ?? 0, statusDate: null, statusReason: null }
  return { status: current.status, progress: current.progress, statusDate: null, statusReason: current.statusReason }
}

/** Started: the timeline left "planned" (or the measure's start date falls) within the period. Closed: it reached a closing status within it. */
export function periodMarks (
  inPeriod: { fromStatus: MeasureStatus | null, status: MeasureStatus }[],
  startDate: string | null,
  period: { periodStart: string, periodEnd: string },
) {
  const startedInPeriod = (startDate !== null && startDate >= period.periodStart && startDate <= period.periodEnd)
    || inPeriod.some((u) => (u.fromStatus === null || u.fromStatus === 'planned') && u.status !== 'planned')
  const closedInPeriod = inPeriod.some((u) => closingStatuses.includes(u.status) && (u.fromStatus === null || !closingStatuses.includes(u.fromStatus)))
  return { startedInPeriod, closedInPeriod }
}

async function loadMeasures (db: Db, planId: number, period: { periodStart: string, periodEnd: string }): Promise<ReportMeasureRow[]> {
  // Sequential on purpose: inside the submitting transaction all queries share one connection.
  const rows = await listReportMeasures(db, planId)
  const secondary = await listReportSecondaryCommitments(db, planId)
  const involved = await listReportInvolvedOrganisations(db, planId)
  // The whole timeline: entries after the period tell the status before them.
  const timeline = await listReportTimeline(db, planId)

  const group = <T extends { measureId: number }>(list: T[]) => {
    const map = new Map<number, T[]>()
    for (const item of list) map.set(item.measureId, [...(map.get(item.measureId) ?? []), item])
    return map
  }
  const secondaryOf = group(secondary)
  const involvedOf = group(involved)
  const timelineOf = group(timeline)

  return rows.map(({ measure: m, lead, leadEn }): ReportMeasureRow => {
    const entries = timelineOf.get(m.id) ?? []
    const inPeriod = entries.filter((u) => u.date >= period.periodStart && u.date <= period.periodEnd)
    return {
      id: m.id,
      primaryCommitment: m.primaryCommitment,
      code: m.code,
      titleDe: m.titleDe,
      titleEn: m.titleEn,
      descriptionDe: m.descriptionDe,
      descriptionEn: m.descriptionEn,
      type: m.type,
      startDate: m.startDate,
      endDate: m.endDate,
      timeframeNoteDe: m.timeframeNoteDe,
      timeframeNoteEn: m.timeframeNoteEn,
      fundingNoteDe: m.fundingNoteDe,
      fundingNoteEn: m.fundingNoteEn,
      ...statusAsOf(entries, m, period.periodEnd),
      ...periodMarks(inPeriod, m.startDate, period),
      secondaryCommitments: (secondaryOf.get(m.id) ?? []).map((s) => s.number),
      leadOrganisation: orgName(lead, leadEn),
      involvedOrganisations: (involvedOf.get(m.id) ?? []).map((i) => ({ name: i.name, nameEn: i.nameEn })).sort(byName),
      goodPractice: m.goodPractice,
      goodPracticeDescriptionDe: m.goodPracticeDescriptionDe,
      goodPracticeDescriptionEn: m.goodPracticeDescriptionEn,
      updates: inPeriod.map((u) => ({
        date: u.date,
        fromStatus: u.fromStatus,
        status: u.status,
        progress: u.progress,
        noteDe: u.noteDe,
        noteEn: u.noteEn,
        reason: u.reason,
        organisation: orgName(u.organisation, u.organisationEn),
        evidenceLinks: u.evidenceLinks.map((link) => ({ url: link.url, label: link.label ?? null })),
      })),
    }
  })
}

/** Published indicators with their values up to the period's end; progress is computed from those alone. */
async function loadIndicators (db: Db, planId: number, periodEnd: string, reported: Set<number>) {
  const rows = await listPublicIndicators(db, planId)
  const links = await loadIndicatorLinks(db, rows.map((row) => row.id))
  return rows.map((row) => {
    const values = links.values.filter(({ value }) => value.indicatorId === row.id && value.periodEnd <= periodEnd)
      .map(({ value }) => ({ periodStart: value.periodStart, periodEnd: value.periodEnd, category: value.category, value: value.value }))
    return {
      ...presentIndicator(row, links, values),
      measureCodes: links.measures.filter((m) => m.indicatorId === row.id && reported.has(m.id)).map((m) => m.code),
    }
  })
}

/**
 * The city's look for the report: its accent colour and its logo if that is a whole PNG. A WebP logo, or a
 * file that only starts like a PNG, is left out (the report then has no logo) rather than breaking the PDF.
 */
async function loadBrand (db: Db, cityId: number): Promise<ReportBrand> {
  const { accentColour, png } = await brandForReport(db, cityId)
  const size = png ? checkPng(png) : null
  return { accentColour, logo: png && size ? { mediaType: 'image/png', data: png.toString('base64'), ...size } : null }
}

/**
 * The report of a cycle as the live records show it now: the plan's public measures in plan order,
 * each with its status as of the period's end and the timeline entries dated within the period;
 * status counts per commitment (secondary measures included), the narratives with challenges, needs
 * and exchange topics, published indicators with their values up to the period's end, and the
 * changes since the previous submitted report, and the city's logo and accent colour. Submission stores
 * exactly this, so a submitted report keeps the look it was submitted with.
 */
export async function buildReportSnapshot (db: Db, cycle: CycleRow): Promise<ReportSnapshot> {
  const cycleId = cycle.id
  const plan = await findPlanWithCity(db, cycle.planId)
  const titles = await listPlanCommitments(db, cycle.planId)
  const narratives = await listNarratives(db, cycleId)
  const reportMeasures = await loadMeasures(db, cycle.planId, cycle)
  const reportIndicators = await loadIndicators(db, cycle.planId, cycle.periodEnd, new Set(reportMeasures.map((m) => m.id)))
  const approver = (await userRefs(db, [cycle.approvedBy])).get(cycle.approvedBy ?? 0)
  const approvalMeeting = (await meetingRefs(db, [cycle.approvalMeetingId])).get(cycle.approvalMeetingId ?? 0)
  const brand = await loadBrand(db, plan!.plan.cityId)

  const commitments = titles.map((title): ReportCommitment => {
    const own = reportMeasures.filter((m) => m.primaryCommitment === title.number)
    const serving = reportMeasures.filter((m) => m.primaryCommitment !== title.number && m.secondaryCommitments.includes(title.number))
    // The overview counts every measure serving a commitment, primary or secondary.
    const statusCounts = emptyCounts()
    for (const measure of [...own, ...serving]) statusCounts[measure.status]++
    const narrative = narratives.find((n) => n.commitmentNumber === title.number)
    const texts = Object.fromEntries(narrativeTextFields.map((field) => [field, narrative?.[field] ?? null])) as Record<(typeof narrativeTextFields)[number], string | null>
    return {
      number: title.number,
      titleEn: title.titleEn,
      titleDe: title.titleDe,
      localTitleDe: title.localTitleDe,
      localTitleEn: title.localTitleEn,
      narrativeDe: texts.textDe,
      narrativeEn: texts.textEn,
      challengesDe: texts.challengesDe,
      challengesEn: texts.challengesEn,
      needsDe: texts.needsDe,
      needsEn: texts.needsEn,
      exchangeTopicsDe: texts.exchangeTopicsDe,
      exchangeTopicsEn: texts.exchangeTopicsEn,
      noNarrativeReasonDe: texts.noNarrativeReasonDe,
      noNarrativeReasonEn: texts.noNarrativeReasonEn,
      statusCounts,
      measures: own.map(({ primaryCommitment: _number, ...measure }) => measure),
      secondaryMeasures: serving.map((m) => ({
        id: m.id, code: m.code, titleDe: m.titleDe, titleEn: m.titleEn, primaryCommitment: m.primaryCommitment, status: m.status,
      })),
    }
  })

  const snapshot: ReportSnapshot = {
    formatVersion: 2,
    takenAt: new Date().toISOString(),
    city: plan!.city,
    brand,
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
      titleEn: cycle.titleEn,
      periodStart: cycle.periodStart,
      periodEnd: cycle.periodEnd,
      dueDate: cycle.dueDate,
      state: cycle.state,
      approvedAt: cycle.approvedAt?.toISOString() ?? null,
      approvedBy: approver?.displayName ?? null,
      approvalMeetingDate: approvalMeeting?.date ?? null,
      submittedAt: cycle.submittedAt?.toISOString() ?? null,
    },
    commitments,
    indicators: reportIndicators,
    previous: null,
  }
  // The previous report is a submitted one, so it is read from its frozen snapshot (no recursion).
  const previous = await findPreviousSubmittedCycle(db, cycle)
  if (previous) {
    const earlier = await loadReportSnapshot(db, previous)
    snapshot.previous = { title: earlier.cycle.title, titleEn: earlier.cycle.titleEn, comparison: compareSnapshots(earlier, snapshot) }
  }
  return snapshot
}

/**
 * The report of a cycle: the frozen snapshot once submitted, a fresh build from the live records
 * before. Renderers call this; access checks are the caller's.
 */
export async function loadReportSnapshot (db: Db, cycle: CycleRow): Promise<ReportSnapshot> {
  if (cycle.state !== 'submitted') return buildReportSnapshot(db, cycle)
  const stored = await findSnapshot(db, cycle.id)
  // Submission writes the snapshot in the same transaction; rebuilding would silently change a submitted report.
  if (!stored) throw new Error(`Submitted reporting cycle ${cycle.id} has no snapshot`)
  return upgradeSnapshot(stored.snapshot as StoredSnapshot)
}
