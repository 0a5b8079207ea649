import { createError } from '../../plugins/errors.ts'

export const UnsubscribeTokenUnknownError = createError('UNSUBSCRIBE_TOKEN_UNKNOWN', 'This unsubscribe link is not known', 404)
export const MailNotFoundError = createError('MAIL_NOT_FOUND', 'Mail %s not found in this city\'s outbox', 404)
