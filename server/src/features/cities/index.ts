import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CityListSchema, CitySchema, CreateCitySchema } from '@eccar/shared'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeErrorResponses } from '../common/schemas.ts'
import { CityExistsError } from './cities.errors.ts'
import { findCityBySlug, insertCity, listCities } from './cities.queries.ts'

const cityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/cities', {
    config: { access: 'public' },
    schema: { tags: ['cities'], summary: 'Cities on this deployment', response: { 200: CityListSchema } },
  }, async () => ({ items: await listCities(app.db) }))

  app.post('/cities', {
    config: { access: 'platform-admin' },
    schema: {
      tags: ['cities'],
      summary: 'Add a city',
      body: CreateCitySchema,
      response: { 201: CitySchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const city = await app.db.transaction(async (tx) => {
      if (await findCityBySlug(tx, request.body.slug)) throw new CityExistsError(request.body.slug)
      const created = await insertCity(tx, request.body)
      await recordAudit(tx, request.actor, { cityId: created.id, action: 'city.create', entityType: 'city', entityId: created.id, after: created })
      return created
    })
    return reply.code(201).send(city)
  })
}

export default cityRoutes
