import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { conflictCurrent, errorField, errorMessageKey } from './errors'

describe('errorMessageKey', () => {
  it('maps a known code to its own message', () => {
    expect(errorMessageKey(new ApiError(409, 'LAST_ADMIN', 'x'))).toBe('admin.errors.LAST_ADMIN')
    expect(errorMessageKey(new ApiError(409, 'ORGANISATION_IN_USE', 'x'))).toBe('admin.errors.ORGANISATION_IN_USE')
    expect(errorMessageKey(new ApiError(0, 'NETWORK_ERROR', 'x'))).toBe('admin.errors.NETWORK_ERROR')
  })

  it('falls back by status for codes it does not know', () => {
    expect(errorMessageKey({ status: 503, code: 'HTTP_ERROR' })).toBe('admin.errors.INTERNAL_ERROR')
    expect(errorMessageKey({ status: 401, code: 'SESSION_GONE' })).toBe('admin.errors.AUTHENTICATION_REQUIRED')
    expect(errorMessageKey({ status: 404, code: 'THING_NOT_FOUND' })).toBe('admin.errors.notFound')
    expect(errorMessageKey({ status: 409, code: 'NEW_RULE' })).toBe('admin.errors.conflict')
    expect(errorMessageKey({ status: 400, code: 'NEW_RULE' })).toBe('admin.errors.unknown')
  })
})

describe('errorField', () => {
  it('names the first segment of the JSON pointer in details', () => {
    const body = { code: 'VALIDATION_FAILED', details: [{ path: '/relatedMeasures/0/measureId', reason: 'x' }] }
    expect(errorField(new ApiError(400, 'VALIDATION_FAILED', 'x', undefined, body))).toBe('relatedMeasures')
    expect(errorField(new ApiError(400, 'VALIDATION_FAILED', 'x', undefined, { details: [{ path: '/titleDe' }] }))).toBe('titleDe')
  })

  it('is null without details', () => {
    expect(errorField(new ApiError(409, 'LAST_ADMIN', 'x', undefined, { code: 'LAST_ADMIN' }))).toBeNull()
    expect(errorField(null)).toBeNull()
  })
})

describe('conflictCurrent', () => {
  it('returns the record a 412 carries', () => {
    const current = { id: 1, version: 3 }
    expect(conflictCurrent(new ApiError(412, 'VERSION_CONFLICT', 'x', undefined, { current }))).toEqual(current)
  })

  it('is null for other errors and for a 412 without a record', () => {
    expect(conflictCurrent(new ApiError(409, 'LAST_ADMIN', 'x', undefined, { current: {} }))).toBeNull()
    expect(conflictCurrent(new ApiError(412, 'VERSION_CONFLICT', 'x', undefined, { current: null }))).toBeNull()
    expect(conflictCurrent(new Error('x'))).toBeNull()
  })
})
