import { Type, type Static } from 'typebox'
import { DateSchema, IdSchema, LongTextSchema, Nullable, ProgressSchema, VersionSchema } from './common.ts'
import { Limits } from './limits.ts'
import { MeasureDetailSchema, StatusEntrySchema } from './measures.ts'
import { EvidenceLinkSchema } from './plan-file.ts'
import { MeasureStatusSchema } from './vocabulary-schemas.ts'

export const CreateStatusUpdateSchema = Type.Object({
  status: MeasureStatusSchema,
  progress: ProgressSchema,
  date: Type.Optional(DateSchema),
  noteDe: Type.Optional(Nullable(LongTextSchema)),
  noteEn: Type.Optional(Nullable(LongTextSchema)),
  reason: Type.Optional(Nullable(LongTextSchema)),
  evidenceLinks: Type.Optional(Type.Array(EvidenceLinkSchema, { maxItems: Limits.linksPerMeasure })),
  organisationId: Type.Optional(IdSchema),
  version: Type.Optional(VersionSchema),
}, {
  additionalProperties: false,
  title: 'CreateStatusUpdate',
  description: 'A dated report on a measure. `date` defaults to today and may not lie in the future; `reason` is required for delayed, dropped and exam_done_no; `organisationId` is the reporting body (one of the measure\'s bodies; defaults to yours). Send the measure\'s version (or If-Match).',
})
export type CreateStatusUpdate = Static<typeof CreateStatusUpdateSchema>

export const StatusUpdateResultSchema = Type.Object({
  entry: StatusEntrySchema,
  measure: MeasureDetailSchema,
}, { title: 'StatusUpdateResult' })
export type StatusUpdateResult = Static<typeof StatusUpdateResultSchema>
