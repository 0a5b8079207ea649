import type { Cell, Worksheet } from 'exceljs'
import type { CsvSeparator } from '@eccar/shared'
import { Type } from 'typebox'
import {
  SpreadsheetColumnsError, SpreadsheetEmptyError, SpreadsheetEncodingError, SpreadsheetMediaTypeError, SpreadsheetTooManyRowsError,
  SpreadsheetUnreadableError,
} from './spreadsheet-files.errors.ts'
import { checkXlsxSize } from './zip-limits.ts'

/** exceljs takes about 0.3 s to load; only spreadsheet requests need it, so start-up does not wait for it. */
const loadExcel = async () => (await import('exceljs')).default
// The CSV libraries load with the first CSV too: importing both cost 34 ms of every server start.
const loadCsvParse = async () => (await import('csv-parse/sync')).parse
const loadCsvStringify = async () => (await import('csv-stringify/sync')).stringify

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const csvMediaType = 'text/csv'

/** A download's body in the OpenAPI document: bytes with their media type. */
export const fileSchema = (mediaType: string, description: string) =>
  Type.Unsafe<Buffer>({ type: 'string', format: 'binary', contentMediaType: mediaType, description })

export type CellValue = string | number | null

/** A column of a download: its header, how wide Excel shows it and what it holds. */
export interface SheetColumn<T> {
  name: string
  type: 'string' | 'integer' | 'number' | 'date'
  description: { de: string, en: string }
  width?: number
  value: (row: T) => CellValue
}

/**
 * Text that starts like a formula is run by Excel when the CSV is opened (CSV injection, OWASP);
 * a leading apostrophe makes it text. Numbers stay numbers.
 */
function neutralise (value: CellValue) {
  if (typeof value !== 'string') return value ?? ''
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export async function writeCsv<T> (columns: SheetColumn<T>[], rows: readonly T[], separator: CsvSeparator = 'comma'): Promise<Buffer> {
  const stringify = await loadCsvStringify()
  const body = stringify([columns.map((c) => c.name), ...rows.map((row) => columns.map((c) => neutralise(c.value(row))))], {
    delimiter: separator === 'semicolon' ? ';' : ',',
    record_delimiter: 'windows',
  })
  // The byte-order mark tells Excel the file is UTF-8; without it umlauts arrive garbled.
  return Buffer.from(`\uFEFF${body}`, 'utf8')
}

export interface WorkbookSheet<T> {
  name: string
  columns: SheetColumn<T>[]
  rows: readonly T[]
  /** Extra cell settings, e.g. a list of allowed values for a column. */
  decorate?: (sheet: Worksheet) => void
}

export interface Explanation {
  title: string
  source: string
  licence: { label: string, url: string } | null
  created: Date
  /** The "Stand" date: the city's own calendar date (its time zone), not the server's UTC date. */
  asOf: string
  notes?: string[]
}

/** A workbook with a frozen, filterable header row, column widths, and a sheet explaining every column. */
export async function writeWorkbook<T> (sheet: WorkbookSheet<T>, explanation: Explanation): Promise<Buffer> {
  const ExcelJS = await loadExcel()
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'ECCAR tracker'
  workbook.created = explanation.created
  workbook.modified = explanation.created
  const data = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] })
  data.columns = sheet.columns.map((column) => ({ header: column.name, key: column.name, width: column.width ?? 14 }))
  for (const row of sheet.rows) data.addRow(sheet.columns.map((column) => column.value(row)))
  data.getRow(1).font = { bold: true }
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } }
  sheet.decorate?.(data)

  const about = workbook.addWorksheet('Erläuterung – About')
  about.columns = [{ width: 24 }, { width: 60 }, { width: 60 }]
  about.addRow([explanation.title]).font = { bold: true, size: 14 }
  about.addRow(['Quelle / Source', explanation.source])
  about.addRow(['Lizenz / Licence', explanation.licence ? `${explanation.licence.label} – ${explanation.licence.url}` : '–'])
  about.addRow(['Stand / Date', explanation.asOf])
  for (const note of explanation.notes ?? []) about.addRow(['', note])
  about.addRow([])
  about.addRow(['Spalte / Column', 'Bedeutung', 'Meaning']).font = { bold: true }
  for (const column of sheet.columns) about.addRow([column.name, column.description.de, column.description.en])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** One cell of an uploaded sheet: its value as text or number, and whether Excel computed it from a formula. */
