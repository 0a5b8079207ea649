import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateMeasureSchema, CreateStatusUpdateSchema, HiddenMeasureListSchema, IdParamsSchema, MeasureDetailSchema, MeasureListQuerySchema, MeasureListSchema,
  StatusHistoryPageSchema, StatusHistoryQuerySchema, StatusUpdateResultSchema, UpdateMeasureSchema,
} from '@eccar/shared'
import { sendCached } from '../../plugins/read-cache.ts'
import { createPlansService } from '../plans/plans.service.ts'
import { errorResponses, NoContentSchema, signedInErrorResponses, versionedWriteResponses, writeErrorResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import { createMeasuresService } from './measures.service.ts'

const measureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createMeasuresService(app.db, createPlansService(app.db), app.dataChanged)

  /**
   * A measure's public answers are cached with its plan's (a status update announces the plan), so the
   * plan is looked up first, and only when the answer may come from the cache: once per measure, since
   * measures never move between plans, so a cached answer costs no query (it cost one per read before).
   */
  const cachePlanOf = async (request: { actor: { kind: string }, params: { id: number } }) =>
    request.actor.kind === 'anonymous' && app.readCache
      ? app.readCache.planOf(`measure|${request.params.id}`, () => service.planIdOf(request.params.id))
      : null

  app.get('/plans/:id/measures', {
    config: { access: 'public' },
    schema: {
      tags: ['measures'],
      summary: 'Measures of a plan, filtered and searched, in plan order',
      description: 'Repeat a filter to match any of its values, e.g. `?status=delayed&status=planned`. '
        + '`commitment` matches primary and secondary commitments; `organisation` matches lead and involved bodies.',
      params: IdParamsSchema,
      querystring: MeasureListQuerySchema,
      response: { 200: MeasureListSchema, ...errorResponses },
    },
  }, async (request, reply) => sendCached(request, reply, request.params.id, `measures|${JSON.stringify(request.query)}`,
    () => service.list(request.params.id, request.query, request.actor)))

  app.get('/plans/:id/hidden-measures', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['measures'],
      summary: 'The plan\'s hidden measures, newest hidden first (administrators of the plan\'s city)',
      params: IdParamsSchema,
      response: { 200: HiddenMeasureListSchema, ...signedInErrorResponses },
    },
  }, async (request) => service.listHidden(request.params.id, request.actor))

  app.post('/plans/:id/measures', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['measures'],
      summary: 'Add a measure to a plan',
      params: IdParamsSchema,
      body: CreateMeasureSchema,
      response: { 201: MeasureDetailSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const measure = await service.create(request.params.id, request.body, request.actor)
    setVersionTag(reply, measure.version)
    return reply.code(201).send(measure)
  })

  app.post('/measures/:id/status-updates', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['status-updates'],
      summary: 'Report on a measure: new status, progress, a dated note and evidence',
      description: 'Editors limited to organisations may report only on measures their bodies lead or join. The public sees the entry\'s status, date, notes and organisation, never the person.',
      params: IdParamsSchema,
      body: CreateStatusUpdateSchema,
      response: { 201: StatusUpdateResultSchema, ...versionedWriteResponses(MeasureDetailSchema) },
    },
  }, async (request, reply) => {
    const result = await service.addStatusUpdate(request.params.id, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, result.measure.version)
    return reply.code(201).send(result)
  })

  app.get('/measures/:id', {
    config: { access: 'public' },
    schema: {
      tags: ['measures'],
      summary: 'A measure with its bodies, links, ECCAR example actions and status timeline',
      params: IdParamsSchema,
      response: { 200: MeasureDetailSchema, ...errorResponses },
    },
  }, async (request, reply) => sendCached(request, reply, await cachePlanOf(request), `measure|${request.params.id}`,
    () => service.get(request.params.id, request.actor)))

  app.get('/measures/:id/status-history', {
    config: { access: 'public' },
    schema: {
      tags: ['measures'],
      summary: 'A measure\'s older timeline entries, newest first, page by page (follow `statusHistoryNext`, then `next`)',
      params: IdParamsSchema,
      querystring: StatusHistoryQuerySchema,
      response: { 200: StatusHistoryPageSchema, ...errorResponses },
    },
  }, async (request, reply) => sendCached(request, reply, await cachePlanOf(request), `timeline|${request.params.id}|${request.query.before ?? ''}|${request.query.limit ?? ''}`,
    () => service.statusHistory(request.params.id, request.query, request.actor)))

  app.patch('/measures/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['measures'],
      summary: 'Change a measure; a change of status or progress adds a timeline entry',
      params: IdParamsSchema,
      body: UpdateMeasureSchema,
      response: { 200: MeasureDetailSchema, ...versionedWriteResponses(MeasureDetailSchema) },
    },
  }, async (request, reply) => {
    const expected = expectedVersion(request, request.body.version)
    const measure = await service.update(request.params.id, request.body, expected, request.actor)
    setVersionTag(reply, measure.version)
    return measure
  })

  app.delete('/measures/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['measures'],
      summary: 'Hide a measure (restorable with the version in the ETag of this answer; send If-Match with its version)',
      params: IdParamsSchema,
      response: { 204: NoContentSchema, ...versionedWriteResponses(MeasureDetailSchema) },
    },
  }, async (request, reply) => {
    setVersionTag(reply, await service.remove(request.params.id, expectedVersion(request), request.actor))
    return reply.code(204).send(null)
  })

  app.post('/measures/:id/restore', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['measures'],
      summary: 'Bring back a hidden measure (send If-Match with its version)',
      params: IdParamsSchema,
      response: { 200: MeasureDetailSchema, ...versionedWriteResponses(MeasureDetailSchema) },
    },
  }, async (request, reply) => {
    const measure = await service.restore(request.params.id, expectedVersion(request), request.actor)
    setVersionTag(reply, measure.version)
    return measure
  })
}

export default measureRoutes
