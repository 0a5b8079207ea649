import { Type, type Static } from 'typebox'
import { IdSchema, LongTextSchema, Nullable, ShortTextSchema, SlugSchema, VersionSchema } from './common.ts'
import { MeasureStatusSchema, OrganisationKindSchema } from './vocabulary-schemas.ts'

export const OrganisationRefSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  nameEn: Nullable(Type.String()),
}, { title: 'OrganisationRef' })
export type OrganisationRef = Static<typeof OrganisationRefSchema>

export const OrganisationSchema = Type.Object({
  id: IdSchema,
  citySlug: SlugSchema,
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  kind: OrganisationKindSchema,
  descriptionDe: Nullable(Type.String()),
  descriptionEn: Nullable(Type.String()),
  version: VersionSchema,
}, { title: 'Organisation' })
export type Organisation = Static<typeof OrganisationSchema>

export const OrganisationListSchema = Type.Object({ items: Type.Array(OrganisationSchema) }, { title: 'OrganisationList' })
export type OrganisationList = Static<typeof OrganisationListSchema>

/** A measure as seen from an organisation's page. */
export const OrganisationMeasureSchema = Type.Object({
  id: IdSchema,
  planId: IdSchema,
  planTitleDe: Type.String(),
  planTitleEn: Nullable(Type.String()),
  code: Type.String(),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
  status: MeasureStatusSchema,
  progress: Type.Integer(),
}, { title: 'OrganisationMeasure' })
export type OrganisationMeasure = Static<typeof OrganisationMeasureSchema>

export const OrganisationDetailSchema = Type.Object({
  ...OrganisationSchema.properties,
  leads: Type.Array(OrganisationMeasureSchema, { description: 'Measures this body leads' }),
  joins: Type.Array(OrganisationMeasureSchema, { description: 'Measures this body is involved in' }),
}, { title: 'OrganisationDetail' })
export type OrganisationDetail = Static<typeof OrganisationDetailSchema>

const organisationFields = {
  name: ShortTextSchema,
  nameEn: Type.Optional(Nullable(ShortTextSchema)),
  kind: OrganisationKindSchema,
  descriptionDe: Type.Optional(Nullable(LongTextSchema)),
  descriptionEn: Type.Optional(Nullable(LongTextSchema)),
}

export const CreateOrganisationSchema = Type.Object(organisationFields, { additionalProperties: false, title: 'CreateOrganisation' })
export type CreateOrganisation = Static<typeof CreateOrganisationSchema>

export const UpdateOrganisationSchema = Type.Object({
  ...Type.Partial(Type.Object(organisationFields)).properties,
  version: Type.Optional(VersionSchema),
}, { additionalProperties: false, minProperties: 1, title: 'UpdateOrganisation' })
export type UpdateOrganisation = Static<typeof UpdateOrganisationSchema>
