import { Type } from 'typebox'
import {
  CodeSchema, CommitmentNumberSchema, DateSchema, IdSchema, LongTextSchema, Nullable, ProgressSchema, ShortTextSchema,
} from './common.ts'
import { MeasureStatusSchema, MeasureTypeSchema, RecurrenceSchema } from './vocabulary-schemas.ts'

/**
 * A measure's writable fields, written down once: creating and changing a measure (`measures.ts`)
 * and the plan file (`plan-file.ts`) are built from them, so a new field reaches all three.
 */

export const RecurrenceOnSchema = Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'Fixed yearly date MM-DD, e.g. 09-11' })

const RelationInputSchema = Type.Object({
  measureId: IdSchema,
  noteDe: Type.Optional(Nullable(ShortTextSchema)),
  noteEn: Type.Optional(Nullable(ShortTextSchema)),
}, { additionalProperties: false })

export const measureFields = {
  code: CodeSchema,
  primaryCommitment: CommitmentNumberSchema,
  secondaryCommitments: Type.Optional(Type.Array(CommitmentNumberSchema, { maxItems: 10, uniqueItems: true })),
  titleDe: ShortTextSchema,
  titleEn: Type.Optional(Nullable(ShortTextSchema)),
  descriptionDe: Type.Optional(Nullable(LongTextSchema)),
  descriptionEn: Type.Optional(Nullable(LongTextSchema)),
  type: MeasureTypeSchema,
  leadOrganisationId: Type.Optional(Nullable(IdSchema)),
  involvedOrganisationIds: Type.Optional(Type.Array(IdSchema, { maxItems: 100, uniqueItems: true })),
  startDate: Type.Optional(Nullable(DateSchema)),
  endDate: Type.Optional(Nullable(DateSchema)),
  recurrence: Type.Optional(RecurrenceSchema),
  recurrenceOn: Type.Optional(Nullable(RecurrenceOnSchema)),
  timeframeNoteDe: Type.Optional(Nullable(ShortTextSchema)),
  timeframeNoteEn: Type.Optional(Nullable(ShortTextSchema)),
  fundingNoteDe: Type.Optional(Nullable(LongTextSchema)),
  fundingNoteEn: Type.Optional(Nullable(LongTextSchema)),
  goodPractice: Type.Optional(Type.Boolean({ description: 'Defaults to false' })),
  goodPracticeDescriptionDe: Type.Optional(Nullable(LongTextSchema)),
  goodPracticeDescriptionEn: Type.Optional(Nullable(LongTextSchema)),
  relatedMeasures: Type.Optional(Type.Array(RelationInputSchema, { maxItems: 100 })),
  exampleActions: Type.Optional(Type.Array(Type.String({ pattern: '^([1-9]|10)\\.[a-z]$' }), { maxItems: 30, uniqueItems: true })),
  isPublic: Type.Optional(Type.Boolean()),
  internalNote: Type.Optional(Nullable(LongTextSchema)),
  status: Type.Optional(MeasureStatusSchema),
  statusReason: Type.Optional(Nullable(LongTextSchema)),
  progress: Type.Optional(ProgressSchema),
}

