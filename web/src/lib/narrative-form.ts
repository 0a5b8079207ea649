import type { CycleNarrative, NarrativeTextField, ReportingCycle, UpdateCycleNarrative, UpdateReportingCycle } from '@eccar/shared'
import { ApiError } from '@/api/http'

// The field list is repeated here rather than imported: a value import from the contract module would
// bring TypeBox into the page's bundle. The type below fails to compile if the two lists drift apart.
export const narrativeTextFields = [
  'textDe', 'textEn', 'challengesDe', 'challengesEn', 'needsDe', 'needsEn',
  'exchangeTopicsDe', 'exchangeTopicsEn', 'noNarrativeReasonDe', 'noNarrativeReasonEn',
] as const satisfies readonly NarrativeTextField[]
type Missing = Exclude<NarrativeTextField, (typeof narrativeTextFields)[number]>
const allFieldsListed: Missing extends never ? true : never = true
void allFieldsListed

/** The texts of one commitment in a cycle, as the form holds them (blank: not written). */
export type NarrativeFormValues = Record<NarrativeTextField, string>

/** The groups of the form, each German and English; `text` is the narrative itself. */
export const narrativeGroups = ['text', 'challenges', 'needs', 'exchangeTopics', 'noNarrativeReason'] as const
export type NarrativeGroup = (typeof narrativeGroups)[number]

export const fieldsOf = (group: NarrativeGroup) => [`${group}De`, `${group}En`] as [NarrativeTextField, NarrativeTextField]

export function narrativeToForm (n: CycleNarrative): NarrativeFormValues {
  return Object.fromEntries(narrativeTextFields.map((f) => [f, n[f] ?? ''])) as NarrativeFormValues
}

/** The PUT body: only the changed fields; a blank text becomes null (no text). */
export function narrativeChangesToBody (changes: Partial<NarrativeFormValues>): UpdateCycleNarrative {
  const body: Record<string, string | null> = {}
  for (const [key, value] of Object.entries(changes)) body[key] = value?.trim() ? value : null
  return body as UpdateCycleNarrative
}

const written = (value: string | null | undefined) => !!value?.trim()

/** A commitment is complete with a narrative, or with a public explanation why there is none (comply or explain). */
export function narrativeComplete (n: Pick<CycleNarrative, 'textDe' | 'textEn' | 'noNarrativeReasonDe' | 'noNarrativeReasonEn'>): boolean {
  return written(n.textDe) || written(n.textEn) || written(n.noNarrativeReasonDe) || written(n.noNarrativeReasonEn)
}

/** True when any of the group's two texts is written (its disclosure opens). */
export const groupWritten = (values: NarrativeFormValues, group: NarrativeGroup) => fieldsOf(group).some((f) => written(values[f]))

/** One commitment's narrative out of a cycle answer. */
export function narrativeOf (cycle: ReportingCycle, number: number): CycleNarrative {
  const found = cycle.narratives.find((n) => n.number === number)
  if (!found) throw new Error(`commitment ${number} missing from the cycle`)
  return found
}

/**
 * A 412 on a narrative carries the whole cycle as it is now; the form compares against that
 * commitment's narrative, so the error is passed on with the narrative as `current`.
 */
export function narrativeConflict (error: unknown, number: number): unknown {
  if (!(error instanceof ApiError) || error.status !== 412) return error
  const current = (error.body as { current?: ReportingCycle } | null)?.current
  const narrative = current?.narratives?.find((n) => n.number === number)
  if (!narrative) return error
  return new ApiError(error.status, error.code, error.message, error.requestId, { ...(error.body as object), current: narrative })
}

/**
 * The commitments an approval was refused for (409 CYCLE_INCOMPLETE names each as
 * `details[].path` `/narratives/<n>`), in order; empty for any other error.
 */
export function incompleteCommitments (error: { code: string, body?: unknown }): number[] {
  if (error.code !== 'CYCLE_INCOMPLETE') return []
  const details = (error.body as { details?: { path?: unknown }[] } | null)?.details
  if (!Array.isArray(details)) return []
  const numbers = details.flatMap((d) => {
    const match = typeof d.path === 'string' ? /^\/narratives\/(\d+)$/.exec(d.path) : null
    return match ? [Number(match[1])] : []
  })
  return [...new Set(numbers)].sort((a, b) => a - b)
}

/**
 * The cycle's facts form: title in German (required) and English (blank: none, the German one is shown,
 * marked), its own period and the due date (blank: none).
 */
export interface CycleTitleFormValues {
  [key: string]: unknown
  title: string
  titleEn: string
  periodStart: string
  periodEnd: string
  dueDate: string
}

export const cycleTitleToForm = (c: Pick<ReportingCycle, 'title' | 'titleEn' | 'periodStart' | 'periodEnd' | 'dueDate'>): CycleTitleFormValues => ({
  title: c.title, titleEn: c.titleEn ?? '', periodStart: c.periodStart, periodEnd: c.periodEnd, dueDate: c.dueDate ?? '',
})

/** The period's two dates are required and in order; the keys are message keys for the error summary. */
export function validateCyclePeriod (v: { periodStart: string, periodEnd: string }): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {}
  if (!v.periodStart) errors.periodStart = 'admin.validation.required'
  if (!v.periodEnd) errors.periodEnd = 'admin.validation.required'
  else if (v.periodStart && v.periodEnd < v.periodStart) errors.periodEnd = 'reporting.createForm.periodOrder'
  return errors
}

export function validateCycleTitle (v: CycleTitleFormValues): Partial<Record<string, string>> {
  return { ...(v.title.trim() ? {} : { title: 'admin.validation.required' }), ...validateCyclePeriod(v) }
}

export function cycleTitleChangesToBody (changes: Partial<CycleTitleFormValues>): Omit<UpdateReportingCycle, 'version'> {
  const body: Omit<UpdateReportingCycle, 'version'> = {}
  if (changes.title !== undefined) body.title = changes.title.trim()
  if (changes.titleEn !== undefined) body.titleEn = changes.titleEn.trim() || null
  if (changes.periodStart !== undefined) body.periodStart = changes.periodStart
  if (changes.periodEnd !== undefined) body.periodEnd = changes.periodEnd
  if (changes.dueDate !== undefined) body.dueDate = changes.dueDate || null
  return body
}
