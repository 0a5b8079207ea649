import type { OpenDataLicence, OpenDataSettings, UpdateOpenDataSettings } from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'

export interface OpenDataForm {
  [key: string]: unknown
  licence: OpenDataLicence
  publisherName: string
  contactEmail: string
}

export const openDataFieldOrder = ['licence', 'publisherName', 'contactEmail'] as const

export const openDataToForm = (s: OpenDataSettings): OpenDataForm => ({
  licence: s.licence,
  publisherName: s.publisherName,
  contactEmail: s.contactEmail ?? '',
})

// The server checks the address properly; this only catches typing slips before sending.
const looksLikeEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function validateOpenData (f: OpenDataForm): FieldErrors {
  const errors: FieldErrors = {}
  if (!f.publisherName.trim()) errors.publisherName = 'spreadsheets.settings.errors.publisherRequired'
  const email = f.contactEmail.trim()
  if (email && !looksLikeEmail.test(email)) errors.contactEmail = 'spreadsheets.settings.errors.emailInvalid'
  return errors
}

/** PUT replaces the settings: all three values, an empty address as null. */
export const openDataToBody = (f: OpenDataForm): UpdateOpenDataSettings => ({
  licence: f.licence,
  publisherName: f.publisherName.trim(),
  contactEmail: f.contactEmail.trim() || null,
})
