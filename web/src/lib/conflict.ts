import type { MeasureStatus, StatusEntry } from '@eccar/shared'
import { compareIso } from './compare'

/** What the conflict view needs of a measure: its current state and its timeline. */
export interface MeasureState {
  version: number
  status: MeasureStatus
  progress: number
  statusReason: string | null
  statusHistory: readonly StatusEntry[]
}

export type ConflictChange =
  | { field: 'status', before: MeasureStatus, after: MeasureStatus }
  | { field: 'progress', before: number, after: number }
  | { field: 'reason', before: string | null, after: string | null }

export interface ConflictDiff {
  /** Status, progress and reason where they differ, in that order. */
  changes: ConflictChange[]
  /** Timeline entries added since the form was opened, newest first. */
  newEntries: StatusEntry[]
  /** The newest entry of the timeline as it is now (null when there is none). */
  newestEntry: StatusEntry | null
  /** True when only other fields changed (e.g. the description): nothing above differs. */
  otherFieldsOnly: boolean
}

/** Newest first: by date, then by when it was recorded, then by id. */
export function newestFirst (entries: readonly StatusEntry[]): StatusEntry[] {
  return [...entries].sort((a, b) => compareIso(b.date, a.date) || compareIso(b.recordedAt, a.recordedAt) || b.id - a.id)
}

/**
 * What someone else changed between the version the form was opened on (`base`) and the version the
 * server holds now (`current`, from the 412 answer).
 */
export function diffMeasure (base: MeasureState, current: MeasureState): ConflictDiff {
  const changes: ConflictChange[] = []
  if (base.status !== current.status) changes.push({ field: 'status', before: base.status, after: current.status })
  if (base.progress !== current.progress) changes.push({ field: 'progress', before: base.progress, after: current.progress })
  if ((base.statusReason ?? null) !== (current.statusReason ?? null)) {
    changes.push({ field: 'reason', before: base.statusReason ?? null, after: current.statusReason ?? null })
  }
  const known = new Set(base.statusHistory.map((entry) => entry.id))
  const newEntries = newestFirst(current.statusHistory.filter((entry) => !known.has(entry.id)))
  const newestEntry = newestFirst(current.statusHistory)[0] ?? null
  return { changes, newEntries, newestEntry, otherFieldsOnly: changes.length === 0 && newEntries.length === 0 }
}
