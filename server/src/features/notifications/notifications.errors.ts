import { createError } from '../../plugins/errors.ts'

export const UnsubscribeTokenUnknownError = createError('UNSUBSCRIBE_TOKEN_UNKNOWN', 'This unsubscribe link is not known', 404)
export const TimeZoneUnknownError = createError('TIME_ZONE_UNKNOWN', 'Unknown time zone "%s"; use an IANA name such as Europe/Berlin', 400)
export const MailNotFoundError = createError('MAIL_NOT_FOUND', 'Mail %s not found in this city\'s outbox', 404)
