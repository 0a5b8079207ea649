import {
  Limits, measureShownFieldNames, type MeasureDetail, type MeasureLink, type MeasureShownField, type MeasureSummary, type StatusEntry,
} from '@eccar/shared'
import { canSeeInternal, type Actor } from '../../auth/actor.ts'
import { canSeeMeasure } from '../common/visibility.ts'
import type { MeasureDetailRow, MeasureListRow, PredecessorRow, TimelineRow } from './measures.queries.ts'
import { byName, compareCodes } from '../../lib/collation.ts'

type LinkedMeasure = {
  id: number, code: string, titleDe: string, titleEn: string | null, primaryCommitment: number, position: number, isPublic: boolean, deletedAt: Date | null,
}

/** Linked measures in the plan's order (commitment, position), as the measure list shows them. */
const byPlanOrder = (a: LinkedMeasure, b: LinkedMeasure) =>
  a.primaryCommitment - b.primaryCommitment || a.position - b.position || a.id - b.id

const toLink = (measure: LinkedMeasure, note: { noteDe: string | null, noteEn: string | null }): MeasureLink => ({
  id: measure.id, code: measure.code, titleDe: measure.titleDe, titleEn: measure.titleEn, noteDe: note.noteDe, noteEn: note.noteEn,
})

export function toMeasureSummary (row: MeasureListRow): MeasureSummary {
  return {
    id: row.id,
    planId: row.planId,
    code: row.code,
    primaryCommitment: row.primaryCommitment,
    secondaryCommitments: row.secondaryCommitments.map((s) => s.commitmentNumber).sort((a, b) => a - b),
    titleDe: row.titleDe,
    titleEn: row.titleEn,
    type: row.type,
    status: row.status,
    progress: row.progress,
    leadOrganisation: row.lead ?? null,
    involvedOrganisations: row.involved.map((i) => i.organisation).sort(byName),
    startDate: row.startDate,
    endDate: row.endDate,
    recurrence: row.recurrence,
    isPublic: row.isPublic,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** The shown fields (texts, flags, numbers), all public, copied by name: a new one needs no line here. */
const shownFieldsOf = (row: MeasureDetailRow) =>
  Object.fromEntries(measureShownFieldNames.map((field) => [field, row[field]])) as Pick<MeasureDetailRow, MeasureShownField>

/** The predecessor is shown only to readers who may see it where it is (its plan and the measure itself). */
function toPredecessor (predecessor: PredecessorRow | undefined, actor: Actor): MeasureDetail['predecessor'] {
  if (!predecessor || !canSeeMeasure(actor, predecessor, predecessor.planState)) return null
  return { id: predecessor.id, code: predecessor.code, planId: predecessor.planId, planTitleDe: predecessor.planTitleDe }
}

/** The public never receives internal notes; everything else on a measure page is public record. */
export function toMeasureDetail (row: MeasureDetailRow, actor: Actor, predecessor?: PredecessorRow): MeasureDetail {
  const internal = canSeeInternal(actor, row.cityId)
  // Assigned onto the summary rather than spread into a new literal: V8 (Node 20) adds properties to a
  // spread copy through a slow path (microseconds per property), on every detail read.
  const detail: MeasureDetail = Object.assign(toMeasureSummary(row), {
    citySlug: row.plan.city.slug,
    planTitleDe: row.plan.titleDe,
    planTitleEn: row.plan.titleEn,
  }, shownFieldsOf(row), {
    statusReason: row.statusReason,
    relatedMeasures: row.relations.filter((r) => canSeeMeasure(actor, r.related)).sort((a, b) => byPlanOrder(a.related, b.related))
      .map((r) => toLink(r.related, r)),
    referencedBy: row.referencedBy.filter((r) => canSeeMeasure(actor, r.measure)).sort((a, b) => byPlanOrder(a.measure, b.measure))
      .map((r) => toLink(r.measure, r)),
    // By commitment, then key: the catalogue's keys are the commitment's number and a letter (1.a … 10.c).
    exampleActions: row.exampleActions.map((e) => e.action)
      .sort((a, b) => a.commitmentNumber - b.commitmentNumber || compareCodes(a.key, b.key)),
    statusHistory: row.statusUpdates.slice(0, Limits.timelinePage).map((update) => toStatusEntry(update, internal)),
    statusHistoryTotal: row.statusHistoryTotal,
    statusHistoryNext: timelineNext(row.id, row.statusUpdates, Limits.timelinePage),
    origin: row.origin,
    predecessor: toPredecessor(predecessor, actor),
  })
  if (internal) detail.internalNote = row.internalNote
  return detail
}

/** A timeline entry; the person who recorded it is internal, the public sees the organisation only. */
export function toStatusEntry (update: TimelineRow, internal: boolean): StatusEntry {
  return {
    id: update.id,
    date: update.date,
    fromStatus: update.fromStatus,
    status: update.status,
    fromProgress: update.fromProgress,
    progress: update.progress,
    noteDe: update.noteDe,
    noteEn: update.noteEn,
    reason: update.reason,
    evidenceLinks: update.evidenceLinks,
    organisation: update.organisation ?? null,
    recordedAt: update.recordedAt.toISOString(),
    ...(internal ? { recordedBy: update.user ?? null } : {}),
  }
}

/** The address of the older entries after a page loaded with one extra row, or null when there are none. */
export function timelineNext (measureId: number, rows: readonly { date: string, id: number }[], limit: number): string | null {
  if (rows.length <= limit) return null
  const oldest = rows[limit - 1]!
  return `/api/measures/${measureId}/status-history?before=${oldest.date}~${oldest.id}`
}
