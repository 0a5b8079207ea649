import { Type, type Static } from 'typebox'
import { AttentionLimits } from './limits.ts'
import { DateSchema, IdSchema, Nullable, ProgressSchema } from './common.ts'
import { OrganisationRefSchema } from './organisations.ts'
import { MeasureStatusSchema } from './vocabulary-schemas.ts'
import type { MeasureStatus } from './vocabulary.ts'

/**
 * Statuses that need no follow-up from the steering group: finished, embedded, given up or handed on.
 * Wider than `settledStatuses` of the progress summary, which counts only what was achieved.
 */
export const attentionSettledStatuses: readonly MeasureStatus[] = ['done', 'ongoing', 'dropped', 'exam_done_no', 'carried_over']

export const attentionReasons = ['delayed', 'overdue', 'stale'] as const
export const AttentionReasonSchema = Type.Enum(attentionReasons, {
  title: 'AttentionReason',
  description: 'delayed: status is delayed; overdue: the end date has passed and the measure is not settled; '
    + 'stale: not settled and no status update for at least `staleMonths` months',
})
export type AttentionReason = (typeof attentionReasons)[number]

export const AttentionQuerySchema = Type.Object({
  staleMonths: Type.Optional(Type.Integer({
    minimum: AttentionLimits.staleMonthsMin,
    maximum: AttentionLimits.staleMonthsMax,
    description: 'Months without a status update after which a measure is stale; defaults to the city\'s setting',
  })),
  organisation: Type.Optional(Type.Integer({
    minimum: 1, maximum: 2_147_483_647, description: 'Only measures this body leads or is involved in ("my measures")',
  })),
}, { additionalProperties: false })
export type AttentionQuery = Static<typeof AttentionQuerySchema>

export const AttentionMeasureSchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
  status: MeasureStatusSchema,
  progress: ProgressSchema,
  endDate: Type.String({ format: 'date', description: 'The measure\'s end date, else the end of the plan period' }),
  lastUpdate: Nullable(Type.String({ format: 'date', description: 'Date of the newest status update; null when there is none' })),
  reasons: Type.Array(AttentionReasonSchema, { minItems: 1, description: 'Why the measure is listed, in the order delayed, overdue, stale' }),
}, { title: 'AttentionMeasure' })
export type AttentionMeasure = Static<typeof AttentionMeasureSchema>

export const AttentionGroupSchema = Type.Object({
  organisation: Type.Union([OrganisationRefSchema, Type.Null()], { description: 'The lead body; null for measures no body leads' }),
  measures: Type.Array(AttentionMeasureSchema, { description: 'In plan order' }),
}, { title: 'AttentionGroup' })
export type AttentionGroup = Static<typeof AttentionGroupSchema>

export const PlanAttentionSchema = Type.Object({
  planId: IdSchema,
  today: DateSchema,
  staleMonths: Type.Integer({ minimum: AttentionLimits.staleMonthsMin, maximum: AttentionLimits.staleMonthsMax }),
  total: Type.Integer({ minimum: 0, description: 'Measures that need attention, across all groups' }),
  groups: Type.Array(AttentionGroupSchema),
}, { title: 'PlanAttention' })
export type PlanAttention = Static<typeof PlanAttentionSchema>
