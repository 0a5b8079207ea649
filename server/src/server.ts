import { loadConfig } from './config.ts'
import { openDatabase } from './db/client.ts'
import { DataDirBusyError, lockDataDir } from './lib/data-dir-lock.ts'

const config = loadConfig()
// The embedded database allows one process at a time; the lock makes a second one (a CLI, another server) refuse.
let releaseDataDir = async () => {}
if (!config.DATABASE_URL && !config.DATA_DIR.startsWith('memory://')) {
  try {
    releaseDataDir = await lockDataDir(config.DATA_DIR, 'server', (err) => console.error(`lock on ${config.DATA_DIR} lost: ${err.message}`))
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}
// The database opens and migrates while the application's modules load: PGlite spends a good part of
// its start waiting for its files and compiling WebAssembly off the main thread, and loading the
// modules fills that time (about 0.2 s of a 2.5 s start). Everything else starts in start-server.ts.
const opening = openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR })
  .then(async (database) => {
    await database.migrate()
    return database
  })
const [{ startServer }, database] = await Promise.all([import('./start-server.ts'), opening])
await startServer({ config, database, releaseDataDir })
