import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorSchema, CreateReportingCycleSchema, CycleComparisonSchema, CycleCompareQuerySchema, CycleNarrativeParamsSchema,
  CycleTransitionSchema, IdParamsSchema, ReportingCycleListSchema, ReportingCycleSchema, ReportSnapshotSchema, UpdateCycleNarrativeSchema,
  UpdateReportingCycleSchema,
} from '@eccar/shared'
import { errorResponses, versionedWriteResponses, writeErrorResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import publicReportRoutes from './public-reports.routes.ts'
import reportRoutes from './report.routes.ts'
import { createReportingService } from './reporting.service.ts'

const tags = ['reporting']
const readErrorResponses = { ...errorResponses, 401: ApiErrorSchema }

/** Reporting cycles are the city's working documents: members only, until a report is rendered and sent. */
const reportingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createReportingService(app.db, app.dataChanged, app.mail)
  await app.register(reportRoutes)
  await app.register(publicReportRoutes)

  app.get('/plans/:id/reporting-cycles', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Reporting cycles of a plan, oldest period first (members of the city)',
      params: IdParamsSchema,
      response: { 200: ReportingCycleListSchema, ...readErrorResponses },
    },
  }, async (request) => service.list(request.params.id, request.actor))

  app.post('/plans/:id/reporting-cycles', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Open a reporting cycle; without a period it covers the next two years of the plan',
      params: IdParamsSchema,
      body: CreateReportingCycleSchema,
      response: { 201: ReportingCycleSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const cycle = await service.create(request.params.id, request.body, request.actor)
    setVersionTag(reply, cycle.version)
    return reply.code(201).send(cycle)
  })

  app.get('/reporting-cycles/compare', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'What changed between two reports of the same city: status transitions, new and closed measures, indicator values',
      description: 'Computed from the two snapshots: the frozen one of a submitted cycle, a fresh one otherwise. Measures are matched by code.',
      querystring: CycleCompareQuerySchema,
      response: { 200: CycleComparisonSchema, ...readErrorResponses },
    },
  }, async (request) => service.compare(request.query.from, request.query.to, request.actor))

  app.get('/reporting-cycles/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'A reporting cycle with its narratives and the states it may move to',
      params: IdParamsSchema,
      response: { 200: ReportingCycleSchema, ...readErrorResponses },
    },
  }, async (request, reply) => {
    const cycle = await service.get(request.params.id, request.actor)
    setVersionTag(reply, cycle.version)
    return cycle
  })

  app.patch('/reporting-cycles/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Change a cycle\'s title, period or due date (while open or in review)',
      params: IdParamsSchema,
      body: UpdateReportingCycleSchema,
      response: { 200: ReportingCycleSchema, ...versionedWriteResponses(ReportingCycleSchema) },
    },
  }, async (request, reply) => {
    const cycle = await service.update(request.params.id, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, cycle.version)
    return cycle
  })

  app.put('/reporting-cycles/:id/narratives/:number', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Write the report\'s texts on one commitment: narrative, challenges, needs, exchange topics or why there is no narrative (admins and editors, while open or in review)',
      description: 'Versioned per commitment: send this narrative\'s version (or If-Match); the answer\'s ETag is its new version. The cycle\'s version does not change.',
      params: CycleNarrativeParamsSchema,
      body: UpdateCycleNarrativeSchema,
      response: { 200: ReportingCycleSchema, ...versionedWriteResponses(ReportingCycleSchema) },
    },
  }, async (request, reply) => {
    const { id, number } = request.params
    const { cycle, narrativeVersion } = await service.putNarrative(id, number, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, narrativeVersion)
    return cycle
  })

  app.post('/reporting-cycles/:id/transitions', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Move a cycle on: open → in_review → approved → submitted (submission freezes the report)',
      params: IdParamsSchema,
      body: CycleTransitionSchema,
      response: { 200: ReportingCycleSchema, ...versionedWriteResponses(ReportingCycleSchema) },
    },
  }, async (request, reply) => {
    const { to, approvalMeetingId, version } = request.body
    const cycle = await service.transition(request.params.id, to, expectedVersion(request, version), request.actor, approvalMeetingId ?? null)
    setVersionTag(reply, cycle.version)
    return cycle
  })

  app.get('/reporting-cycles/:id/snapshot', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The report\'s content as JSON: frozen once submitted, built from the live records before',
      params: IdParamsSchema,
      response: { 200: ReportSnapshotSchema, ...readErrorResponses },
    },
  }, async (request) => service.snapshot(request.params.id, request.actor))
}

export default reportingRoutes
