import { isContributorId, isMunicipalityKey, type OpenDataLicence, type OpenDataSettings, type UpdateOpenDataSettings } from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'

export interface OpenDataForm {
  [key: string]: unknown
  licence: OpenDataLicence
  publisherName: string
  contactEmail: string
  municipalityKey: string
  contributorId: string
}

export const openDataFieldOrder = ['licence', 'publisherName', 'contactEmail', 'municipalityKey', 'contributorId'] as const

export const openDataToForm = (s: OpenDataSettings): OpenDataForm => ({
  licence: s.licence,
  publisherName: s.publisherName,
  contactEmail: s.contactEmail ?? '',
  municipalityKey: s.municipalityKey ?? '',
  contributorId: s.contributorId ?? '',
})

// The server checks the address properly; this only catches typing slips before sending.
const looksLikeEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function validateOpenData (f: OpenDataForm): FieldErrors {
  const errors: FieldErrors = {}
  if (!f.publisherName.trim()) errors.publisherName = 'spreadsheets.settings.errors.publisherRequired'
  const email = f.contactEmail.trim()
  if (email && !looksLikeEmail.test(email)) errors.contactEmail = 'spreadsheets.settings.errors.emailInvalid'
  // The same rules as the server's (shared), so the form says so before sending.
  const key = f.municipalityKey.trim()
  if (key && !isMunicipalityKey(key)) errors.municipalityKey = 'spreadsheets.settings.errors.municipalityKeyInvalid'
  const contributor = f.contributorId.trim()
  if (contributor && !isContributorId(contributor)) errors.contributorId = 'spreadsheets.settings.errors.contributorIdInvalid'
  return errors
}

/** PUT replaces the settings: all five values, an empty field as null. */
export const openDataToBody = (f: OpenDataForm): UpdateOpenDataSettings => ({
  licence: f.licence,
  publisherName: f.publisherName.trim(),
  contactEmail: f.contactEmail.trim() || null,
  municipalityKey: f.municipalityKey.trim() || null,
  contributorId: f.contributorId.trim() || null,
})
