import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CityParamsSchema, CsvQuerySchema, DatasetListSchema, IdParamsSchema, IncidentCsvQuerySchema,
  JsonLdDocumentSchema, OpenDataSettingsSchema, PlanDatasetParamsSchema, PlanDatasetQuerySchema, TurtleDocumentSchema,
  UpdateOpenDataSettingsSchema,
} from '@eccar/shared'
import { Type } from 'typebox'
import { errorResponses, signedInErrorResponses, versionedWriteResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import { csvMediaType, fileSchema, xlsxMediaType } from '../common/spreadsheet-files.ts'
import { createDownloads, sendDownload } from './open-data.downloads.ts'
import { cityDatasets } from './open-data.entries.ts'
import { createOpenDataSettingsService } from './open-data.settings.ts'

/** The RDF and JSON-LD libraries take about 0.2 s to load: loaded with the first catalogue request, not at start-up. */
const loadCatalog = () => import('./open-data.catalog.ts')

const tags = ['open-data']
const download = (mediaType: string) => ({ 200: fileSchema(mediaType, 'The file (Content-Disposition names it)'), ...errorResponses })
const csvDescription = 'UTF-8 with byte-order mark, header row first; the licence is in the `Link: <…>; rel="license"` header. '
  + 'Public view only: published plans and measures, published indicators and incident releases.'

/**
 * Open data: public downloads of every published table (CSV, the measures also as XLSX), the city's
 * DCAT-AP.de catalogue for GovData, the human descriptions of its datasets, and the licence settings.
 */
const openDataRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const origin = app.config.PUBLIC_ORIGIN!
  const downloads = createDownloads(app.db, origin)
  const settings = createOpenDataSettingsService(app.db, app.dataChanged)

  app.get('/plans/:id/measures.xlsx', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The published measures of a plan as an Excel workbook, with a sheet explaining every column',
      params: IdParamsSchema, response: download(xlsxMediaType),
    },
  }, async (request, reply) => sendDownload(reply, await downloads.measuresWorkbook(request.params.id)))

  app.get('/plans/:id/measures.csv', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The published measures of a plan as CSV', description: csvDescription,
      params: IdParamsSchema, querystring: CsvQuerySchema, response: download(csvMediaType),
    },
  }, async (request, reply) => sendDownload(reply, await downloads.planCsv(request.params.id, 'measures', request.query.separator)))

  app.get('/plans/:id/datasets/:dataset.csv', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The data behind a chart or table of the public dashboard as CSV, at a stable address',
      description: `${csvDescription} Datasets: measures, status-by-commitment, status-history (the trend), indicators.`,
      params: PlanDatasetParamsSchema, querystring: PlanDatasetQuerySchema, response: download(csvMediaType),
    },
  }, async (request, reply) => sendDownload(reply,
    await downloads.planCsv(request.params.id, request.params.dataset, request.query.separator, request.query.indicator)))

  app.get('/cities/:city/incidents/public.csv', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The figures of a published incident release as CSV (the newest period without `release`)',
      description: `${csvDescription} Withheld figures are empty.`,
      params: CityParamsSchema, querystring: IncidentCsvQuerySchema, response: download(csvMediaType),
    },
  }, async (request, reply) => sendDownload(reply, await downloads.incidentsCsv(request.params.city, request.query.release, request.query.separator)))

  app.get('/cities/:city/datasets', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The city\'s open datasets with a definition of every column and their download addresses',
      params: CityParamsSchema, response: { 200: DatasetListSchema, ...errorResponses },
    },
  }, async (request) => ({ items: (await cityDatasets(app.db, request.params.city, origin)).items }))

  app.get('/cities/:city/catalog.jsonld', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The city\'s DCAT-AP.de catalogue in JSON-LD (for GovData and other portals)',
      params: CityParamsSchema, response: { 200: JsonLdDocumentSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const body = await (await loadCatalog()).catalogJsonLd({ ...await cityDatasets(app.db, request.params.city, origin), origin })
    return reply.type('application/ld+json; charset=utf-8').send(body as Record<string, unknown>)
  })

  app.get('/cities/:city/catalog.ttl', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The city\'s DCAT-AP.de catalogue in Turtle',
      params: CityParamsSchema, response: { 200: TurtleDocumentSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const body = await (await loadCatalog()).catalogTurtle({ ...await cityDatasets(app.db, request.params.city, origin), origin })
    return reply.type('text/turtle; charset=utf-8').send(body)
  })

  app.get('/cities/:city/open-data', {
    config: { access: 'signed-in' },
    schema: {
      tags, summary: 'Licence, publisher, contact, municipality key and GovData contributor ID of the city\'s open data (admins)',
      params: CityParamsSchema, response: { 200: OpenDataSettingsSchema, ...signedInErrorResponses },
    },
  }, async (request, reply) => {
    const current = await settings.get(request.params.city, request.actor)
    setVersionTag(reply, current.version)
    return current
  })

  app.put('/cities/:city/open-data', {
    config: { access: 'signed-in' },
    schema: {
      tags, summary: 'Set the licence, publisher, contact, municipality key and GovData contributor ID of the city\'s open data (admins; send If-Match or version)',
      description: 'A malformed municipality key is refused with 400 MUNICIPALITY_KEY_INVALID, a contributor ID that is not an http(s) URI '
        + 'with 400 CONTRIBUTOR_ID_INVALID; `details[0].path` names the field. Every dataset of the catalogue names the key as '
        + 'dcatde:politicalGeocodingURI (level municipality) and the ID as dcatde:contributorID.',
      params: CityParamsSchema, body: UpdateOpenDataSettingsSchema,
      response: { 200: OpenDataSettingsSchema, ...versionedWriteResponses(Type.Object(OpenDataSettingsSchema.properties)) },
    },
  }, async (request, reply) => {
    const updated = await settings.update(request.params.city, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, updated.version)
    return updated
  })
}

export default openDataRoutes
