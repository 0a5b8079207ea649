import type { InjectOptions } from 'fastify'
import { buildApp } from '../../src/app.ts'
import { testConfig, type Config } from '../../src/config.ts'
import type { Db } from '../../src/db/client.ts'
import { platformAdminHeaders } from './auth.ts'

/**
 * The production app with a test database. With `asPlatformAdmin` every request carries the session
 * cookie and anti-forgery header of a signed-in platform administrator (explicit headers win);
 * without it the app is used as the public uses it.
 */
export async function buildTestApp ({ db, asPlatformAdmin = false, config = {} }: { db: Db, asPlatformAdmin?: boolean, config?: Partial<Config> }) {
  const app = await buildApp({ config: testConfig(config), db, logger: false })
  await app.ready()
  if (asPlatformAdmin) {
    const inject = app.inject.bind(app) as (options: InjectOptions) => ReturnType<typeof app.inject>
    Object.assign(app, {
      inject: async (options: InjectOptions) => inject({ ...options, headers: { ...await platformAdminHeaders(db), ...options.headers } }),
    })
  }
  return app
}
