import type { CreateOrganisation, OrganisationDetail, OrganisationKind, UpdateOrganisation } from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'
import { textOrNull } from './form-diff'

export interface OrganisationFormValues {
  [key: string]: unknown
  name: string
  nameEn: string
  kind: OrganisationKind | ''
  descriptionDe: string
  descriptionEn: string
}

export const organisationFieldOrder = ['name', 'nameEn', 'kind', 'descriptionDe', 'descriptionEn'] as const

export const emptyOrganisationForm = (): OrganisationFormValues => ({ name: '', nameEn: '', kind: '', descriptionDe: '', descriptionEn: '' })

export function organisationToForm (o: OrganisationDetail): OrganisationFormValues {
  return { name: o.name, nameEn: o.nameEn ?? '', kind: o.kind, descriptionDe: o.descriptionDe ?? '', descriptionEn: o.descriptionEn ?? '' }
}

export function validateOrganisation (values: OrganisationFormValues): FieldErrors {
  const errors: FieldErrors = {}
  if (!values.name.trim()) errors.name = 'admin.validation.required'
  if (!values.kind) errors.kind = 'admin.validation.choose'
  return errors
}

export function organisationToCreateBody (values: OrganisationFormValues): CreateOrganisation {
  return {
    name: values.name.trim(),
    nameEn: textOrNull(values.nameEn),
    kind: values.kind as OrganisationKind,
    descriptionDe: textOrNull(values.descriptionDe),
    descriptionEn: textOrNull(values.descriptionEn),
  }
}

export function organisationChangesToBody (changes: Partial<OrganisationFormValues>): UpdateOrganisation {
  const body: UpdateOrganisation = {}
  if (changes.name !== undefined) body.name = changes.name.trim()
  if (changes.nameEn !== undefined) body.nameEn = textOrNull(changes.nameEn)
  if (changes.kind) body.kind = changes.kind
  if (changes.descriptionDe !== undefined) body.descriptionDe = textOrNull(changes.descriptionDe)
  if (changes.descriptionEn !== undefined) body.descriptionEn = textOrNull(changes.descriptionEn)
  return body
}
