import {
  Limits, type CreateMeasure, type MeasureDetail, type MeasureType, type Recurrence, type UpdateMeasure,
} from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'
import { textOrNull } from './form-diff'

export interface RelationFormValue {
  [key: string]: unknown
  measureId: number | null
  noteDe: string
  noteEn: string
}

export interface MeasureFormValues {
  [key: string]: unknown
  code: string
  primaryCommitment: number | null
  secondaryCommitments: number[]
  titleDe: string
  titleEn: string
  descriptionDe: string
  descriptionEn: string
  type: MeasureType | ''
  leadOrganisationId: number | null
  involvedOrganisationIds: number[]
  startDate: string
  endDate: string
  recurrence: Recurrence
  recurrenceOn: string
  timeframeNoteDe: string
  timeframeNoteEn: string
  fundingNoteDe: string
  fundingNoteEn: string
  goodPractice: boolean
  goodPracticeDescriptionDe: string
  goodPracticeDescriptionEn: string
  relatedMeasures: RelationFormValue[]
  exampleActions: string[]
  isPublic: boolean
  internalNote: string
}

/** The order fields appear in the form (and in a conflict's comparison). */
export const measureFieldOrder = [
  'code', 'primaryCommitment', 'secondaryCommitments', 'type', 'isPublic', 'titleDe', 'titleEn', 'descriptionDe', 'descriptionEn',
  'leadOrganisationId', 'involvedOrganisationIds', 'startDate', 'endDate', 'recurrence', 'recurrenceOn', 'timeframeNoteDe',
  'timeframeNoteEn', 'fundingNoteDe', 'fundingNoteEn', 'goodPractice', 'goodPracticeDescriptionDe', 'goodPracticeDescriptionEn', 'relatedMeasures', 'exampleActions', 'internalNote',
] as const

const sorted = (ids: readonly number[]) => [...ids].sort((a, b) => a - b)

export function emptyMeasureForm (primaryCommitment: number | null = null): MeasureFormValues {
  return {
    code: '',
    primaryCommitment,
    secondaryCommitments: [],
    titleDe: '',
    titleEn: '',
    descriptionDe: '',
    descriptionEn: '',
    type: '',
    leadOrganisationId: null,
    involvedOrganisationIds: [],
    startDate: '',
    endDate: '',
    recurrence: 'once',
    recurrenceOn: '',
    timeframeNoteDe: '',
    timeframeNoteEn: '',
    fundingNoteDe: '',
    fundingNoteEn: '',
    goodPractice: false,
    goodPracticeDescriptionDe: '',
    goodPracticeDescriptionEn: '',
    relatedMeasures: [],
    exampleActions: [],
    // New measures start internal: nothing appears publicly before it is ready.
    isPublic: false,
    internalNote: '',
  }
}

export function measureToForm (m: MeasureDetail): MeasureFormValues {
  return {
    code: m.code,
    primaryCommitment: m.primaryCommitment,
    secondaryCommitments: sorted(m.secondaryCommitments),
    titleDe: m.titleDe,
    titleEn: m.titleEn ?? '',
    descriptionDe: m.descriptionDe ?? '',
    descriptionEn: m.descriptionEn ?? '',
    type: m.type,
    leadOrganisationId: m.leadOrganisation?.id ?? null,
    involvedOrganisationIds: sorted(m.involvedOrganisations.map((o) => o.id)),
    startDate: m.startDate ?? '',
    endDate: m.endDate ?? '',
    recurrence: m.recurrence,
    recurrenceOn: m.recurrenceOn ?? '',
    timeframeNoteDe: m.timeframeNoteDe ?? '',
    timeframeNoteEn: m.timeframeNoteEn ?? '',
    fundingNoteDe: m.fundingNoteDe ?? '',
    fundingNoteEn: m.fundingNoteEn ?? '',
    goodPractice: m.goodPractice,
    goodPracticeDescriptionDe: m.goodPracticeDescriptionDe ?? '',
    goodPracticeDescriptionEn: m.goodPracticeDescriptionEn ?? '',
    relatedMeasures: m.relatedMeasures.map((r) => ({ measureId: r.id, noteDe: r.noteDe ?? '', noteEn: r.noteEn ?? '' })),
    exampleActions: [...m.exampleActions.map((a) => a.key)].sort(),
    isPublic: m.isPublic,
    internalNote: m.internalNote ?? '',
  }
}

