import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { pingDatabase } from './system.queries.ts'

const HealthSchema = Type.Object({ status: Type.Literal('ok') })
const ReadinessSchema = Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok') })

const system: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'Liveness: the process answers', response: { 200: HealthSchema } },
  }, async () => ({ status: 'ok' as const }))

  app.get('/health/ready', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'Readiness: the database answers', response: { 200: ReadinessSchema } },
  }, async () => {
    await pingDatabase(app.db)
    return { status: 'ok' as const, database: 'ok' as const }
  })
}

export default system
