import { Type, type Static } from 'typebox'
import {
  CodeSchema, CommitmentNumberSchema, DateSchema, DateTimeSchema, HttpsUrlSchema, LongTextSchema,
  Nullable, ProgressSchema, ShortTextSchema,
} from './common.ts'
import { Limits } from './limits.ts'
import { measureFields } from './measure-fields.ts'
import { MeasureStatusSchema, OrganisationKindSchema, PlanStateSchema } from './vocabulary-schemas.ts'

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

/** In a plan file, measures name their bodies and related measures instead of referring to ids. */
const { leadOrganisationId: _lead, involvedOrganisationIds: _involved, relatedMeasures: _related, ...ownMeasureFields } = measureFields

export const PlanFileMeasureSchema = Type.Object({
  ...ownMeasureFields,
  leadOrganisation: Type.Optional(Nullable(ShortTextSchema)),
  involvedOrganisations: Type.Optional(Type.Array(ShortTextSchema, { maxItems: 100, uniqueItems: true })),
  relatedMeasures: Type.Optional(Type.Array(PlanFileRelationSchema, { maxItems: 100 })),
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

export const PlanImportPreviewSchema = Type.Object({
  plan: PlanFilePlanSchema,
  measures: Type.Array(Type.Object({
    code: Type.String(),
    titleDe: Type.String(),
    titleEn: Nullable(Type.String()),
    primaryCommitment: CommitmentNumberSchema,
    status: MeasureStatusSchema,
  }), { description: 'The measures that would be created, in file order' }),
  measuresPerCommitment: Type.Array(Type.Integer({ minimum: 0 }), { minItems: 10, maxItems: 10, description: 'Measures by primary commitment 1 to 10' }),
  organisations: Type.Array(Type.Object({
    name: Type.String(),
    kind: OrganisationKindSchema,
    known: Type.Boolean({ description: 'Already in the city by this name: reused unchanged' }),
  }), { description: 'Organisations of the file, in file order' }),
  organisationsCreated: Type.Integer({ minimum: 0 }),
  organisationsReused: Type.Integer({ minimum: 0 }),
  statusEntries: Type.Integer({ minimum: 0, description: 'Timeline entries that would be created' }),
}, {
  title: 'PlanImportPreview',
  description: 'What importing the plan file would create, after the same checks as the import; nothing is written.',
})
export type PlanImportPreview = Static<typeof PlanImportPreviewSchema>
