import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'

/**
 * PGlite has no lock of its own: two processes on one data folder corrupt it. Whoever opens the embedded
 * database holds `<DATA_DIR>/process.lock` for its lifetime (refreshed every 5 s, so a crashed holder's
 * lock goes stale after 30 s) and writes its pid beside it for the message the other one gets.
 */
const lockOptions = (dataDir: string) => ({ lockfilePath: join(dataDir, 'process.lock'), realpath: false, stale: 30_000, update: 5_000 })

export class DataDirBusyError extends Error {
  readonly code = 'DATA_DIR_IN_USE'
  constructor (dataDir: string, holder: string) {
    super(`The embedded database in ${dataDir} is in use by another process (${holder}). `
      + 'Stop the server first, or, while it runs, create the first administrator with the setup link it printed; '
      + 'with DATABASE_URL (PostgreSQL) the command line works next to a running server.')
  }
}

function holderOf (dataDir: string) {
  try {
    const { pid, role } = JSON.parse(readFileSync(join(dataDir, 'process.pid'), 'utf8')) as { pid: number, role: string }
    return `${role}, pid ${pid}`
  } catch {
    return 'unknown process'
  }
}

/** Takes the data folder for this process or throws DataDirBusyError; resolves to the release function. */
export async function lockDataDir (dataDir: string, role: 'server' | 'cli', onCompromised: (error: Error) => void = () => {}) {
  mkdirSync(dataDir, { recursive: true })
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(dataDir, { ...lockOptions(dataDir), onCompromised })
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DataDirBusyError(dataDir, holderOf(dataDir))
    throw error
  }
  writeFileSync(join(dataDir, 'process.pid'), JSON.stringify({ pid: process.pid, role }))
  return async () => {
    rmSync(join(dataDir, 'process.pid'), { force: true })
    await release()
  }
}
