import { Type, type Static, type TSchema } from 'typebox'
import { DateSchema } from './common.ts'
import { DiscriminationKindSchema, LifeAreaSchema, ReportingChannelSchema } from './vocabulary-schemas.ts'
import { discriminationKinds, lifeAreas, reportingChannels } from './vocabulary.ts'

/**
 * Aggregate incident counts from the anti-discrimination office (DOMAIN.md §5.1, SECURITY.md goals
 * 40–41): counts per period × kind × area of life × reporting channel, nothing about persons.
 */
export const IncidentLimits = {
  maxCount: 1_000_000,
  cellsPerPeriod: discriminationKinds.length * lifeAreas.length * reportingChannels.length,
  /** Periods are at least a half-year, so a count cannot be tied to a date. */
  minPeriodMonths: 6,
  /** What a city may set as its suppression threshold k. */
  threshold: { min: 2, max: 20 },
} as const

export const incidentDimensions = ['kind', 'area', 'channel'] as const
export type IncidentDimension = (typeof incidentDimensions)[number]

export const IncidentCountSchema = Type.Object({
  kind: DiscriminationKindSchema,
  area: LifeAreaSchema,
  channel: ReportingChannelSchema,
  count: Type.Integer({ minimum: 0, maximum: IncidentLimits.maxCount, description: 'Reported incidents of this kind, area and channel in the period' }),
}, { additionalProperties: false, title: 'IncidentCount' })
export type IncidentCount = Static<typeof IncidentCountSchema>

const periodFields = {
  periodStart: DateSchema,
  periodEnd: Type.String({ format: 'date', description: 'Last day of the period (inclusive)' }),
}

export const ReplaceIncidentPeriodSchema = Type.Object({
  ...periodFields,
  counts: Type.Array(IncidentCountSchema, {
    maxItems: IncidentLimits.cellsPerPeriod,
    description: 'Each combination of kind, area and channel at most once; combinations not sent count as 0. An empty list removes the period.',
  }),
}, {
  additionalProperties: false,
  title: 'ReplaceIncidentPeriod',
  description: 'All counts of one period, replacing what was entered for it. The period covers at least six months and overlaps no other period of the city.',
})
export type ReplaceIncidentPeriod = Static<typeof ReplaceIncidentPeriodSchema>

export const IncidentPeriodSchema = Type.Object({
  ...periodFields,
  counts: Type.Array(IncidentCountSchema, { description: 'As entered, in the order of the closed lists' }),
  total: Type.Integer({ minimum: 0 }),
}, { title: 'IncidentPeriod', description: 'The counts of one period, unsuppressed: for the city\'s members only.' })
export type IncidentPeriod = Static<typeof IncidentPeriodSchema>

export const IncidentTableSchema = Type.Object({
  threshold: Type.Integer({ description: 'Published figures below this are suppressed' }),
  periods: Type.Array(IncidentPeriodSchema, { description: 'Oldest first' }),
}, { title: 'IncidentTable', description: 'Every count the city entered, unsuppressed (members of the city only).' })
export type IncidentTable = Static<typeof IncidentTableSchema>

/** Dimension lists the public table accepts: one dimension, or two in row, column order. */
export const incidentDimensionChoices = [
  'kind', 'area', 'channel', 'kind,area', 'kind,channel', 'area,kind', 'area,channel', 'channel,kind', 'channel,area',
] as const

export const PublicIncidentQuerySchema = Type.Object({
  periodStart: Type.Optional(DateSchema),
  periodEnd: Type.Optional(Type.String({ format: 'date', description: 'With periodStart: one entered period. Without both: all periods together.' })),
  dimensions: Type.Enum(incidentDimensionChoices, { default: 'kind', description: 'One or two dimensions to break the counts down by, comma-separated' }),
}, { additionalProperties: false })
export type PublicIncidentQuery = Static<typeof PublicIncidentQuerySchema>

export const IncidentPeriodRefSchema = Type.Object(periodFields, { title: 'IncidentPeriodRef' })
export type IncidentPeriodRef = Static<typeof IncidentPeriodRefSchema>

const orNull = <T extends TSchema>(schema: T, description: string) => Type.Union([schema, Type.Null()], { description })
const totalOr = <T extends TSchema>(schema: T, description: string) => orNull(schema, `${description}; null for the total over all of them`)

export const IncidentFigureSchema = Type.Object({
  kind: Type.Optional(totalOr(DiscriminationKindSchema, 'Kind of discrimination')),
  area: Type.Optional(totalOr(LifeAreaSchema, 'Area of life')),
  channel: Type.Optional(totalOr(ReportingChannelSchema, 'Reporting channel')),
  count: orNull(Type.Integer({ minimum: 0 }), 'null when suppressed'),
  suppressed: Type.Boolean({ description: 'Withheld: fewer cases than the threshold, or withheld so that such a figure cannot be worked out' }),
}, { title: 'IncidentFigure', description: 'One figure of the table: a cell, or a total where a dimension is null.' })
export type IncidentFigure = Static<typeof IncidentFigureSchema>

export const PublicIncidentTableSchema = Type.Object({
  threshold: Type.Integer({ description: 'The city\'s threshold k: no published figure lies between 1 and k−1' }),
  period: orNull(IncidentPeriodRefSchema, 'The period asked for; null for all periods together'),
  periods: Type.Array(IncidentPeriodRefSchema, { description: 'The entered periods the figures cover, oldest first' }),
  dimensions: Type.Array(Type.Enum(incidentDimensions), { description: 'Row dimension, then column dimension' }),
  figures: Type.Array(IncidentFigureSchema, { description: 'Row by row, each dimension\'s categories in list order followed by its total' }),
}, {
  title: 'PublicIncidentTable',
  description: 'Aggregated incident counts with small-count suppression (SECURITY.md goal 41): zeros are shown, figures below the threshold never.',
})
export type PublicIncidentTable = Static<typeof PublicIncidentTableSchema>
