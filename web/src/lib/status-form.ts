import {
  CreateStatusUpdateSchema, Limits, statusesRequiringReason,
  type CreateStatusUpdate, type MeasureDetail, type MeasureStatus,
} from '@eccar/shared'
import { Value } from 'typebox/value'

/** One evidence link row as the form edits it. */
export interface EvidenceRow { url: string, label: string }

/** The status form's fields, as the inputs hold them (strings; progress may be empty while typing). */
export interface StatusFormState {
  status: MeasureStatus
  progress: number | ''
  date: string
  noteDe: string
  noteEn: string
  reason: string
  evidenceLinks: EvidenceRow[]
  organisationId: number | null
}

/** A problem with one field: `field` names the input (`evidenceLinks.0.url`), `key` the message under statusForm.errors. */
export interface FieldError { field: string, key: string, params?: Record<string, string | number> }

/** Today as the server sees it (UTC): a report may not be dated later. */
export const serverToday = (now: Date = new Date()) => now.toISOString().slice(0, 10)

export const needsReason = (status: MeasureStatus) => statusesRequiringReason.includes(status)

/** A fresh form for a measure: its current status, progress and reason; dated today. */
export function initialFormState (measure: Pick<MeasureDetail, 'status' | 'progress' | 'statusReason'>, organisationId: number | null, today: string): StatusFormState {
  return {
    status: measure.status,
    progress: measure.progress,
    date: today,
    noteDe: '',
    noteEn: '',
    reason: measure.statusReason ?? '',
    evidenceLinks: [],
    organisationId,
  }
}

const isBlankRow = (row: EvidenceRow) => !row.url.trim() && !row.label.trim()

/**
 * The request body: trimmed texts, empty ones left out, blank link rows dropped, the reason only for
 * statuses that need one. The rows keep their indices in error paths, so blank rows are dropped last.
 */
export function toRequestBody (state: StatusFormState, version: number): CreateStatusUpdate {
  const text = (value: string) => (value.trim() ? value.trim() : undefined)
  const links = state.evidenceLinks.filter((row) => !isBlankRow(row)).map((row) => ({
    url: row.url.trim(),
    ...(row.label.trim() ? { label: row.label.trim() } : {}),
  }))
  const body: CreateStatusUpdate = {
    status: state.status,
    progress: state.progress === '' ? Number.NaN : state.progress,
    date: state.date,
    version,
  }
  const noteDe = text(state.noteDe)
  const noteEn = text(state.noteEn)
  if (noteDe !== undefined) body.noteDe = noteDe
  if (noteEn !== undefined) body.noteEn = noteEn
  if (needsReason(state.status)) {
    const reason = text(state.reason)
    if (reason !== undefined) body.reason = reason
  }
  if (links.length) body.evidenceLinks = links
  if (state.organisationId !== null) body.organisationId = state.organisationId
  return body
}

// Error paths of the request body point at the compacted link list; map them back to the form's rows.
function rowIndexMap (state: StatusFormState): number[] {
  return state.evidenceLinks.flatMap((row, i) => (isBlankRow(row) ? [] : [i]))
}

function messageFor (keyword: string, path: string, params: Record<string, unknown>): Pick<FieldError, 'key' | 'params'> {
  if (path === '/status') return { key: 'status' }
  if (path === '/progress') return { key: 'progress' }
  if (path === '/date') return { key: 'date' }
  if (path === '/evidenceLinks') return { key: 'tooManyLinks', params: { max: Limits.linksPerMeasure } }
  if (/\/url$/.test(path)) return keyword === 'maxLength' ? { key: 'tooLong', params: { max: Limits.url } } : { key: 'url' }
  if (keyword === 'maxLength' && typeof params.limit === 'number') return { key: 'tooLong', params: { max: params.limit } }
  return { key: 'invalid' }
}

/**
 * The same checks as the server, in the form's terms: the CreateStatusUpdate schema (via TypeBox),
 * then the rules the schema cannot express — a reason for delayed, dropped and exam_done_no, no date
 * after today. One error per field, in the form's order.
 */
export function validateStatusForm (state: StatusFormState, today: string): FieldError[] {
  const errors = new Map<string, FieldError>()
  const add = (error: FieldError) => { if (!errors.has(error.field)) errors.set(error.field, error) }
  const body = toRequestBody(state, 1)
  const rows = rowIndexMap(state)

  if (state.progress === '' || !Number.isFinite(state.progress)) add({ field: 'progress', key: 'progress' })
  for (const error of Value.Errors(CreateStatusUpdateSchema, body)) {
    const path = error.instancePath
    const link = /^\/evidenceLinks\/(\d+)\/(url|label)$/.exec(path)
    const field = link ? `evidenceLinks.${rows[Number(link[1])] ?? link[1]}.${link[2]}` : path.slice(1).replace(/\//g, '.') || 'form'
    add({ field, ...messageFor(error.keyword, path, error.params as Record<string, unknown>) })
  }
  if (needsReason(state.status) && !state.reason.trim()) add({ field: 'reason', key: 'reasonRequired' })
  if (/^\d{4}-\d{2}-\d{2}$/.test(state.date) && state.date > today) add({ field: 'date', key: 'dateFuture' })
  // A label alone is not a link.
  state.evidenceLinks.forEach((row, i) => { if (!row.url.trim() && row.label.trim()) add({ field: `evidenceLinks.${i}.url`, key: 'url' }) })

  const order = ['status', 'progress', 'date', 'reason', 'noteDe', 'noteEn', 'evidenceLinks', 'organisationId']
  const rank = (field: string) => {
    const i = order.findIndex((name) => field === name || field.startsWith(`${name}.`))
    return i === -1 ? order.length : i
  }
  return [...errors.values()].sort((a, b) => rank(a.field) - rank(b.field) || a.field.localeCompare(b.field, undefined, { numeric: true }))
}

/** The id an input gets for a field (`evidenceLinks.0.url` → `status-evidenceLinks-0-url`). */
export const fieldId = (field: string) => `status-${field.replace(/\./g, '-')}`
