import { Type, type Static } from 'typebox'
import { IdSchema, PageQuerySchema, ShortTextSchema, SlugSchema } from './common.ts'

export const CitySchema = Type.Object({
  id: IdSchema,
  slug: SlugSchema,
  name: Type.String(),
}, { title: 'City' })
export type City = Static<typeof CitySchema>

export const CityListSchema = Type.Object({
  items: Type.Array(CitySchema, { description: 'By name' }),
  total: Type.Integer({ minimum: 0, description: 'All cities on this deployment' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
}, { title: 'CityList' })
export type CityList = Static<typeof CityListSchema>

export const CityListQuerySchema = Type.Object({ ...PageQuerySchema }, { additionalProperties: false, title: 'CityListQuery' })
export type CityListQuery = Static<typeof CityListQuerySchema>

export const CreateCitySchema = Type.Object({
  slug: SlugSchema,
  name: ShortTextSchema,
}, { additionalProperties: false, title: 'CreateCity' })
export type CreateCity = Static<typeof CreateCitySchema>

export const CityParamsSchema = Type.Object({ city: SlugSchema }, { additionalProperties: false })
