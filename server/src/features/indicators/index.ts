import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateIndicatorSchema, CreateIndicatorValueSchema, IdParamsSchema, IndicatorListSchema, IndicatorSchema, IndicatorValueParamsSchema,
  UpdateIndicatorSchema,
} from '@eccar/shared'
import { sendCached } from '../../plugins/read-cache.ts'
import { createPlansService } from '../plans/plans.service.ts'
import { errorResponses, NoContentSchema, versionedWriteResponses, writeErrorResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import { createIndicatorsService } from './indicators.service.ts'

const tags = ['indicators']

const indicatorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createIndicatorsService(app.db, createPlansService(app.db), app.dataChanged)

  app.get('/plans/:id/indicators', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Indicators of a plan with their values and progress toward the target (the public sees published ones)',
      params: IdParamsSchema,
      response: { 200: IndicatorListSchema, ...errorResponses },
    },
  }, async (request, reply) => sendCached(request, reply, request.params.id, 'indicators',
    () => service.list(request.params.id, request.actor)))

  app.post('/plans/:id/indicators', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Add an indicator to a plan, linked to measures and/or commitments',
      params: IdParamsSchema,
      body: CreateIndicatorSchema,
      response: { 201: IndicatorSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const indicator = await service.create(request.params.id, request.body, request.actor)
    setVersionTag(reply, indicator.version)
    return reply.code(201).send(indicator)
  })

  app.get('/indicators/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'An indicator with its values and progress toward the target',
      params: IdParamsSchema,
      response: { 200: IndicatorSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const indicator = await service.get(request.params.id, request.actor)
    setVersionTag(reply, indicator.version)
    return indicator
  })

  app.patch('/indicators/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Change an indicator\'s definition, baseline, target, links or publication',
      params: IdParamsSchema,
      body: UpdateIndicatorSchema,
      response: { 200: IndicatorSchema, ...versionedWriteResponses(IndicatorSchema) },
    },
  }, async (request, reply) => {
    const indicator = await service.update(request.params.id, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, indicator.version)
    return indicator
  })

  app.delete('/indicators/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Delete an indicator with its values (send If-Match with its version)',
      params: IdParamsSchema,
      response: { 204: NoContentSchema, ...versionedWriteResponses(IndicatorSchema) },
    },
  }, async (request, reply) => {
    await service.remove(request.params.id, expectedVersion(request), request.actor)
    return reply.code(204).send(null)
  })

  app.post('/indicators/:id/values', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Enter a value for a period (optionally for one category of a breakdown); records who entered it',
      description: 'Admins and editors of the city. A period and category holds one value: a second one is refused with 409.',
      params: IdParamsSchema,
      body: CreateIndicatorValueSchema,
      response: { 201: IndicatorSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const indicator = await service.addValue(request.params.id, request.body, request.actor)
    setVersionTag(reply, indicator.version)
    return reply.code(201).send(indicator)
  })

  app.delete('/indicators/:id/values/:valueId', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Delete a value (admins and editors of the city)',
      params: IndicatorValueParamsSchema,
      response: { 204: NoContentSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    await service.removeValue(request.params.id, request.params.valueId, request.actor)
    return reply.code(204).send(null)
  })
}

export default indicatorRoutes
