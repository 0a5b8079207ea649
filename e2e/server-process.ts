import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serverCommand } from './server-command'

export const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/** A real server process of the browser suite: the shared demo server (global-setup.ts) or a test file's own. */
export interface ServerProcess {
  origin: string
  dataDir: string
  /** Everything it printed so far (the setup link, or why it did not start). */
  output: () => string
  /** Polls `probe` until it answers something truthy; fails with the server's output when it exits or `ms` pass. */
  waitFor: <T>(what: string, ms: number, probe: () => T | Promise<T>) => Promise<NonNullable<T>>
  /** SIGTERM, SIGKILL after 10 s, then the data folder goes. */
  stop: () => Promise<void>
}

async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Starts the app on a free port of 127.0.0.1 with a fresh embedded database in a new temporary folder.
 * `env` gets that folder and the origin and returns the variables the server runs with (PORT and HOST are added).
 */
export async function startServer (dataDirPrefix: string, env: (dataDir: string, origin: string) => NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix))
  const child = spawn(process.execPath, serverCommand(repoRoot), {
    cwd: repoRoot, env: { ...env(dataDir, origin), PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { output += d.toString() })

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.once('exit', () => { clearTimeout(timer); resolve() })
        child.kill('SIGTERM')
      })
    }
    rmSync(dataDir, { recursive: true, force: true })
  }

  async function waitFor<T> (what: string, ms: number, probe: () => T | Promise<T>): Promise<NonNullable<T>> {
    const deadline = Date.now() + ms
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before ${what}:\n${output}`)
      const answer = await probe()
      if (answer) return answer
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error(`no ${what} after ${ms / 1000} s:\n${output}`)
  }

  return { origin, dataDir, output: () => output, waitFor, stop }
}

/**
 * A server of a test file's own with an empty embedded database and no demo data, for what the shared demo
 * server must not see (the first administrator, a new city): it prints the one-time setup link. `env` is
 * what the command line needs to open the same database.
 */
export async function startEmptyServer (dataDirPrefix: string) {
  let cliEnv: NodeJS.ProcessEnv = {}
  const server = await startServer(dataDirPrefix, (dataDir, origin) => {
    cliEnv = { ...process.env, DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'info', PUBLIC_ORIGIN: origin }
    delete cliEnv.DATABASE_URL
    // Invitation mails stay in the outbox, where the tests read them, instead of going to a real mail server.
    delete cliEnv.SMTP_URL
    return cliEnv
  })
  try {
    // Start-up (migrations) has taken over 3 minutes on the shared machine; the setup link follows "listening".
    const setupLink = await server.waitFor('setup link', 450_000, () => /(http:\/\/127\.0\.0\.1:\d+\/setup\/[\w-]+)/.exec(server.output())?.[1])
    return { ...server, setupLink, env: cliEnv }
  } catch (error) {
    await server.stop()
    throw error
  }
}
