import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CityParamsSchema, CreateOrganisationSchema, IdParamsSchema, OrganisationDetailSchema, OrganisationListSchema,
  UpdateOrganisationSchema,
} from '@eccar/shared'
import { errorResponses, NoContentSchema, versionedWriteResponses, writeErrorResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import { createOrganisationsService } from './organisations.service.ts'

const organisationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createOrganisationsService(app.db, app.dataChanged)

  app.get('/cities/:city/organisations', {
    config: { access: 'public' },
    schema: {
      tags: ['organisations'],
      summary: 'Responsible bodies of a city',
      params: CityParamsSchema,
      response: { 200: OrganisationListSchema, ...errorResponses },
    },
  }, async (request) => ({ items: await service.listForCity(request.params.city) }))

  app.post('/cities/:city/organisations', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['organisations'],
      summary: 'Add a responsible body',
      params: CityParamsSchema,
      body: CreateOrganisationSchema,
      response: { 201: OrganisationDetailSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const organisation = await service.create(request.params.city, request.body, request.actor)
    setVersionTag(reply, organisation.version)
    return reply.code(201).send(organisation)
  })

  app.get('/organisations/:id', {
    config: { access: 'public' },
    schema: {
      tags: ['organisations'],
      summary: 'A responsible body with the measures it leads and joins',
      params: IdParamsSchema,
      response: { 200: OrganisationDetailSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const organisation = await service.get(request.params.id, request.actor)
    setVersionTag(reply, organisation.version)
    return organisation
  })

  app.patch('/organisations/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['organisations'],
      summary: 'Change a responsible body',
      params: IdParamsSchema,
      body: UpdateOrganisationSchema,
      response: { 200: OrganisationDetailSchema, ...versionedWriteResponses(OrganisationDetailSchema) },
    },
  }, async (request, reply) => {
    const organisation = await service.update(request.params.id, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, organisation.version)
    return organisation
  })

  app.delete('/organisations/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['organisations'],
      summary: 'Delete a body that no measure names (send If-Match with its version)',
      params: IdParamsSchema,
      response: { 204: NoContentSchema, ...versionedWriteResponses(OrganisationDetailSchema) },
    },
  }, async (request, reply) => {
    await service.remove(request.params.id, expectedVersion(request), request.actor)
    return reply.code(204).send(null)
  })
}

export default organisationRoutes
