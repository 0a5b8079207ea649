import type { CityUser, CreateCityUser, Role, UpdateCityUser } from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'

export interface NewUserFormValues {
  [key: string]: unknown
  email: string
  displayName: string
  role: Role | ''
  organisationIds: number[]
}

export interface UserFormValues {
  [key: string]: unknown
  displayName: string
  role: Role
  organisationIds: number[]
}

export const userFieldOrder = ['displayName', 'role', 'organisationIds'] as const

export const emptyNewUserForm = (): NewUserFormValues => ({ email: '', displayName: '', role: '', organisationIds: [] })

export function userToForm (user: CityUser): UserFormValues {
  return { displayName: user.displayName, role: user.role, organisationIds: user.organisations.map((o) => o.id).sort((a, b) => a - b) }
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function validateNewUser (values: NewUserFormValues): FieldErrors {
  const errors: FieldErrors = {}
  if (!values.email.trim()) errors.email = 'admin.validation.required'
  else if (!emailPattern.test(values.email.trim())) errors.email = 'admin.validation.email'
  if (!values.displayName.trim()) errors.displayName = 'admin.validation.required'
  if (!values.role) errors.role = 'admin.validation.choose'
  return errors
}

export function validateUser (values: UserFormValues): FieldErrors {
  return values.displayName.trim() ? {} : { displayName: 'admin.validation.required' }
}

/** Only editors can be limited to organisations; for other roles the choice is not sent. */
export function newUserToBody (values: NewUserFormValues): CreateCityUser {
  const role = values.role as Role
  return {
    email: values.email.trim(),
    displayName: values.displayName.trim(),
    role,
    ...(role === 'editor' && values.organisationIds.length ? { organisationIds: [...values.organisationIds] } : {}),
  }
}

export function userChangesToBody (changes: Partial<UserFormValues>, values: UserFormValues): UpdateCityUser {
  const body: UpdateCityUser = {}
  if (changes.displayName !== undefined) body.displayName = changes.displayName.trim()
  if (changes.role !== undefined) body.role = changes.role
  // Organisations go with the role: changing to another role drops them on the server.
  if (values.role === 'editor' && (changes.organisationIds !== undefined || changes.role !== undefined)) {
    body.organisationIds = [...values.organisationIds]
  }
  return body
}
