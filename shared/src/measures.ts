import { Type, type Static } from 'typebox'
import {
  CommitmentNumberSchema, DateSchema, DateTimeSchema, IdSchema, Nullable, PageQuerySchema, ProgressSchema, SlugSchema, VersionSchema,
} from './common.ts'
import { ExampleActionSchema } from './commitments.ts'
import { Limits } from './limits.ts'
import { measureFields, measureShownFields } from './measure-fields.ts'
import { OrganisationRefSchema } from './organisations.ts'
import { EvidenceLinkSchema } from './plan-file.ts'
import { MeasureOriginSchema, MeasureStatusSchema, MeasureTypeSchema, RecurrenceSchema } from './vocabulary-schemas.ts'

export const MeasureSummarySchema = Type.Object({
  id: IdSchema,
  planId: IdSchema,
  code: Type.String(),
  primaryCommitment: CommitmentNumberSchema,
  secondaryCommitments: Type.Array(CommitmentNumberSchema),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
  type: MeasureTypeSchema,
  status: MeasureStatusSchema,
  progress: ProgressSchema,
  leadOrganisation: Nullable(OrganisationRefSchema),
  involvedOrganisations: Type.Array(OrganisationRefSchema),
  startDate: Nullable(DateSchema),
  endDate: Nullable(DateSchema),
  recurrence: RecurrenceSchema,
  isPublic: Type.Boolean(),
  version: VersionSchema,
  updatedAt: DateTimeSchema,
}, { title: 'MeasureSummary' })
export type MeasureSummary = Static<typeof MeasureSummarySchema>

export const MeasureListSchema = Type.Object({
  items: Type.Array(MeasureSummarySchema),
  total: Type.Integer({ minimum: 0, description: 'Matches before paging' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
}, { title: 'MeasureList' })
export type MeasureList = Static<typeof MeasureListSchema>

export const MeasureListQuerySchema = Type.Object({
  commitment: Type.Optional(Type.Array(CommitmentNumberSchema, { maxItems: 10, description: 'Primary or secondary commitment; repeat to match any' })),
  status: Type.Optional(Type.Array(MeasureStatusSchema, { maxItems: 10 })),
  type: Type.Optional(Type.Array(MeasureTypeSchema, { maxItems: 5 })),
  organisation: Type.Optional(Type.Array(IdSchema, { maxItems: 20, description: 'Organisation that leads or is involved' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: Limits.searchText, description: 'Text search in code, titles and descriptions' })),
  ...PageQuerySchema,
}, { additionalProperties: false })
export type MeasureListQuery = Static<typeof MeasureListQuerySchema>

export const MeasureLinkSchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
  noteDe: Nullable(Type.String()),
  noteEn: Nullable(Type.String()),
}, { title: 'MeasureLink' })
export type MeasureLink = Static<typeof MeasureLinkSchema>

export const StatusEntrySchema = Type.Object({
  id: IdSchema,
  date: DateSchema,
  fromStatus: Nullable(MeasureStatusSchema),
  status: MeasureStatusSchema,
  fromProgress: Nullable(ProgressSchema),
  progress: ProgressSchema,
  noteDe: Nullable(Type.String()),
  noteEn: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  evidenceLinks: Type.Array(EvidenceLinkSchema),
  organisation: Nullable(OrganisationRefSchema),
  recordedAt: DateTimeSchema,
  recordedBy: Type.Optional(Nullable(Type.Object({ id: IdSchema, displayName: Type.String() }, { description: 'Only for the city\'s members' }))),
}, { title: 'StatusEntry', description: 'One entry of the status timeline.' })
export type StatusEntry = Static<typeof StatusEntrySchema>

export const MeasureDetailSchema = Type.Object({
  ...MeasureSummarySchema.properties,
  citySlug: SlugSchema,
  planTitleDe: Type.String(),
  planTitleEn: Nullable(Type.String()),
  ...measureShownFields,
  statusReason: Nullable(Type.String()),
  internalNote: Type.Optional(Nullable(Type.String({ description: 'Only for signed-in users' }))),
  relatedMeasures: Type.Array(MeasureLinkSchema, { description: 'Measures this one refers to, in the plan\'s order (commitment, then position)' }),
  referencedBy: Type.Array(MeasureLinkSchema, { description: 'Measures that refer to this one, in the plan\'s order' }),
  exampleActions: Type.Array(ExampleActionSchema, { description: 'By commitment, then key' }),
  statusHistory: Type.Array(StatusEntrySchema, {
    maxItems: Limits.timelinePage,
    description: `Newest first: the newest ${Limits.timelinePage} entries; older ones from \`statusHistoryNext\``,
  }),
  statusHistoryTotal: Type.Integer({ minimum: 0, description: 'How many entries the whole timeline has' }),
  statusHistoryNext: Nullable(Type.String({ description: 'Address of the next (older) page of the timeline; null when this is all' })),
  origin: MeasureOriginSchema,
  predecessor: Nullable(Type.Object({
    id: IdSchema,
    code: Type.String(),
    planId: IdSchema,
    planTitleDe: Type.String(),
  }, { description: 'The measure of the earlier plan this one carries over or replaces (plan update); null if new or not visible to the reader' })),
}, { title: 'MeasureDetail' })
export type MeasureDetail = Static<typeof MeasureDetailSchema>

/** `before` is the cursor a page's `next` address carries: the date and id of the oldest entry seen. */
export const StatusHistoryQuerySchema = Type.Object({
  before: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}~[1-9]\\d{0,15}$', description: 'Entries older than this cursor (from `next`)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.timelinePageMax, default: Limits.timelinePage })),
}, { additionalProperties: false, title: 'StatusHistoryQuery' })
export type StatusHistoryQuery = Static<typeof StatusHistoryQuerySchema>

export const StatusHistoryPageSchema = Type.Object({
  items: Type.Array(StatusEntrySchema, { description: 'Newest first' }),
  next: Nullable(Type.String({ description: 'Address of the next (older) page; null at the first entry' })),
}, { title: 'StatusHistoryPage' })
export type StatusHistoryPage = Static<typeof StatusHistoryPageSchema>

export const CreateMeasureSchema = Type.Object(measureFields, { additionalProperties: false, title: 'CreateMeasure' })
export type CreateMeasure = Static<typeof CreateMeasureSchema>

export const UpdateMeasureSchema = Type.Object({
  ...Type.Partial(Type.Object(measureFields)).properties,
  version: Type.Optional(VersionSchema),
}, {
  additionalProperties: false,
  minProperties: 1,
  title: 'UpdateMeasure',
  description: 'Only the fields sent change; link lists are replaced as a whole. Send the version you read (or an If-Match header).',
})
export type UpdateMeasure = Static<typeof UpdateMeasureSchema>

export const HiddenMeasureSchema = Type.Object({
  id: IdSchema,
  planId: IdSchema,
  code: Type.String(),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
  version: VersionSchema,
  hiddenAt: DateTimeSchema,
}, { title: 'HiddenMeasure', description: 'A hidden (deleted) measure; restore it with its version.' })
export type HiddenMeasure = Static<typeof HiddenMeasureSchema>

export const HiddenMeasureListSchema = Type.Object({
  items: Type.Array(HiddenMeasureSchema, { description: 'Newest hidden first' }),
}, { title: 'HiddenMeasureList' })
export type HiddenMeasureList = Static<typeof HiddenMeasureListSchema>
