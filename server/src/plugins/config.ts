import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../config.ts'
import type { Db } from '../db/client.ts'

declare module 'fastify' {
  interface FastifyInstance { config: Config, db: Db }
}

/** Makes the validated configuration and the database available to every feature. */
export default fp(async function configPlugin (app: FastifyInstance, options: { config: Config, db: Db }) {
  app.decorate('config', options.config)
  app.decorate('db', options.db)
}, { name: 'config' })
