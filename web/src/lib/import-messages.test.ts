import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { importFailureKey, rowErrorKey } from './import-messages'

describe('import messages', () => {
  it('words known row errors and leaves unknown ones to the server text', () => {
    expect(rowErrorKey('INVALID_DATE')).toBe('spreadsheets.import.codes.INVALID_DATE')
    expect(rowErrorKey('SOMETHING_NEW')).toBeNull()
  })

  it('explains a refused file by its code, else by status', () => {
    expect(importFailureKey(new ApiError(400, 'SPREADSHEET_UNREADABLE', 'x'))).toBe('spreadsheets.import.fileErrors.NOT_A_SPREADSHEET')
    expect(importFailureKey(new ApiError(413, 'BODY_TOO_LARGE', 'x'))).toBe('spreadsheets.import.fileErrors.PAYLOAD_TOO_LARGE')
    expect(importFailureKey(new ApiError(403, 'FORBIDDEN', 'x'))).toBe('errors.FORBIDDEN')
  })
})
