import {
  IncidentLimits, Limits, SteeringLimits, type CreateCity, type SteeringGroup, type UpdateCitySettings,
} from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'

// The platform's "add a city" form and a city's settings form: values, checks and request bodies.

export interface NewCityFormValues {
  [key: string]: unknown
  name: string
  slug: string
}

export const emptyNewCityForm = (): NewCityFormValues => ({ name: '', slug: '' })

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** A slug proposed from the name: "Halle (Saale)" → "halle-saale", umlauts spelled out. */
export function slugFromName (name: string): string {
  return name.toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
    .slice(0, Limits.slug).replace(/-+$/, '')
}

export function validateNewCity (v: NewCityFormValues, takenSlugs: readonly string[] = []): FieldErrors {
  const errors: FieldErrors = {}
  if (!v.name.trim()) errors.name = 'admin.validation.required'
  const slug = v.slug.trim()
  if (!slug) errors.slug = 'admin.validation.required'
  else if (slug.length < 2 || slug.length > Limits.slug || !slugPattern.test(slug)) errors.slug = 'cityAdmin.cities.validation.slug'
  else if (takenSlugs.includes(slug)) errors.slug = 'cityAdmin.cities.validation.slugTaken'
  return errors
}

export const newCityToBody = (v: NewCityFormValues): CreateCity => ({ name: v.name.trim(), slug: v.slug.trim() })

export interface CitySettingsFormValues {
  [key: string]: unknown
  steeringCadenceMonths: number | ''
  attentionStaleMonths: number | ''
  incidentThreshold: number | ''
  timeZone: string
}

export const citySettingsFieldOrder = ['steeringCadenceMonths', 'attentionStaleMonths', 'incidentThreshold', 'timeZone'] as const

export const citySettingsToForm = (g: SteeringGroup): CitySettingsFormValues => ({
  steeringCadenceMonths: g.cadenceMonths,
  attentionStaleMonths: g.attentionStaleMonths,
  incidentThreshold: g.incidentThreshold,
  timeZone: g.timeZone,
})

const wholeIn = (v: number | '', min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max

/** `zones`: the zones the select offers; anything else is refused before asking the server. */
export function validateCitySettings (v: CitySettingsFormValues, zones: readonly string[]): FieldErrors {
  const errors: FieldErrors = {}
  const { min, max } = SteeringLimits.cadenceMonths
  if (!wholeIn(v.steeringCadenceMonths, min, max)) errors.steeringCadenceMonths = 'cityAdmin.settings.validation.months'
  if (!wholeIn(v.attentionStaleMonths, min, max)) errors.attentionStaleMonths = 'cityAdmin.settings.validation.months'
  if (!wholeIn(v.incidentThreshold, IncidentLimits.threshold.min, IncidentLimits.threshold.max)) errors.incidentThreshold = 'cityAdmin.settings.validation.threshold'
  if (!zones.includes(v.timeZone)) errors.timeZone = 'cityAdmin.settings.validation.timeZone'
  return errors
}

export function citySettingsChangesToBody (changes: Partial<CitySettingsFormValues>): UpdateCitySettings {
  const body: UpdateCitySettings = {}
  if (typeof changes.steeringCadenceMonths === 'number') body.steeringCadenceMonths = changes.steeringCadenceMonths
  if (typeof changes.attentionStaleMonths === 'number') body.attentionStaleMonths = changes.attentionStaleMonths
  if (typeof changes.incidentThreshold === 'number') body.incidentThreshold = changes.incidentThreshold
  if (typeof changes.timeZone === 'string') body.timeZone = changes.timeZone
  return body
}

/** The zones whose name contains every word of the search ("new york" finds America/New_York); the chosen one always stays. */
export function filterTimeZones (zones: readonly string[], search: string, chosen: string): string[] {
  const words = search.toLowerCase().split(/[\s/_]+/).filter(Boolean)
  if (words.length === 0) return [...zones]
  return zones.filter((zone) => zone === chosen || words.every((word) => zone.toLowerCase().replace(/_/g, ' ').includes(word)))
}
