import { checkAccent, type BrandingSettings, type UpdateBranding } from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'

export interface BrandingForm {
  [key: string]: unknown
  accentColour: string
  website: string
  feedbackEmail: string
  feedbackPhone: string
  feedbackUrl: string
  enforcementName: string
  enforcementUrl: string
  /** One origin per line. */
  embedOrigins: string
}

export const brandingFieldOrder = [
  'accentColour', 'website', 'feedbackEmail', 'feedbackPhone', 'feedbackUrl', 'enforcementName', 'enforcementUrl', 'embedOrigins',
] as const

export const brandingToForm = (s: BrandingSettings): BrandingForm => ({
  accentColour: s.accentColour ?? '',
  website: s.website ?? '',
  feedbackEmail: s.feedbackEmail ?? '',
  feedbackPhone: s.feedbackPhone ?? '',
  feedbackUrl: s.feedbackUrl ?? '',
  enforcementName: s.enforcementName ?? '',
  enforcementUrl: s.enforcementUrl ?? '',
  embedOrigins: s.embedOrigins.join('\n'),
})

const hex = /^#[0-9a-fA-F]{6}$/
const https = /^https:\/\/\S+$/
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const origin = /^https?:\/\/[a-zA-Z0-9.-]+(:[0-9]{1,5})?$/
const lines = (text: string) => [...new Set(text.split('\n').map((l) => l.trim()).filter(Boolean))]

/** The accent's contrast, when it is a colour at all: shown as a table while typing. */
export const accentChecks = (value: string) => (hex.test(value.trim()) ? checkAccent(value.trim()) : null)

export function validateBranding (f: BrandingForm): FieldErrors {
  const errors: FieldErrors = {}
  const accent = f.accentColour.trim()
  if (accent && !hex.test(accent)) errors.accentColour = 'brand.settings.errors.colour'
  else if (accent && accentChecks(accent)!.some((c) => !c.passes)) errors.accentColour = 'brand.settings.errors.contrast'
  for (const field of ['website', 'feedbackUrl', 'enforcementUrl'] as const) {
    const value = f[field].trim()
    if (value && !https.test(value)) errors[field] = 'brand.settings.errors.url'
  }
  if (f.feedbackEmail.trim() && !email.test(f.feedbackEmail.trim())) errors.feedbackEmail = 'brand.settings.errors.email'
  if (lines(f.embedOrigins).some((line) => !origin.test(line))) errors.embedOrigins = 'brand.settings.errors.origin'
  return errors
}

const orNull = (value: string) => value.trim() || null

/** PUT replaces the settings: empty fields as null, the origins one per line without duplicates. */
export const brandingToBody = (f: BrandingForm): UpdateBranding => ({
  accentColour: orNull(f.accentColour)?.toLowerCase() ?? null,
  website: orNull(f.website),
  feedbackEmail: orNull(f.feedbackEmail),
  feedbackPhone: orNull(f.feedbackPhone),
  feedbackUrl: orNull(f.feedbackUrl),
  enforcementName: orNull(f.enforcementName),
  enforcementUrl: orNull(f.enforcementUrl),
  embedOrigins: lines(f.embedOrigins),
})
