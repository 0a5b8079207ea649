import { Type, type Static } from 'typebox'
import { IdSchema, ShortTextSchema, SlugSchema } from './common.ts'

export const CitySchema = Type.Object({
  id: IdSchema,
  slug: SlugSchema,
  name: Type.String(),
}, { title: 'City' })
export type City = Static<typeof CitySchema>

export const CityListSchema = Type.Object({ items: Type.Array(CitySchema) }, { title: 'CityList' })
export type CityList = Static<typeof CityListSchema>

export const CreateCitySchema = Type.Object({
  slug: SlugSchema,
  name: ShortTextSchema,
}, { additionalProperties: false, title: 'CreateCity' })
export type CreateCity = Static<typeof CreateCitySchema>

export const CityParamsSchema = Type.Object({ city: SlugSchema }, { additionalProperties: false })
