import { Type, type Static } from 'typebox'
import {
  CommitmentNumberSchema, DateSchema, DateTimeSchema, IdSchema, LongTextSchema, Nullable, ShortTextSchema, VersionSchema,
} from './common.ts'
import { IndicatorDirectionSchema } from './vocabulary-schemas.ts'

/** Limits of indicators and their values, shared by the API schemas and the web forms. */
export const IndicatorLimits = {
  unit: 50,
  category: 100,
  measuresPerIndicator: 100,
  /** Indicator figures are counts, shares and amounts; anything beyond this is a typing error. */
  magnitude: 1e12,
} as const

const NumberValueSchema = Type.Number({ minimum: -IndicatorLimits.magnitude, maximum: IndicatorLimits.magnitude })

export const IndicatorValueSchema = Type.Object({
  id: IdSchema,
  periodStart: DateSchema,
  periodEnd: DateSchema,
  category: Nullable(Type.String({ description: 'Category of a breakdown, e.g. an area of life; null for the total' })),
  value: Type.Number(),
  sourceNote: Nullable(Type.String()),
  enteredBy: Type.Optional(Nullable(Type.Object({ id: IdSchema, displayName: Type.String() }, { description: 'Only for the city\'s members' }))),
  createdAt: DateTimeSchema,
}, { title: 'IndicatorValue' })
export type IndicatorValue = Static<typeof IndicatorValueSchema>

export const IndicatorMeasureSchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
}, { title: 'IndicatorMeasure' })

export const IndicatorSchema = Type.Object({
  id: IdSchema,
  planId: IdSchema,
  nameDe: Type.String(),
  nameEn: Nullable(Type.String()),
  definitionDe: Nullable(Type.String()),
  definitionEn: Nullable(Type.String()),
  unit: Type.String({ description: 'German unit, e.g. "Anzahl", "%", "EUR"' }),
  unitEn: Nullable(Type.String({ description: 'English unit, e.g. "Number"; null: English reports show the German one, marked' })),
  source: Nullable(Type.String({ description: 'Where the figures come from' })),
  direction: IndicatorDirectionSchema,
  baselineValue: Nullable(Type.Number()),
  baselineDate: Nullable(DateSchema),
  targetValue: Nullable(Type.Number()),
  targetDate: Nullable(DateSchema),
  isPublic: Type.Boolean({ description: 'Published indicators appear on the public dashboard' }),
  commitments: Type.Array(CommitmentNumberSchema),
  measures: Type.Array(IndicatorMeasureSchema, { description: 'Linked measures the reader may see, in plan order' }),
  values: Type.Array(IndicatorValueSchema, { description: 'Oldest period first; totals before categories' }),
  latestValue: Nullable(Type.Number({ description: 'The total (no category) of the latest period' })),
  progressToTarget: Nullable(Type.Number({
    description: 'Share of the way from baseline to target reached by the latest total value (0 = baseline, 1 = target; may exceed 1 or fall below 0); null without baseline, target or a total value, or when target equals baseline',
  })),
  version: VersionSchema,
  updatedAt: DateTimeSchema,
}, { title: 'Indicator', description: 'A measurable sign of whether the plan works (DOMAIN.md §2.4: city-defined indicators).' })
export type Indicator = Static<typeof IndicatorSchema>

export const IndicatorListSchema = Type.Object({
  items: Type.Array(IndicatorSchema, { description: 'In the order they were created; the public sees published indicators only' }),
}, { title: 'IndicatorList' })
export type IndicatorList = Static<typeof IndicatorListSchema>

const indicatorFields = {
  nameDe: ShortTextSchema,
  nameEn: Type.Optional(Nullable(ShortTextSchema)),
  definitionDe: Type.Optional(Nullable(LongTextSchema)),
  definitionEn: Type.Optional(Nullable(LongTextSchema)),
  unit: Type.String({ minLength: 1, maxLength: IndicatorLimits.unit }),
  unitEn: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: IndicatorLimits.unit }))),
  source: Type.Optional(Nullable(ShortTextSchema)),
  direction: IndicatorDirectionSchema,
  baselineValue: Type.Optional(Nullable(NumberValueSchema)),
  baselineDate: Type.Optional(Nullable(DateSchema)),
  targetValue: Type.Optional(Nullable(NumberValueSchema)),
  targetDate: Type.Optional(Nullable(DateSchema)),
  isPublic: Type.Optional(Type.Boolean({ description: 'Defaults to false: an indicator is published deliberately' })),
  commitments: Type.Optional(Type.Array(CommitmentNumberSchema, { maxItems: 10, uniqueItems: true })),
  measureIds: Type.Optional(Type.Array(IdSchema, {
    maxItems: IndicatorLimits.measuresPerIndicator, uniqueItems: true, description: 'Measures of the same plan',
  })),
}

export const CreateIndicatorSchema = Type.Object(indicatorFields, { additionalProperties: false, title: 'CreateIndicator' })
export type CreateIndicator = Static<typeof CreateIndicatorSchema>

export const UpdateIndicatorSchema = Type.Object({
  ...Type.Partial(Type.Object(indicatorFields)).properties,
  version: Type.Optional(VersionSchema),
}, {
  additionalProperties: false,
  minProperties: 1,
  title: 'UpdateIndicator',
  description: 'Only the fields sent change; link lists are replaced as a whole. Send the version you read (or an If-Match header).',
})
export type UpdateIndicator = Static<typeof UpdateIndicatorSchema>

export const CreateIndicatorValueSchema = Type.Object({
  periodStart: DateSchema,
  periodEnd: DateSchema,
  category: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: IndicatorLimits.category }))),
  value: NumberValueSchema,
  sourceNote: Type.Optional(Nullable(ShortTextSchema)),
}, {
  additionalProperties: false,
  title: 'CreateIndicatorValue',
  description: 'One value per period and category; to correct a value, delete it and enter it again.',
})
export type CreateIndicatorValue = Static<typeof CreateIndicatorValueSchema>

export const IndicatorValueParamsSchema = Type.Object({ id: IdSchema, valueId: IdSchema }, { additionalProperties: false })
