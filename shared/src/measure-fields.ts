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

/** The measure's descriptive texts: each in a column of the same name, null when empty. */
const measureTextFields = {
  descriptionDe: Nullable(LongTextSchema),
  descriptionEn: Nullable(LongTextSchema),
  recurrenceOn: Nullable(RecurrenceOnSchema),
  timeframeNoteDe: Nullable(ShortTextSchema),
  timeframeNoteEn: Nullable(ShortTextSchema),
  fundingNoteDe: Nullable(LongTextSchema),
  fundingNoteEn: Nullable(LongTextSchema),
  goodPracticeDescriptionDe: Nullable(LongTextSchema), // what makes it a good practice, in short
  goodPracticeDescriptionEn: Nullable(LongTextSchema),
}

/**
 * The measure's own columns that its answer shows as they are, public on the measure page: the texts, and
 * flags, numbers or dates of the same kind. A new field of this kind is added here only; creating and
 * changing a measure, the measure's answer (`MeasureDetail`), its presenter and the plan file take the group.
 */
export const measureShownFields = {
  ...measureTextFields,
  goodPractice: Type.Boolean({ description: 'The city presents this measure as a good practice; the report collects these in a section of their own (false unless set)' }),
}
export type MeasureShownField = keyof typeof measureShownFields
export const measureShownFieldNames = Object.keys(measureShownFields) as MeasureShownField[]

export const measureFields = {
  ...Type.Partial(Type.Object(measureShownFields)).properties,
  code: CodeSchema,
  primaryCommitment: CommitmentNumberSchema,
  secondaryCommitments: Type.Optional(Type.Array(CommitmentNumberSchema, { maxItems: 10, uniqueItems: true })),
  titleDe: ShortTextSchema,
  titleEn: Type.Optional(Nullable(ShortTextSchema)),
  type: MeasureTypeSchema,
  leadOrganisationId: Type.Optional(Nullable(IdSchema)),
  involvedOrganisationIds: Type.Optional(Type.Array(IdSchema, { maxItems: 100, uniqueItems: true })),
  startDate: Type.Optional(Nullable(DateSchema)),
  endDate: Type.Optional(Nullable(DateSchema)),
  recurrence: Type.Optional(RecurrenceSchema),
  relatedMeasures: Type.Optional(Type.Array(RelationInputSchema, { maxItems: 100 })),
  exampleActions: Type.Optional(Type.Array(Type.String({ pattern: '^([1-9]|10)\\.[a-z]$' }), { maxItems: 30, uniqueItems: true })),
  isPublic: Type.Optional(Type.Boolean()),
  internalNote: Type.Optional(Nullable(LongTextSchema)),
  status: Type.Optional(MeasureStatusSchema),
  statusReason: Type.Optional(Nullable(LongTextSchema)),
  progress: Type.Optional(ProgressSchema),
}

/** Fields kept in link tables (or naming other records), not in a column of the measure's own row. */
const measureLinkFields = ['secondaryCommitments', 'leadOrganisationId', 'involvedOrganisationIds', 'relatedMeasures', 'exampleActions'] as const
export type MeasureColumnField = Exclude<keyof typeof measureFields, (typeof measureLinkFields)[number]>

/** The fields stored in a column of the same name on the measure's row: copied as they are by the plan file's export. */
export const measureColumnFields = Object.keys(measureFields)
  .filter((field): field is MeasureColumnField => !(measureLinkFields as readonly string[]).includes(field))
