import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { conflictCurrent, errorField } from './errors'

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
