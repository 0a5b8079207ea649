import type { CreateIndicator, CreateIndicatorValue, Indicator, UpdateIndicator } from '@eccar/shared'

// The indicator forms of the administration: every field as text while typing, turned into the
// contract's body on saving (blank: none). Message keys name what is wrong, for the error summary.

export const indicatorDirections = ['increase', 'decrease', 'maintain'] as const

export interface IndicatorFormValues {
  [key: string]: unknown
  nameDe: string
  nameEn: string
  definitionDe: string
  definitionEn: string
  unit: string
  unitEn: string
  direction: Indicator['direction']
  baselineValue: string
  baselineDate: string
  targetValue: string
  targetDate: string
  /** '' for none, else the commitment's number. */
  commitment: string
}

export const emptyIndicatorForm = (): IndicatorFormValues => ({
  nameDe: '', nameEn: '', definitionDe: '', definitionEn: '', unit: '', unitEn: '', direction: 'increase',
  baselineValue: '', baselineDate: '', targetValue: '', targetDate: '', commitment: '',
})

const text = (v: number | string | null) => (v === null ? '' : String(v))

export const indicatorToForm = (i: Indicator): IndicatorFormValues => ({
  nameDe: i.nameDe, nameEn: text(i.nameEn), definitionDe: text(i.definitionDe), definitionEn: text(i.definitionEn),
  unit: i.unit, unitEn: text(i.unitEn), direction: i.direction,
  baselineValue: text(i.baselineValue), baselineDate: text(i.baselineDate), targetValue: text(i.targetValue), targetDate: text(i.targetDate),
  commitment: i.commitments[0] === undefined ? '' : String(i.commitments[0]),
})

/** A number as typed in German or English ("1.234,5" is not guessed: a comma is the decimal mark). */
export function parseNumber (value: string): number | null {
  const cleaned = value.trim().replace(/\s/g, '').replace(',', '.')
  if (cleaned === '') return null
  const n = Number(cleaned)
  return Number.isFinite(n) ? n : Number.NaN
}

export function validateIndicator (v: IndicatorFormValues): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {}
  if (!v.nameDe.trim()) errors.nameDe = 'admin.validation.required'
  if (!v.unit.trim()) errors.unit = 'admin.validation.required'
  for (const field of ['baselineValue', 'targetValue'] as const) {
    if (Number.isNaN(parseNumber(v[field]))) errors[field] = 'reporting.indicatorsAdmin.notANumber'
  }
  return errors
}

const orNull = (s: string) => s.trim() || null

type IndicatorBody = Omit<UpdateIndicator, 'version'>

function fieldToBody (body: IndicatorBody, field: string, value: unknown) {
  const s = String(value)
  if (field === 'baselineValue' || field === 'targetValue') body[field] = parseNumber(s)
  else if (field === 'commitment') body.commitments = s ? [Number(s)] : []
  else if (field === 'direction') body.direction = value as Indicator['direction']
  else if (field === 'nameDe' || field === 'unit') body[field] = s.trim()
  else (body as Record<string, unknown>)[field] = orNull(s)
}

export function indicatorToBody (v: IndicatorFormValues): CreateIndicator {
  const body: IndicatorBody = {}
  for (const [field, value] of Object.entries(v)) fieldToBody(body, field, value)
  return body as CreateIndicator
}

export function indicatorChangesToBody (changes: Partial<IndicatorFormValues>): IndicatorBody {
  const body: IndicatorBody = {}
  for (const [field, value] of Object.entries(changes)) if (value !== undefined) fieldToBody(body, field, value)
  return body
}

export interface ValueFormValues { [key: string]: unknown, periodStart: string, periodEnd: string, category: string, value: string }

export const emptyValueForm = (): ValueFormValues => ({ periodStart: '', periodEnd: '', category: '', value: '' })

export function validateValue (v: ValueFormValues): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {}
  if (!v.periodStart) errors.periodStart = 'admin.validation.required'
  if (!v.periodEnd) errors.periodEnd = 'admin.validation.required'
  else if (v.periodStart && v.periodEnd < v.periodStart) errors.periodEnd = 'reporting.createForm.periodOrder'
  const n = parseNumber(v.value)
  if (n === null) errors.value = 'admin.validation.required'
  else if (Number.isNaN(n)) errors.value = 'reporting.indicatorsAdmin.notANumber'
  return errors
}

export const valueToBody = (v: ValueFormValues): CreateIndicatorValue => ({
  periodStart: v.periodStart, periodEnd: v.periodEnd, category: orNull(v.category), value: parseNumber(v.value) ?? 0,
})
