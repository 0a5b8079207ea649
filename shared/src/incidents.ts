import { Type, type Static } from 'typebox'
import { DateSchema } from './common.ts'
import { DiscriminationKindSchema, LifeAreaSchema, ReportingChannelSchema } from './vocabulary-schemas.ts'
import { IncidentLimits } from './limits.ts'

// Aggregate incident counts from the anti-discrimination office (DOMAIN.md §5.1, SECURITY.md goals
// 40–41): counts per period × kind × area of life × reporting channel, nothing about persons. Their limits
// are in limits.ts, which the web imports without TypeBox.

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
}, { title: 'IncidentPeriod', description: 'The counts of one period, unsuppressed: for administrators and the anti-discrimination office only.' })
export type IncidentPeriod = Static<typeof IncidentPeriodSchema>

export const IncidentTableSchema = Type.Object({
  threshold: Type.Integer({ description: 'Published figures below this are suppressed' }),
  periods: Type.Array(IncidentPeriodSchema, { description: 'Oldest first' }),
}, { title: 'IncidentTable', description: 'Every count the city entered, unsuppressed (administrators and the anti-discrimination office only).' })
export type IncidentTable = Static<typeof IncidentTableSchema>

export const IncidentPeriodRefSchema = Type.Object(periodFields, { title: 'IncidentPeriodRef' })
export type IncidentPeriodRef = Static<typeof IncidentPeriodRefSchema>
