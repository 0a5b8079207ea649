import { Type, type Static } from 'typebox'
import { DateSchema, DateTimeSchema, IdSchema, Nullable, ShortTextSchema, VersionSchema } from './common.ts'
import { CsvSeparatorSchema } from './spreadsheets.ts'
import { openDataLicences, planDatasets } from './open-data-vocabulary.ts'
import { LocalizedLabelSchema } from './vocabulary-schemas.ts'

export const OpenDataLicenceSchema = Type.Enum(openDataLicences, {
  title: 'OpenDataLicence',
  description: 'Licence of the city\'s open data: Datenlizenz Deutschland by/zero 2.0, CC BY 4.0, CC0 1.0. Default `dl-de-by-2.0`.',
})

export const OpenDataSettingsSchema = Type.Object({
  licence: OpenDataLicenceSchema,
  publisherName: Type.String({ description: 'Who publishes the data (dct:publisher); the city\'s name until set' }),
  contactEmail: Nullable(Type.String({ format: 'email', description: 'Contact point of the catalogue (dcat:contactPoint)' })),
  municipalityKey: Nullable(Type.String({
    description: 'Amtlicher Gemeindeschlüssel (8 digits, e.g. Jena 16053000): every dataset names it as '
      + 'dcatde:politicalGeocodingURI at the municipality level; null until set',
  })),
  contributorId: Nullable(Type.String({ description: 'GovData contributor ID (dcatde:contributorID), an http(s) URI; null until set' })),
  version: VersionSchema,
}, { title: 'OpenDataSettings' })
export type OpenDataSettings = Static<typeof OpenDataSettingsSchema>

export const UpdateOpenDataSettingsSchema = Type.Object({
  licence: OpenDataLicenceSchema,
  publisherName: ShortTextSchema,
  contactEmail: Nullable(Type.String({ format: 'email', maxLength: 254 })),
  // Checked by the server, not here, so that a wrong key or ID gets its own code (MUNICIPALITY_KEY_INVALID, CONTRIBUTOR_ID_INVALID).
  municipalityKey: Type.Optional(Nullable(Type.String({
    maxLength: 64,
    description: 'Amtlicher Gemeindeschlüssel: 8 digits, the first two a Land (01–16). Missing or null: none. '
      + 'Anything else is refused with 400 MUNICIPALITY_KEY_INVALID.',
  }))),
  contributorId: Type.Optional(Nullable(Type.String({
    maxLength: 300,
    description: 'GovData contributor ID, an http(s) URI such as http://dcat-ap.de/def/contributors/… Missing or null: none. '
      + 'Anything else is refused with 400 CONTRIBUTOR_ID_INVALID.',
  }))),
  version: Type.Optional(VersionSchema),
}, {
  additionalProperties: false,
  title: 'UpdateOpenDataSettings',
  description: 'Replaces the settings (a missing municipality key or contributor ID is none). Send the version you read (or If-Match).',
})
export type UpdateOpenDataSettings = Static<typeof UpdateOpenDataSettingsSchema>

export const PlanDatasetSchema = Type.Enum(planDatasets, { title: 'PlanDataset' })
export const PlanDatasetParamsSchema = Type.Object({ id: IdSchema, dataset: PlanDatasetSchema }, { additionalProperties: false })

export const PlanDatasetQuerySchema = Type.Object({
  separator: Type.Optional(CsvSeparatorSchema),
  indicator: Type.Optional(IdSchema),
}, { additionalProperties: false, description: '`indicator` narrows the `indicators` dataset to one published indicator' })

export const IncidentCsvQuerySchema = Type.Object({
  release: Type.Optional(IdSchema),
  separator: Type.Optional(CsvSeparatorSchema),
}, { additionalProperties: false })

export const DatasetFieldSchema = Type.Object({
  name: Type.String({ description: 'Column header as in the CSV' }),
  type: Type.Enum(['string', 'integer', 'number', 'date', 'boolean'] as const),
  description: LocalizedLabelSchema,
}, { title: 'DatasetField' })

export const DatasetDistributionSchema = Type.Object({
  format: Type.String({ description: 'CSV or XLSX' }),
  mediaType: Type.String(),
  url: Type.String({ description: 'Absolute download URL' }),
}, { title: 'DatasetDistribution' })

export const DatasetInfoSchema = Type.Object({
  id: Type.String({ description: 'Stable identifier within the city, e.g. `plan-3-measures`' }),
  title: LocalizedLabelSchema,
  description: LocalizedLabelSchema,
  fields: Type.Array(DatasetFieldSchema),
  distributions: Type.Array(DatasetDistributionSchema),
  licence: OpenDataLicenceSchema,
  modified: Nullable(DateTimeSchema),
  temporal: Nullable(Type.Object({ start: Nullable(DateSchema), end: Nullable(DateSchema) })),
}, { title: 'DatasetInfo', description: 'One open dataset with a definition of every column, for the human page' })
export type DatasetInfo = Static<typeof DatasetInfoSchema>

export const DatasetListSchema = Type.Object({
  items: Type.Array(DatasetInfoSchema),
}, { title: 'DatasetList' })
export type DatasetList = Static<typeof DatasetListSchema>

export const JsonLdDocumentSchema = Type.Object({}, {
  additionalProperties: true,
  title: 'JsonLdDocument',
  description: 'A DCAT-AP.de catalogue in JSON-LD',
})
export const TurtleDocumentSchema = Type.String({ contentMediaType: 'text/turtle', description: 'A DCAT-AP.de catalogue in Turtle' })
