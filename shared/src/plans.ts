import { Type, type Static } from 'typebox'
import {
  CommitmentNumberSchema, DateSchema, IdSchema, LongTextSchema, Nullable, ShortTextSchema, SlugSchema, VersionSchema,
} from './common.ts'
import { PlanStateSchema } from './vocabulary-schemas.ts'

export const PlanSummarySchema = Type.Object({
  id: IdSchema,
  citySlug: SlugSchema,
  cityName: Type.String(),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  resolutionNumber: Nullable(Type.String({ description: 'Council resolution number, e.g. 20/0372-BV' })),
  resolutionDate: Nullable(DateSchema),
  state: PlanStateSchema,
  predecessorId: Nullable(IdSchema),
  /** The adopted or closed plan that continues this one (its predecessor is this plan), if any. */
  successorId: Nullable(IdSchema),
  measureCount: Type.Integer({ minimum: 0 }),
  version: VersionSchema,
}, { title: 'PlanSummary' })
export type PlanSummary = Static<typeof PlanSummarySchema>

export const PlanListSchema = Type.Object({ items: Type.Array(PlanSummarySchema) }, { title: 'PlanList' })
export type PlanList = Static<typeof PlanListSchema>

export const PlanCommitmentSchema = Type.Object({
  number: CommitmentNumberSchema,
  titleEn: Type.String({ description: 'Official ECCAR title' }),
  titleDe: Type.String(),
  localTitleDe: Nullable(Type.String({ description: 'The plan\'s own heading, where it differs' })),
  localTitleEn: Nullable(Type.String()),
  hasContext: Type.Boolean({ description: 'Whether the plan describes the situation and existing activities under this commitment (in either language)' }),
  contextDe: Type.Optional(Nullable(Type.String({
    description: 'Situation and existing activities, as the plan describes them. Only with `contexts=true` and in the answers of writes: '
      + 'the plan\'s overview does not show them, and they are most of a plan\'s bytes.',
  }))),
  contextEn: Type.Optional(Nullable(Type.String({ description: 'As `contextDe`' }))),
  measureCount: Type.Integer({ minimum: 0, description: 'Measures with this primary commitment' }),
}, { title: 'PlanCommitment' })
export type PlanCommitment = Static<typeof PlanCommitmentSchema>

export const PlanDetailSchema = Type.Object({
  ...PlanSummarySchema.properties,
  introDe: Nullable(Type.String()),
  introEn: Nullable(Type.String()),
  commitments: Type.Array(PlanCommitmentSchema, { description: 'Always all ten, in order' }),
}, { title: 'PlanDetail' })
export type PlanDetail = Static<typeof PlanDetailSchema>

export const PlanDetailQuerySchema = Type.Object({
  contexts: Type.Optional(Type.Boolean({ default: false, description: 'Include each commitment\'s context texts (`contextDe`, `contextEn`)' })),
}, { additionalProperties: false, title: 'PlanDetailQuery' })
export type PlanDetailQuery = Static<typeof PlanDetailQuerySchema>

const planFields = {
  titleDe: ShortTextSchema,
  titleEn: Type.Optional(Nullable(ShortTextSchema)),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  resolutionNumber: Type.Optional(Nullable(ShortTextSchema)),
  resolutionDate: Type.Optional(Nullable(DateSchema)),
  state: Type.Optional(PlanStateSchema),
  predecessorId: Type.Optional(Nullable(IdSchema)),
  introDe: Type.Optional(Nullable(LongTextSchema)),
  introEn: Type.Optional(Nullable(LongTextSchema)),
}

export const CreatePlanSchema = Type.Object(planFields, { additionalProperties: false, title: 'CreatePlan' })
export type CreatePlan = Static<typeof CreatePlanSchema>

export const UpdatePlanSchema = Type.Object({
  ...Type.Partial(Type.Object(planFields)).properties,
  version: Type.Optional(VersionSchema),
}, { additionalProperties: false, minProperties: 1, title: 'UpdatePlan', description: 'Send the version you read (or an If-Match header).' })
export type UpdatePlan = Static<typeof UpdatePlanSchema>

export const UpdatePlanCommitmentSchema = Type.Object({
  localTitleDe: Type.Optional(Nullable(ShortTextSchema)),
  localTitleEn: Type.Optional(Nullable(ShortTextSchema)),
  contextDe: Type.Optional(Nullable(LongTextSchema)),
  contextEn: Type.Optional(Nullable(LongTextSchema)),
  version: Type.Optional(VersionSchema),
}, { additionalProperties: false, minProperties: 1, title: 'UpdatePlanCommitment', description: 'Changes the plan, so it carries the plan\'s version.' })
export type UpdatePlanCommitment = Static<typeof UpdatePlanCommitmentSchema>

export const PlanCommitmentParamsSchema = Type.Object({
  id: IdSchema,
  number: CommitmentNumberSchema,
}, { additionalProperties: false })

export const PlanImportResultSchema = Type.Object({
  plan: PlanSummarySchema,
  measures: Type.Integer({ minimum: 0, description: 'Measures created' }),
  organisationsCreated: Type.Integer({ minimum: 0 }),
  organisationsReused: Type.Integer({ minimum: 0, description: 'Already known in the city by name, left unchanged' }),
}, { title: 'PlanImportResult' })
export type PlanImportResult = Static<typeof PlanImportResultSchema>
