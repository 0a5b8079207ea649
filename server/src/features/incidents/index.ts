import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorSchema, CityParamsSchema, IncidentPeriodSchema, IncidentTableSchema, PublicIncidentQuerySchema, PublicIncidentTableSchema,
  ReplaceIncidentPeriodSchema,
} from '@eccar/shared'
import { errorResponses, writeErrorResponses } from '../shared/schemas.ts'
import { createIncidentsService } from './incidents.service.ts'

const tags = ['incidents']

/**
 * Aggregate incident counts (DOMAIN.md §5.1). The entered counts stay with the city's members; the
 * public reads only the suppressed aggregate.
 */
const incidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createIncidentsService(app.db, app.dataChanged)

  app.get('/cities/:city/incidents', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Every incident count the city entered, unsuppressed (members of the city only)',
      params: CityParamsSchema,
      response: { 200: IncidentTableSchema, ...errorResponses, 401: ApiErrorSchema, 403: ApiErrorSchema },
    },
  }, async (request) => service.table(request.params.city, request.actor))

  app.put('/cities/:city/incidents', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Enter the counts of one period, replacing the period\'s earlier counts (city administrators)',
      params: CityParamsSchema,
      body: ReplaceIncidentPeriodSchema,
      response: { 200: IncidentPeriodSchema, ...writeErrorResponses },
    },
  }, async (request) => service.replacePeriod(request.params.city, request.body, request.actor))

  app.get('/cities/:city/incidents/public', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Incident counts by one or two dimensions for one period or all, with small counts suppressed',
      description: 'Zeros are shown; no figure between 1 and the city\'s threshold ever is, and further figures are withheld so that none can be '
        + 'worked out from the others, across every breakdown and period this endpoint offers.',
      params: CityParamsSchema,
      querystring: PublicIncidentQuerySchema,
      response: { 200: PublicIncidentTableSchema, ...errorResponses },
    },
  }, async (request) => service.publicTable(request.params.city, request.query))
}

export default incidentRoutes