export interface UploadedCell { value: CellValue, formula: boolean }
export interface UploadedRow { row: number, cells: Map<string, UploadedCell> }

export type UploadKind = 'xlsx' | 'csv'

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/** Which format the body claims to be; an unknown type is refused before anything is read. */
export function uploadKind (contentType: string | undefined): UploadKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === xlsxMediaType) return 'xlsx'
  if (type === csvMediaType) return 'csv'
  throw new SpreadsheetMediaTypeError(type || 'missing')
}

function fromExcel (cell: Cell): UploadedCell {
  const value = cell.value
  if (value === null || value === undefined) return { value: null, formula: false }
  if (typeof value === 'number' || typeof value === 'string') return { value, formula: false }
  if (typeof value === 'boolean') return { value: value ? 'true' : 'false', formula: false }
  // Excel stores dates as serial numbers; exceljs turns them into UTC dates.
  if (value instanceof Date) return { value: Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10), formula: false }
  if ('formula' in value || 'sharedFormula' in value) return { value: null, formula: true }
  if ('richText' in value) return { value: value.richText.map((part) => part.text).join(''), formula: false }
  if ('hyperlink' in value) return { value: typeof value.text === 'string' ? value.text : value.hyperlink, formula: false }
  if ('error' in value) return { value: null, formula: true }
  return { value: String(cell.text ?? ''), formula: false }
}

const trimmed = (value: CellValue): CellValue => {
  if (typeof value !== 'string') return value
  const text = value.trim()
  return text === '' ? null : text
}

interface Table { header: string[], rows: UploadedRow[] }

async function readXlsx (body: Buffer): Promise<Table> {
  if (!body.subarray(0, 4).equals(zipSignature)) throw new SpreadsheetUnreadableError('XLSX')
  await checkXlsxSize(body)
  const ExcelJS = await loadExcel()
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer)
  } catch {
    throw new SpreadsheetUnreadableError('XLSX')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new SpreadsheetEmptyError()
  const header: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => { header[column - 1] = String(trimmed(fromExcel(cell).value) ?? '').toLowerCase() })
  const rows: UploadedRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return
    const cells = new Map<string, UploadedCell>()
    header.forEach((name, index) => {
      if (!name) return
      const cell = fromExcel(row.getCell(index + 1))
      cells.set(name, { ...cell, value: trimmed(cell.value) })
    })
    rows.push({ row: number, cells })
  })
  return { header, rows }
}

async function readCsv (body: Buffer): Promise<Table> {
  const parse = await loadCsvParse()
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body)
  } catch {
    throw new SpreadsheetEncodingError()
  }
  // German Excel saves CSV with semicolons; the header (our column names, never quoted) tells which one it is.
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ','
  let records: string[][]
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: false })
  } catch {
    throw new SpreadsheetUnreadableError('CSV')
  }
  const [headerRecord, ...body_] = records
  const header = (headerRecord ?? []).map((name) => name.trim().toLowerCase())
  const rows = body_.map((record, index) => {
    const cells = new Map<string, UploadedCell>()
    header.forEach((name, column) => {
      const raw = record[column] ?? ''
      // A CSV has no formulas, but Excel runs a cell starting with "=" as one when it opens the file.
      cells.set(name, { value: trimmed(raw), formula: raw.trimStart().startsWith('=') })
    })
    return { row: index + 2, cells }
  })
  return { header, rows }
}

/**
 * Reads the first sheet of an uploaded XLSX or CSV file into rows keyed by header (lower case). Refuses
 * a file that is not what it claims, a CSV that is not UTF-8, missing columns and oversized tables.
 */
export async function readUpload (body: unknown, contentType: string | undefined, required: readonly string[], maxRows: number): Promise<Table> {
  const kind = uploadKind(contentType)
  if (!Buffer.isBuffer(body) || body.length === 0) throw new SpreadsheetEmptyError()
  const table = kind === 'xlsx' ? await readXlsx(body) : await readCsv(body)
  const missing = required.filter((name) => !table.header.includes(name))
  if (missing.length > 0) throw new SpreadsheetColumnsError(missing.join(', '))
  const rows = table.rows.filter((row) => [...row.cells.values()].some((cell) => cell.value !== null || cell.formula))
  if (rows.length > maxRows) throw new SpreadsheetTooManyRowsError(maxRows)
  if (rows.length === 0) throw new SpreadsheetEmptyError()
  return { header: table.header, rows }
}
