import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CityParamsSchema, IncidentPeriodSchema, IncidentReleaseListSchema, IncidentReleaseParamsSchema, IncidentReleaseSchema,
  IncidentTableSchema, PrepareIncidentReleaseSchema, PublicIncidentQuerySchema, PublicIncidentsSchema, ReplaceIncidentPeriodSchema,
} from '@eccar/shared'
import { errorResponses, NoContentSchema, signedInErrorResponses, writeErrorResponses } from '../common/schemas.ts'
import { createIncidentReleasesService } from './incident-releases.service.ts'
import { createIncidentsService } from './incidents.service.ts'

const tags = ['incidents']

/**
 * Aggregate incident counts (DOMAIN.md §5.1) and their releases (issue 10). Raw counts stay with
 * administrators and the anti-discrimination office; the public reads audited, frozen releases only.
 */
const incidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createIncidentsService(app.db, app.dataChanged)
  const releases = createIncidentReleasesService(app.db, app.dataChanged)

  app.get('/cities/:city/incidents', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Every incident count the city entered, unsuppressed (administrators and the anti-discrimination office)',
      params: CityParamsSchema,
      response: { 200: IncidentTableSchema, ...signedInErrorResponses },
    },
  }, async (request) => service.table(request.params.city, request.actor))

  app.put('/cities/:city/incidents', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Enter the counts of one period, replacing the period\'s earlier counts (administrators, anti-discrimination office)',
      description: 'Published releases do not change; a correction is published as a new release of the period.',
      params: CityParamsSchema,
      body: ReplaceIncidentPeriodSchema,
      response: { 200: IncidentPeriodSchema, ...writeErrorResponses },
    },
  }, async (request) => service.replacePeriod(request.params.city, request.body, request.actor))

  app.get('/cities/:city/incidents/public', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Published incident releases: the newest version of each period and the figures of one',
      description: 'Reads published releases only. Zeros are shown; withheld figures (count null) are below the threshold, or withheld so that '
        + 'none below it can be worked out from everything published, every period and version included.',
      params: CityParamsSchema,
      querystring: PublicIncidentQuerySchema,
      response: { 200: PublicIncidentsSchema, ...errorResponses },
    },
  }, async (request) => releases.publicReleases(request.params.city, request.query))

  app.get('/cities/:city/incident-releases', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Incident releases: all of them for administrators and the anti-discrimination office, published ones for everyone else',
      params: CityParamsSchema,
      response: { 200: IncidentReleaseListSchema, ...errorResponses },
    },
  }, async (request) => releases.list(request.params.city, request.actor))

  app.post('/cities/:city/incident-releases', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Prepare a release of one closed period: its counts are frozen into a draft',
      params: CityParamsSchema,
      body: PrepareIncidentReleaseSchema,
      response: { 201: IncidentReleaseSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await releases.prepare(request.params.city, request.body, request.actor)))

  app.get('/cities/:city/incident-releases/:id', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'One release with its frozen counts and audit', params: IncidentReleaseParamsSchema, response: { 200: IncidentReleaseSchema, ...signedInErrorResponses } },
  }, async (request) => releases.get(request.params.city, request.params.id, request.actor))

  app.post('/cities/:city/incident-releases/:id/audit', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Run the disclosure audit: decides what is withheld and stores the result (state checked)',
      description: 'Synchronous; typically a few seconds. Every other published release of the city is part of the attacker model.',
      params: IncidentReleaseParamsSchema,
      response: { 200: IncidentReleaseSchema, ...writeErrorResponses },
    },
  }, async (request) => releases.audit(request.params.city, request.params.id, request.actor))

  app.post('/cities/:city/incident-releases/:id/publish', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Publish a checked release (administrators); it is frozen from then on',
      params: IncidentReleaseParamsSchema,
      response: { 200: IncidentReleaseSchema, ...writeErrorResponses },
    },
  }, async (request) => releases.publish(request.params.city, request.params.id, request.actor))

  app.delete('/cities/:city/incident-releases/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Delete a draft or checked release',
      params: IncidentReleaseParamsSchema,
      response: { 204: NoContentSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    await releases.remove(request.params.city, request.params.id, request.actor)
    return reply.code(204).send(null)
  })
}

export default incidentRoutes
