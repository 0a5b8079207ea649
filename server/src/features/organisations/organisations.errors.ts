import { createError } from '../../plugins/errors.ts'

export const OrganisationNotFoundError = createError('ORGANISATION_NOT_FOUND', 'Organisation %s not found', 404)
export const OrganisationNameTakenError = createError('ORGANISATION_NAME_TAKEN', 'The city already has an organisation named "%s"', 409)
export const OrganisationInUseError = createError('ORGANISATION_IN_USE', 'The organisation is still named in measures or their timelines; remove it there first', 409)
