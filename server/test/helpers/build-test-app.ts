import { buildApp } from '../../src/app.ts'
import { testConfig, type Config } from '../../src/config.ts'
import type { Db } from '../../src/db/client.ts'

/**
 * The production app with a test database. `devMode` stands in for a signed-in user until accounts
 * exist; without it the app behaves as it does for the public.
 */
export async function buildTestApp ({ db, devMode = false, config = {} }: { db: Db, devMode?: boolean, config?: Partial<Config> }) {
  const app = await buildApp({ config: testConfig({ DEV_MODE: devMode, ...config }), db, logger: false })
  await app.ready()
  return app
}
