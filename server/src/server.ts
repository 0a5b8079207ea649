import { loadConfig } from './config.ts'
import { compilePgliteWasm } from './db/pglite-wasm.ts'
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
// The embedded database's WebAssembly compiles on a thread of its own while this one loads the rest of the
// server (run-server.ts and everything it imports), instead of after it.
if (!config.DATABASE_URL) compilePgliteWasm().catch(() => {}) // a failure surfaces when the database opens
const { runServer } = await import('./run-server.ts')
await runServer(config, releaseDataDir)