const codePattern = /^[0-9A-Za-z][0-9A-Za-z._-]*$/
const monthDayPattern = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/

export function validateMeasure (v: MeasureFormValues): FieldErrors {
  const errors: FieldErrors = {}
  const code = v.code.trim()
  if (!code) errors.code = 'admin.validation.required'
  else if (code.length > Limits.code || !codePattern.test(code)) errors.code = 'admin.validation.code'
  if (v.primaryCommitment === null) errors.primaryCommitment = 'admin.validation.choose'
  else if (v.secondaryCommitments.includes(v.primaryCommitment)) errors.secondaryCommitments = 'errors.SECONDARY_COMMITMENT_INVALID'
  if (!v.titleDe.trim()) errors.titleDe = 'admin.validation.required'
  if (!v.type) errors.type = 'admin.validation.choose'
  if (v.startDate && v.endDate && v.endDate < v.startDate) errors.endDate = 'errors.MEASURE_DATES_INVALID'
  if (v.recurrenceOn.trim() && !monthDayPattern.test(v.recurrenceOn.trim())) errors.recurrenceOn = 'admin.validation.monthDay'
  // The report presents good practices with their description; a flag alone would say nothing.
  if (v.goodPractice && !v.goodPracticeDescriptionDe.trim() && !v.goodPracticeDescriptionEn.trim()) {
    errors.goodPracticeDescriptionDe = 'admin.validation.goodPracticeDescription'
  }
  if (v.relatedMeasures.some((r) => r.measureId === null)) errors.relatedMeasures = 'admin.validation.relatedMissing'
  else if (new Set(v.relatedMeasures.map((r) => r.measureId)).size < v.relatedMeasures.length) errors.relatedMeasures = 'admin.validation.relatedTwice'
  return errors
}

const relationsToBody = (relations: RelationFormValue[]) =>
  relations.filter((r) => r.measureId !== null).map((r) => ({ measureId: r.measureId as number, noteDe: textOrNull(r.noteDe), noteEn: textOrNull(r.noteEn) }))

type Converter = { [K in keyof MeasureFormValues]?: (value: never) => unknown }

const converters: Converter = {
  code: (v: string) => v.trim(),
  titleDe: (v: string) => v.trim(),
  type: (v: MeasureType) => v,
  primaryCommitment: (v: number) => v,
  secondaryCommitments: (v: number[]) => sorted(v),
  involvedOrganisationIds: (v: number[]) => sorted(v),
  leadOrganisationId: (v: number | null) => v,
  startDate: (v: string) => v || null,
  endDate: (v: string) => v || null,
  recurrence: (v: Recurrence) => v,
  recurrenceOn: (v: string) => textOrNull(v),
  relatedMeasures: (v: RelationFormValue[]) => relationsToBody(v),
  exampleActions: (v: string[]) => [...v].sort(),
  isPublic: (v: boolean) => v,
  goodPractice: (v: boolean) => v,
}

function convert (key: keyof MeasureFormValues, value: unknown): unknown {
  const fn = converters[key] as ((value: unknown) => unknown) | undefined
  return fn ? fn(value) : textOrNull(value as string)
}

/** The PATCH body: only the changed fields, converted to the API's shape (blank text → null). */
export function measureChangesToBody (changes: Partial<MeasureFormValues>): UpdateMeasure {
  const body: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(changes)) body[key] = convert(key, value)
  return body as UpdateMeasure
}

/** The POST body: every field, blank optional ones left out. */
export function measureToCreateBody (v: MeasureFormValues): CreateMeasure {
  const body: Record<string, unknown> = {}
  for (const key of measureFieldOrder) {
    const value = convert(key, v[key])
    if (value === null || (Array.isArray(value) && value.length === 0)) continue
    // Not a good practice is the API's default.
    if (key === 'goodPractice' && value === false) continue
    body[key] = value
  }
  return body as CreateMeasure
}
