import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CityListSchema, CitySchema, CreateCitySchema } from '@eccar/shared'
import { writeErrorResponses } from '../shared/schemas.ts'
import { CityExistsError } from './cities.errors.ts'
import { findCityBySlug, insertCity, listCities } from './cities.queries.ts'

const cityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/cities', {
    schema: { tags: ['cities'], summary: 'Cities on this deployment', response: { 200: CityListSchema } },
  }, async () => ({ items: await listCities(app.db) }))

  app.post('/cities', {
    onRequest: app.requireWriteAccess,
    schema: {
      tags: ['cities'],
      summary: 'Add a city',
      body: CreateCitySchema,
      response: { 201: CitySchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const city = await app.db.transaction(async (tx) => {
      if (await findCityBySlug(tx, request.body.slug)) throw new CityExistsError(request.body.slug)
      return insertCity(tx, request.body)
    })
    return reply.code(201).send(city)
  })
}

export default cityRoutes
