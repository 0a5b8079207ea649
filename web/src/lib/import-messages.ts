import { importRowErrorCodes, type ImportRowErrorCode } from '@eccar/shared'
import type { DeepReadonly } from 'vue'
import type { ApiError } from '@/api/http'
import { errorMessageKey } from '@/lib/error-messages'

const rowCodes = new Set<string>(importRowErrorCodes)

/** i18n key of a row error; an unknown code (a newer server) falls back to the server's English text. */
export function rowErrorKey (code: string): string | null {
  return rowCodes.has(code) ? `spreadsheets.import.codes.${code as ImportRowErrorCode}` : null
}

// Refusals of the file as a whole (server/src/features/spreadsheets/spreadsheets.errors.ts), each explained
// in spreadsheets.import.fileErrors.
const fileCodes: Record<string, string> = {
  SPREADSHEET_UNREADABLE: 'NOT_A_SPREADSHEET',
  SPREADSHEET_COLUMNS: 'WRONG_COLUMNS',
  SPREADSHEET_ENCODING: 'INVALID_ENCODING',
  SPREADSHEET_EMPTY: 'EMPTY',
  SPREADSHEET_TOO_MANY_ROWS: 'TOO_MANY_ROWS',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
}

/** i18n key explaining why an upload failed as a whole. */
export function importFailureKey (error: DeepReadonly<Pick<ApiError, 'status' | 'code'>>): string {
  const fileCode = fileCodes[error.code]
  if (fileCode) return `spreadsheets.import.fileErrors.${fileCode}`
  if (error.status === 413) return 'spreadsheets.import.fileErrors.PAYLOAD_TOO_LARGE'
  if (error.status === 415) return 'spreadsheets.import.fileErrors.UNSUPPORTED_MEDIA_TYPE'
  return errorMessageKey(error)
}

/** The place in the file and the reason a refused file names (`details[0]`), if the server named one. */
export function fileProblem (error: ApiError | null): { path: string, reason: string } | null {
  const details = (error?.body as { details?: { path?: unknown, reason?: unknown, message?: unknown }[] } | null | undefined)?.details
  const first = Array.isArray(details) ? details[0] : undefined
  if (!first || typeof first.path !== 'string') return null
  const reason = typeof first.reason === 'string' ? first.reason : typeof first.message === 'string' ? first.message : ''
  return { path: first.path || '/', reason }
}
