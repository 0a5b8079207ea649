import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../src/db/client.ts'

declare module 'vitest' {
  export interface ProvidedContext { pgliteTemplate: string | null }
}

/**
 * Boots and migrates one PGlite for the whole run and hands its dump to every test file: loading a
 * dump takes a fraction of a fresh boot plus migrations. PostgreSQL runs create their own databases.
 */
export default async function setup (project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteTemplate', null)
    return
  }
  const folder = await mkdtemp(join(tmpdir(), 'eccar-template-'))
  const handle = await openDatabase({ dataDir: 'memory://' })
  await handle.migrate()
  const file = join(folder, 'template.tar')
  await writeFile(file, Buffer.from(await (await handle.dump!()).arrayBuffer()))
  await handle.close()
  project.provide('pgliteTemplate', file)
  return async () => rm(folder, { recursive: true, force: true })
}
