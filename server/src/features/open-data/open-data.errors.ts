import { createError, type ApiErrorCode } from '../../plugins/errors.ts'

export const IndicatorNotPublishedError = createError('INDICATOR_NOT_FOUND', 'Indicator %s is not a published indicator of this plan', 404)

/** 400 naming the field in `details`, so the settings form marks it. */
class SettingsFieldError extends Error {
  readonly statusCode = 400
  readonly extra: { details: { path: string, reason: string }[] }
  constructor (message: string, path: string, reason: string) {
    super(message)
    this.extra = { details: [{ path, reason }] }
  }
}

export class MunicipalityKeyInvalidError extends SettingsFieldError implements ApiErrorCode {
  readonly code = 'MUNICIPALITY_KEY_INVALID'
  constructor () {
    const reason = 'is not an Amtlicher Gemeindeschlüssel: 8 digits, the first two a Land from 01 to 16 (e.g. 16053000)'
    super(`The municipality key ${reason}`, '/municipalityKey', reason)
  }
}

export class ContributorIdInvalidError extends SettingsFieldError implements ApiErrorCode {
  readonly code = 'CONTRIBUTOR_ID_INVALID'
  constructor () {
    const reason = 'is not an http(s) URI (e.g. http://dcat-ap.de/def/contributors/…)'
    super(`The contributor ID ${reason}`, '/contributorId', reason)
  }
}
