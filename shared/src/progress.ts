import { Type, type Static } from 'typebox'
import { CommitmentNumberSchema, IdSchema, Nullable } from './common.ts'
import { MeasureStatusSchema } from './vocabulary-schemas.ts'
import { measureStatuses } from './vocabulary.ts'

export const StatusCountsSchema = Type.Object(
  Object.fromEntries(measureStatuses.map((s) => [s, Type.Integer({ minimum: 0 })])),
  { title: 'StatusCounts', description: 'Number of measures per status; every status is present.' },
)

const progressFields = {
  measureCount: Type.Integer({ minimum: 0 }),
  byStatus: StatusCountsSchema,
  settledShare: Type.Number({ minimum: 0, maximum: 1, description: 'Share of measures completed or ongoing (0–1)' }),
  averageProgress: Type.Number({ minimum: 0, maximum: 100, description: 'Mean progress in percent' }),
}

export const CommitmentProgressSchema = Type.Object({
  number: CommitmentNumberSchema,
  titleEn: Type.String(),
  titleDe: Type.String(),
  localTitleDe: Nullable(Type.String()),
  localTitleEn: Nullable(Type.String()),
  ...progressFields,
}, { title: 'CommitmentProgress', description: 'Counts measures by their primary commitment.' })
export type CommitmentProgress = Static<typeof CommitmentProgressSchema>

export const PlanProgressSchema = Type.Object({
  planId: IdSchema,
  total: Type.Object(progressFields),
  latestUpdate: Nullable(Type.String({
    format: 'date',
    description: 'Date of the latest status update of the plan\'s visible measures (the "as of" date); null before the first one',
  })),
  commitments: Type.Array(CommitmentProgressSchema),
}, { title: 'PlanProgress' })
export type PlanProgress = Static<typeof PlanProgressSchema>

export const PlanStatusHistoryItemSchema = Type.Object({
  measureId: IdSchema,
  code: Type.String(),
  primaryCommitment: CommitmentNumberSchema,
  date: Type.String({ format: 'date' }),
  fromStatus: Nullable(MeasureStatusSchema),
  status: MeasureStatusSchema,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
}, { title: 'PlanStatusHistoryItem' })

export const PlanStatusHistorySchema = Type.Object({
  items: Type.Array(PlanStatusHistoryItemSchema, { description: 'Every status change of the plan\'s visible measures, oldest first' }),
}, { title: 'PlanStatusHistory' })
export type PlanStatusHistory = Static<typeof PlanStatusHistorySchema>
