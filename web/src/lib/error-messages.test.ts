import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { errorMessageKey } from './error-messages'

describe('errorMessageKey', () => {
  it('maps a known code to its own message', () => {
    expect(errorMessageKey(new ApiError(409, 'LAST_ADMIN', 'x'))).toBe('errors.LAST_ADMIN')
    expect(errorMessageKey(new ApiError(409, 'ORGANISATION_IN_USE', 'x'))).toBe('errors.ORGANISATION_IN_USE')
    expect(errorMessageKey(new ApiError(0, 'NETWORK_ERROR', 'x'))).toBe('errors.NETWORK_ERROR')
    expect(errorMessageKey({ status: 429, code: 'EXPORT_BUSY' })).toBe('errors.EXPORT_BUSY')
    expect(errorMessageKey({ status: 409, code: 'INCIDENT_PERIOD_OVERLAP' })).toBe('errors.INCIDENT_PERIOD_OVERLAP')
  })

  it('falls back by status for codes it does not know', () => {
    expect(errorMessageKey({ status: 503, code: 'HTTP_ERROR' })).toBe('errors.INTERNAL_ERROR')
    expect(errorMessageKey({ status: 401, code: 'SESSION_GONE' })).toBe('errors.AUTHENTICATION_REQUIRED')
    expect(errorMessageKey({ status: 404, code: 'THING_NOT_FOUND' })).toBe('errors.notFound')
    expect(errorMessageKey({ status: 409, code: 'NEW_RULE' })).toBe('errors.conflict')
    expect(errorMessageKey({ status: 400, code: 'NEW_RULE' })).toBe('errors.unknown')
    expect(errorMessageKey({ status: 412, code: 'SOMETHING' })).toBe('errors.VERSION_CONFLICT')
    expect(errorMessageKey({ status: 403, code: 'X' })).toBe('errors.FORBIDDEN')
  })
})
