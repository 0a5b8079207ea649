import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorSchema, CityListQuerySchema, CityListSchema, CitySchema, CreateCitySchema } from '@eccar/shared'
import { writeErrorResponses } from '../common/schemas.ts'
import { createCitiesService } from './cities.service.ts'

const cityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createCitiesService(app.db, app.dataChanged)

  app.get('/cities', {
    config: { access: 'public' },
    schema: {
      tags: ['cities'],
      summary: 'Cities on this deployment, by name, page by page',
      querystring: CityListQuerySchema,
      response: { 200: CityListSchema, 400: ApiErrorSchema },
    },
  }, async (request) => service.list(request.query))

  app.post('/cities', {
    config: { access: 'platform-admin' },
    schema: {
      tags: ['cities'],
      summary: 'Add a city',
      body: CreateCitySchema,
      response: { 201: CitySchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const city = await service.create(request.body, request.actor)
    return reply.code(201).send(city)
  })
}

export default cityRoutes
