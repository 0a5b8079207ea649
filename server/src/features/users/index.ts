import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CityParamsSchema, CityUserListSchema, CityUserParamsSchema, CityUserSchema, CreateCityUserSchema, CreatedCityInvitationSchema,
  InvitationParamsSchema, InvitationSchema, UpdateCityUserSchema,
} from '@eccar/shared'
import { NoContentSchema, versionedWriteResponses, writeErrorResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import { createUsersService } from './users.service.ts'

const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createUsersService(app.db, app.mail)

  app.get('/cities/:city/users', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['users'],
      summary: 'Accounts with a role in the city (admins)',
      params: CityParamsSchema,
      response: { 200: CityUserListSchema, ...writeErrorResponses },
    },
  }, async (request) => service.list(request.params.city, request.actor))

  app.post('/cities/:city/users', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['users'],
      summary: 'Invite a person to the city with a role',
      description: 'Creates (or renews) a pending invitation and answers with its one-time link, valid 7 days. The answer is the same whether or not the address has an account; the account itself is not touched. The person accepts with the link: a new account chooses its password, an existing one signs in and accepts.',
      params: CityParamsSchema,
      body: CreateCityUserSchema,
      response: { 201: CreatedCityInvitationSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await service.create(request.params.city, request.body, request.actor)))

  app.patch('/cities/:city/users/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['users'],
      summary: 'Change a person\'s role or organisation limit (the name: platform administrators only)',
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
      summary: 'Take away a person\'s role in this city; their access to other cities stays',
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
      summary: 'A one-time link to set the password of an account',
      description: 'City admins: only for an account without a password that belongs to no other city (else 409 PASSWORD_LINK_NOT_ALLOWED). Platform administrators: any account; an audit row is written in every city of the person.',
      params: CityUserParamsSchema,
      response: { 201: InvitationSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await service.invite(request.params.city, request.params.id, request.actor)))

  app.delete('/cities/:city/invitations/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['users'],
      summary: 'Withdraw a pending invitation; its link stops working',
      params: InvitationParamsSchema,
      response: { 204: NoContentSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    await service.withdraw(request.params.city, request.params.id, request.actor)
    return reply.code(204).send(null)
  })
}

export default userRoutes
