import { createError } from '../../plugins/errors.ts'

export const UserNotFoundError = createError('USER_NOT_FOUND', 'User %s is not a member of this city', 404)
export const AlreadyMemberError = createError('USER_ALREADY_MEMBER', '%s already has a role in this city', 409)
export const LastAdminError = createError('LAST_ADMIN', 'The city needs at least one admin; make someone else admin first', 409)
export const ScopeOnlyForEditorsError = createError('SCOPE_ONLY_FOR_EDITORS', 'Only editors can be limited to organisations', 400)
export const PasswordLinkNotAllowedError = createError('PASSWORD_LINK_NOT_ALLOWED', 'This account has a password or is used beyond this city; the person can reset the password themselves', 409)
export const PendingInvitationNotFoundError = createError('INVITATION_NOT_FOUND', 'Invitation %s is not pending in this city', 404)
