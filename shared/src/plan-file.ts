import { Type, type Static } from 'typebox'
import {
  CodeSchema, CommitmentNumberSchema, DateSchema, DateTimeSchema, HttpsUrlSchema, LongTextSchema,
  Nullable, ProgressSchema, ShortTextSchema,
} from './common.ts'
import { Limits } from './limits.ts'
import { MeasureStatusSchema, MeasureTypeSchema, OrganisationKindSchema, PlanStateSchema, RecurrenceSchema } from './vocabulary-schemas.ts'

/**
 * The plan file: one JSON document that holds a whole action plan. `GET /api/plans/{id}/export`
 * writes it, `POST /api/cities/{city}/plans/import` and the CLI read it. Organisations and measures
 * refer to each other by name and code (not database ids) so a file can move between cities and
 * deployments. Optional fields may be omitted on import; exports always write every field.
 */

const OptionalText = Type.Optional(Nullable(LongTextSchema))
const OptionalShort = Type.Optional(Nullable(ShortTextSchema))

export const EvidenceLinkSchema = Type.Object({
  url: HttpsUrlSchema,
  label: Type.Optional(Nullable(ShortTextSchema)),
}, { additionalProperties: false, title: 'EvidenceLink' })
export type EvidenceLink = Static<typeof EvidenceLinkSchema>

export const PlanFileStatusEntrySchema = Type.Object({
  date: DateSchema,
  status: MeasureStatusSchema,
  progress: ProgressSchema,
  noteDe: OptionalText,
  noteEn: OptionalText,
  reason: OptionalText,
  evidenceLinks: Type.Optional(Type.Array(EvidenceLinkSchema, { maxItems: Limits.linksPerMeasure })),
  organisation: Type.Optional(Nullable(ShortTextSchema)),
  recordedAt: Type.Optional(DateTimeSchema),
}, { additionalProperties: false, description: 'One dated entry of the status timeline, oldest first.' })

export const PlanFileRelationSchema = Type.Object({
  code: CodeSchema,
  noteDe: OptionalShort,
  noteEn: OptionalShort,
}, { additionalProperties: false, description: 'A link to another measure of the same plan, e.g. "vgl. Verpflichtung 5".' })

export const PlanFileMeasureSchema = Type.Object({
  code: CodeSchema,
  primaryCommitment: CommitmentNumberSchema,
  secondaryCommitments: Type.Optional(Type.Array(CommitmentNumberSchema, { maxItems: 10, uniqueItems: true })),
  titleDe: ShortTextSchema,
  titleEn: OptionalShort,
  descriptionDe: OptionalText,
  descriptionEn: OptionalText,
  type: MeasureTypeSchema,
  leadOrganisation: Type.Optional(Nullable(ShortTextSchema)),
  involvedOrganisations: Type.Optional(Type.Array(ShortTextSchema, { maxItems: 100, uniqueItems: true })),
  startDate: Type.Optional(Nullable(DateSchema)),
  endDate: Type.Optional(Nullable(DateSchema)),
  recurrence: Type.Optional(RecurrenceSchema),
  recurrenceOn: Type.Optional(Nullable(Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'Yearly date MM-DD' }))),
  timeframeNoteDe: OptionalShort,
  timeframeNoteEn: OptionalShort,
  fundingNoteDe: OptionalText,
  fundingNoteEn: OptionalText,
  goodPractice: Type.Optional(Type.Boolean({ description: 'A good practice the report presents in a section of its own' })),
  goodPracticeDescriptionDe: OptionalText,
  goodPracticeDescriptionEn: OptionalText,
  relatedMeasures: Type.Optional(Type.Array(PlanFileRelationSchema, { maxItems: 100 })),
  exampleActions: Type.Optional(Type.Array(Type.String({ pattern: '^([1-9]|10)\\.[a-z]$' }), { maxItems: 30, uniqueItems: true })),
  isPublic: Type.Optional(Type.Boolean()),
  internalNote: OptionalText,
  status: Type.Optional(MeasureStatusSchema),
  statusReason: OptionalText,
  progress: Type.Optional(ProgressSchema),
  statusHistory: Type.Optional(Type.Array(PlanFileStatusEntrySchema, { maxItems: Limits.historyPerMeasure })),
}, { additionalProperties: false })
export type PlanFileMeasure = Static<typeof PlanFileMeasureSchema>

export const PlanFileOrganisationSchema = Type.Object({
  name: ShortTextSchema,
  nameEn: OptionalShort,
  kind: OrganisationKindSchema,
  descriptionDe: OptionalText,
  descriptionEn: OptionalText,
}, { additionalProperties: false })
export type PlanFileOrganisation = Static<typeof PlanFileOrganisationSchema>

export const PlanFileCommitmentSchema = Type.Object({
  number: CommitmentNumberSchema,
  localTitleDe: OptionalShort,
  localTitleEn: OptionalShort,
  contextDe: OptionalText,
  contextEn: OptionalText,
}, { additionalProperties: false })
export type PlanFileCommitment = Static<typeof PlanFileCommitmentSchema>

export const PlanFilePlanSchema = Type.Object({
  titleDe: ShortTextSchema,
  titleEn: OptionalShort,
  periodStart: DateSchema,
  periodEnd: DateSchema,
  resolutionNumber: OptionalShort,
  resolutionDate: Type.Optional(Nullable(DateSchema)),
  state: PlanStateSchema,
  introDe: OptionalText,
  introEn: OptionalText,
}, { additionalProperties: false })

export const PlanFileSchema = Type.Object({
  format: Type.Literal('eccar-action-plan'),
  formatVersion: Type.Literal(1),
  exportedAt: Type.Optional(DateTimeSchema),
  plan: PlanFilePlanSchema,
  commitments: Type.Array(PlanFileCommitmentSchema, { minItems: 10, maxItems: 10 }),
  organisations: Type.Array(PlanFileOrganisationSchema, { maxItems: Limits.organisationsPerPlanFile }),
  measures: Type.Array(PlanFileMeasureSchema, { maxItems: Limits.measuresPerPlan }),
}, { additionalProperties: false, title: 'PlanFile', description: 'A whole action plan as one JSON document (export and import format).' })
export type PlanFile = Static<typeof PlanFileSchema>
