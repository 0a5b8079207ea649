/**
 * Build step (scripts/build-server.mjs): writes the migrated empty embedded database as a data folder
 * shut down cleanly, which a fresh data folder is copied from at start (see `openPglite`).
 */
import { rmSync } from 'node:fs'
import { openDatabase, pgliteTemplateDir } from './client.ts'

rmSync(pgliteTemplateDir, { recursive: true, force: true })
// Not durable: the build's files need no sync call per commit; the folder is copied, not used.
const handle = await openDatabase({ dataDir: pgliteTemplateDir, durable: false })
await handle.migrate()
await handle.close()
