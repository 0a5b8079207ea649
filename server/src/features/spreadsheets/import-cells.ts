import { Limits, measureStatuses, statusLabels, type ImportRowError, type ImportRowErrorCode, type MeasureStatus } from '@eccar/shared'
import type { UploadedCell, UploadedRow } from '../common/spreadsheet-files.ts'

/** Collects the errors of one row while its cells are read; each reader returns undefined for a bad cell. */
export class RowReader {
  readonly errors: ImportRowError[] = []
  constructor (private readonly row: UploadedRow) {}

  fail (column: string, code: ImportRowErrorCode, message: string) {
    this.errors.push({ column, code, message })
    return undefined
  }

  /** The cell's value, or undefined (with a FORMULA error) when Excel computed it: only typed values are imported. */
  cell (column: string): UploadedCell['value'] | undefined {
    const cell = this.row.cells.get(column)
    if (cell?.formula) return this.fail(column, 'FORMULA', 'The cell holds a formula; enter the value itself')
    return cell?.value ?? null
  }

  isBlank (columns: readonly string[]) {
    return columns.every((column) => {
      const cell = this.row.cells.get(column)
      return !cell || (cell.value === null && !cell.formula)
    })
  }

  text (column: string, options: { required?: boolean, max?: number } = {}): string | null | undefined {
    const value = this.cell(column)
    if (value === undefined) return undefined
    if (value === null) return options.required ? this.fail(column, 'MISSING_VALUE', 'The cell is empty') : null
    const text = String(value)
    if (text.length > (options.max ?? Limits.longText)) return this.fail(column, 'TEXT_TOO_LONG', `The text is longer than ${options.max ?? Limits.longText} characters`)
    return text
  }

  integer (column: string, code: ImportRowErrorCode, min: number, max: number): number | null | undefined {
    const value = this.cell(column)
    if (value === undefined || value === null) return value
    const number = typeof value === 'number' ? value : /^-?\d+$/.test(value) ? Number(value) : Number.NaN
    if (!Number.isInteger(number) || number < min || number > max) return this.fail(column, code, `Enter a whole number from ${min} to ${max}`)
    return number
  }

  number (column: string, limit: number): number | null | undefined {
    const value = this.cell(column)
    if (value === undefined || value === null) return value
    // German Excel writes decimals with a comma; thousands separators are not accepted, they would be ambiguous.
    const number = typeof value === 'number' ? value : /^-?\d+([.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : Number.NaN
    if (!Number.isFinite(number) || Math.abs(number) > limit) return this.fail(column, 'INVALID_NUMBER', 'Enter a number, e.g. 12 or 3,5')
    return number
  }

  date (column: string): string | null | undefined {
    const value = this.cell(column)
    if (value === undefined || value === null) return value
    const date = parseDate(String(value))
    return date ?? this.fail(column, 'INVALID_DATE', 'Enter a date as YYYY-MM-DD or DD.MM.YYYY')
  }

  status (column: string): MeasureStatus | undefined {
    const value = this.text(column, { required: true, max: 100 })
    if (!value) return undefined
    const status = statusFromText(value)
    return status ?? this.fail(column, 'INVALID_STATUS', `Use one of ${measureStatuses.join(', ')}`)
  }

  link (column: string): string | null | undefined {
    const value = this.text(column, { max: Limits.url })
    if (!value) return value
    return /^https:\/\/\S+$/.test(value) ? value : this.fail(column, 'INVALID_LINK', 'Enter one https link')
  }
}

/** A calendar date that exists, from ISO (what Excel cells give) or the German way of writing it. */
export function parseDate (text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text)
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : []
  if (!year || !month || !day) return null
  const candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  const parsed = new Date(`${candidate}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(candidate) ? candidate : null
}

/** The key, or the German or English label as the web app and reports show it. */
function statusFromText (text: string): MeasureStatus | undefined {
  const wanted = text.trim().toLowerCase()
  return measureStatuses.find((status) => status === wanted
    || statusLabels[status].de.toLowerCase() === wanted || statusLabels[status].en.toLowerCase() === wanted)
}
