import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { repoRoot, startServer } from './server-process'

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}

/** Starts the real server on a free port with a fresh embedded database, so the Jena demo plan loads. */
export default async function setup (project: TestProject) {
  if (!existsSync(join(repoRoot, 'web/dist/index.html'))) throw new Error('web/dist is missing: run `npm run build -w web` first (npm run test:e2e does)')
  const server = await startServer('eccar-e2e-', (dataDir) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_DATA: 'true' }
    delete env.DATABASE_URL
    delete env.PUBLIC_ORIGIN
    delete env.DEV_MODE
    return env
  })
  try {
    // Start-up (tsx, migrations, the demo plan) took 76 s on a machine shared by several test runs; 90 s was too tight.
    await server.waitFor('ready server', 240_000, async () => {
      try {
        return (await fetch(`${server.origin}/api/health/ready`)).ok
      } catch { return false /* not listening yet */ }
    })
  } catch (error) {
    await server.stop()
    throw error
  }
  project.provide('baseUrl', server.origin)
  return server.stop
}
