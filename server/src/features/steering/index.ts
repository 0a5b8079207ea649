import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorSchema, CityParamsSchema, CreateSteeringMeetingSchema, CreateSteeringMemberSchema, IdParamsSchema, SteeringGroupSchema,
  SteeringMeetingSchema, SteeringMemberSchema, UpdateCitySettingsSchema, UpdateSteeringMeetingSchema, UpdateSteeringMemberSchema,
} from '@eccar/shared'
import { errorResponses, NoContentSchema, versionedWriteResponses, writeErrorResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import { createSteeringService } from './steering.service.ts'

const tags = ['steering-group']
const readErrorResponses = { ...errorResponses, 401: ApiErrorSchema }

/** Every steering-group route is for signed-in members of the city: the records may name people. */
const steeringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createSteeringService(app.db, app.dataChanged)

  app.get('/cities/:city/steering-group', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The steering group of a city: settings, seats and meetings (members of the city only)',
      params: CityParamsSchema,
      response: { 200: SteeringGroupSchema, ...readErrorResponses },
    },
  }, async (request) => service.overview(request.params.city, request.actor))

  app.patch('/cities/:city/settings', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Change the steering group\'s cadence and when measures need attention (send the city\'s version)',
      params: CityParamsSchema,
      body: UpdateCitySettingsSchema,
      response: { 200: SteeringGroupSchema, ...versionedWriteResponses(SteeringGroupSchema) },
    },
  }, async (request) =>
    service.updateSettings(request.params.city, request.body, expectedVersion(request, request.body.version), request.actor))

  app.post('/cities/:city/steering-group/members', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Add a seat to the steering group',
      params: CityParamsSchema,
      body: CreateSteeringMemberSchema,
      response: { 201: SteeringMemberSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const member = await service.createMember(request.params.city, request.body, request.actor)
    setVersionTag(reply, member.version)
    return reply.code(201).send(member)
  })

  app.patch('/steering-group/members/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Change a seat',
      params: IdParamsSchema,
      body: UpdateSteeringMemberSchema,
      response: { 200: SteeringMemberSchema, ...versionedWriteResponses(SteeringMemberSchema) },
    },
  }, async (request, reply) => {
    const member = await service.updateMember(request.params.id, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, member.version)
    return member
  })

  app.delete('/steering-group/members/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Remove a seat; past meetings no longer list it (send If-Match with its version)',
      params: IdParamsSchema,
      response: { 204: NoContentSchema, ...versionedWriteResponses(SteeringMemberSchema) },
    },
  }, async (request, reply) => {
    await service.removeMember(request.params.id, expectedVersion(request), request.actor)
    return reply.code(204).send(null)
  })

  app.post('/cities/:city/steering-group/meetings', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Record a meeting with its attendees and decisions',
      params: CityParamsSchema,
      body: CreateSteeringMeetingSchema,
      response: { 201: SteeringMeetingSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const meeting = await service.createMeeting(request.params.city, request.body, request.actor)
    setVersionTag(reply, meeting.version)
    return reply.code(201).send(meeting)
  })

  app.get('/steering-group/meetings/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'A meeting with its attendees and decisions (members of the city only)',
      params: IdParamsSchema,
      response: { 200: SteeringMeetingSchema, ...readErrorResponses },
    },
  }, async (request, reply) => {
    const meeting = await service.getMeeting(request.params.id, request.actor)
    setVersionTag(reply, meeting.version)
    return meeting
  })

  app.patch('/steering-group/meetings/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Change a meeting; attendees and decisions, when sent, replace the old ones',
      params: IdParamsSchema,
      body: UpdateSteeringMeetingSchema,
      response: { 200: SteeringMeetingSchema, ...versionedWriteResponses(SteeringMeetingSchema) },
    },
  }, async (request, reply) => {
    const meeting = await service.updateMeeting(request.params.id, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, meeting.version)
    return meeting
  })

  app.delete('/steering-group/meetings/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Delete a meeting with its attendance and decisions (send If-Match with its version)',
      params: IdParamsSchema,
      response: { 204: NoContentSchema, ...versionedWriteResponses(SteeringMeetingSchema) },
    },
  }, async (request, reply) => {
    await service.removeMeeting(request.params.id, expectedVersion(request), request.actor)
    return reply.code(204).send(null)
  })
}

export default steeringRoutes
