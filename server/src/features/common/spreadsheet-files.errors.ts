import { createError } from '../../plugins/errors.ts'

// Refusals of an uploaded table as a whole, before any row is read (status and indicator imports alike).
export const SpreadsheetUnreadableError = createError('SPREADSHEET_UNREADABLE', 'The file is not a readable %s file', 400)
export const SpreadsheetEncodingError = createError('SPREADSHEET_ENCODING', 'The CSV file is not UTF-8; save it as "CSV UTF-8" and upload it again', 400)
export const SpreadsheetColumnsError = createError('SPREADSHEET_COLUMNS', 'The file lacks the column(s) %s in its first row', 400)
export const SpreadsheetEmptyError = createError('SPREADSHEET_EMPTY', 'The file has no rows below its header', 400)
export const SpreadsheetTooManyRowsError = createError('SPREADSHEET_TOO_MANY_ROWS', 'The file has more than %s rows', 400)
export const SpreadsheetTooLargeError = createError('SPREADSHEET_TOO_LARGE', 'The workbook unpacks to more than %s MB; it is not a table of measures or values', 400)
export const SpreadsheetMediaTypeError = createError('UNSUPPORTED_MEDIA_TYPE', 'Upload an XLSX or a CSV file (Content-Type %s)', 415)
