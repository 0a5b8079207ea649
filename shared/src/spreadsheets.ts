import { Type, type Static } from 'typebox'
import { ApiErrorSchema, DateSchema, IdSchema, Nullable } from './common.ts'
import { csvSeparators, importRowErrorCodes } from './open-data-vocabulary.ts'
import { MeasureStatusSchema } from './vocabulary-schemas.ts'

export const CsvSeparatorSchema = Type.Enum(csvSeparators, {
  title: 'CsvSeparator',
  description: '`comma` (default) or `semicolon` for German Excel, which reads `,` as the decimal separator',
})

export const CsvQuerySchema = Type.Object({
  separator: Type.Optional(CsvSeparatorSchema),
}, { additionalProperties: false })
export type CsvQuery = Static<typeof CsvQuerySchema>

export const ImportRowErrorSchema = Type.Object({
  column: Type.String({ description: 'Header of the offending column as in the file, e.g. `status`; `row` for the row as a whole' }),
  code: Type.Enum(importRowErrorCodes, { description: 'Stable reason; the web app words each one' }),
  message: Type.String({ description: 'English explanation' }),
}, { title: 'ImportRowError' })
export type ImportRowError = Static<typeof ImportRowErrorSchema>

export const StatusImportChangeSchema = Type.Object({
  status: MeasureStatusSchema,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  date: DateSchema,
  note: Nullable(Type.String({ description: 'Becomes the German note (and the reason where the status needs one)' })),
  evidenceLink: Nullable(Type.String({ description: 'An https link' })),
}, { title: 'StatusImportChange' })
export type StatusImportChange = Static<typeof StatusImportChangeSchema>

export const StatusImportRowSchema = Type.Object({
  row: Type.Integer({ minimum: 1, description: 'Row number as Excel shows it (the header is row 1)' }),
  measureCode: Type.String(),
  measureId: Nullable(IdSchema),
  change: Nullable(StatusImportChangeSchema),
  errors: Type.Array(ImportRowErrorSchema),
  stale: Type.Boolean({ description: 'The row was filled in on an older version of the measure: someone reported since' }),
}, { title: 'StatusImportRow' })
export type StatusImportRow = Static<typeof StatusImportRowSchema>

export const StatusImportPreviewSchema = Type.Object({
  rows: Type.Array(StatusImportRowSchema, { description: 'Rows with a change, an error or a stale version; rows left blank are skipped' }),
  applicable: Type.Integer({ minimum: 0, description: 'Rows that would be applied' }),
  errorCount: Type.Integer({ minimum: 0, description: 'Rows with at least one error' }),
  staleCount: Type.Integer({ minimum: 0 }),
}, {
  title: 'StatusImportPreview',
  description: 'What an upload would do. The import applies only when errorCount and staleCount are both 0.',
})
export type StatusImportPreview = Static<typeof StatusImportPreviewSchema>

export const StatusImportResultSchema = Type.Object({
  applied: Type.Integer({ minimum: 0 }),
  measureIds: Type.Array(IdSchema),
}, { title: 'StatusImportResult' })
export type StatusImportResult = Static<typeof StatusImportResultSchema>

export const IndicatorImportRowSchema = Type.Object({
  row: Type.Integer({ minimum: 1, description: 'Line number of the CSV (the header is line 1)' }),
  periodStart: Nullable(DateSchema),
  periodEnd: Nullable(DateSchema),
  category: Nullable(Type.String({ description: 'Category columns joined with " / "; null for the total' })),
  value: Nullable(Type.Number()),
  errors: Type.Array(ImportRowErrorSchema),
}, { title: 'IndicatorImportRow' })
export type IndicatorImportRow = Static<typeof IndicatorImportRowSchema>

export const IndicatorImportPreviewSchema = Type.Object({
  rows: Type.Array(IndicatorImportRowSchema),
  applicable: Type.Integer({ minimum: 0 }),
  errorCount: Type.Integer({ minimum: 0 }),
}, {
  title: 'IndicatorImportPreview',
  description: 'What a tidy CSV would add. `period` is `2024`, `2024-Q2`, `2024-05` or `2024-01-01/2024-06-30`; further columns before `value` are categories, blank = total.',
})
export type IndicatorImportPreview = Static<typeof IndicatorImportPreviewSchema>

export const IndicatorImportResultSchema = Type.Object({
  applied: Type.Integer({ minimum: 0 }),
  valueIds: Type.Array(IdSchema),
}, { title: 'IndicatorImportResult' })
export type IndicatorImportResult = Static<typeof IndicatorImportResultSchema>

/** 422 of an import that would not apply completely: the usual error fields, the preview in `details`. */
export const StatusImportInvalidSchema = Type.Object({
  ...ApiErrorSchema.properties,
  details: StatusImportPreviewSchema,
}, { title: 'StatusImportInvalid' })

export const IndicatorImportInvalidSchema = Type.Object({
  ...ApiErrorSchema.properties,
  details: IndicatorImportPreviewSchema,
}, { title: 'IndicatorImportInvalid' })
