import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CityParamsSchema, CityUserListSchema, CityUserParamsSchema, CityUserSchema, CreateCityUserSchema, CreatedCityUserSchema,
  InvitationSchema, UpdateCityUserSchema,
} from '@eccar/shared'
import { NoContentSchema, versionedWriteResponses, writeErrorResponses } from '../shared/schemas.ts'
import { expectedVersion, setVersionTag } from '../shared/versioning.ts'
import { createUsersService } from './users.service.ts'

const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createUsersService(app.db)

  app.get('/cities/:city/users', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['users'],
      summary: 'Accounts with a role in the city (admins)',
      params: CityParamsSchema,
      response: { 200: CityUserListSchema, ...writeErrorResponses },
    },
  }, async (request) => ({ items: await service.list(request.params.city, request.actor) }))

  app.post('/cities/:city/users', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['users'],
      summary: 'Give a person a role in the city; new accounts get a one-time invitation link unless a password is set',
      params: CityParamsSchema,
      body: CreateCityUserSchema,
      response: { 201: CreatedCityUserSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await service.create(request.params.city, request.body, request.actor)))

  app.patch('/cities/:city/users/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['users'],
      summary: 'Change a person\'s role, organisation limit or name',
      params: CityUserParamsSchema,
      body: UpdateCityUserSchema,
      response: { 200: CityUserSchema, ...versionedWriteResponses(CityUserSchema) },
    },
  }, async (request, reply) => {
    const user = await service.update(request.params.city, request.params.id, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, user.version)
    return user
  })

  app.delete('/cities/:city/users/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['users'],
      summary: 'Take away a person\'s role in the city (ends their sessions)',
      params: CityUserParamsSchema,
      response: { 204: NoContentSchema, ...versionedWriteResponses(CityUserSchema) },
    },
  }, async (request, reply) => {
    await service.remove(request.params.city, request.params.id, expectedVersion(request), request.actor)
    return reply.code(204).send(null)
  })

  app.post('/cities/:city/users/:id/invitation', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['users'],
      summary: 'A new one-time link for the person to set a password',
      params: CityUserParamsSchema,
      response: { 201: InvitationSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await service.invite(request.params.city, request.params.id, request.actor)))
}

export default userRoutes
