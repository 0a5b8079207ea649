import { execFileSync, spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { trackProcessGroup } from './cleanup.ts'

/** `npm start` to the first answer, on an idle machine (issue 16). */
export const startupTargets = { freshSeconds: 5, existingSeconds: 2 } as const

/** The newest modification time of the files under `dir` (0 for a missing folder). */
function newestChange (dir: string): number {
  let newest = 0
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return 0
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs)
  }
  return newest
}

/**
 * `npm start` runs the compiled server (server/dist): when the sources changed after the last build,
 * the timing would measure old code, so the server is built first (`npm run build:server`, a few seconds).
 * Returns whether it built.
 */
export function buildServerIfStale (repoRoot: string): boolean {
  let built = 0
  try {
    built = statSync(join(repoRoot, 'server', 'dist', 'server.js')).mtimeMs
  } catch {
    // Not built yet.
  }
  const sources = Math.max(...['server/src', 'shared/src', 'migrations'].map((dir) => newestChange(join(repoRoot, dir))))
  if (built >= sources) return false
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: repoRoot, stdio: 'inherit' })
  return true
}

export interface StartupFigures {
  /** Seconds from spawning `npm start` to the first 200 from GET /api/health/ready; null if it never answered. */
  seconds: number | null
  polls: number
  error: string | null
  /** Seconds from SIGTERM to the whole process group having exited. */
  stopSeconds: number | null
  /** The last lines the server printed (LOG_LEVEL=warn, so normally only npm's own lines). */
  outputTail: string[]
}

/** A port nobody listens on right now, on the loopback interface. */
export async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Spawns `npm start` at the repository root in its own process group, polls GET /api/health/ready every
 * 50 ms until it answers, then stops the whole group (SIGTERM, SIGKILL after 10 s).
 */
export async function timeNpmStart (options: { repoRoot: string, dataDir: string, timeoutSeconds: number }): Promise<StartupFigures> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: options.dataDir, LOG_LEVEL: 'warn' }
  // The run must measure the documented default: embedded database, demo data, loopback only.
  for (const key of ['DATABASE_URL', 'DEMO_DATA', 'HOST', 'WEB_DIST', 'PUBLIC_ORIGIN']) delete env[key]

  const output: string[] = []
  const collect = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''))
    if (output.length > 200) output.splice(0, output.length - 200)
  }

  const start = performance.now()
  const child = spawn('npm', ['start'], { cwd: options.repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const pid = child.pid
  if (pid === undefined) {
    return { seconds: null, polls: 0, error: 'npm start could not be spawned', stopSeconds: null, outputTail: [] }
  }
  const untrack = trackProcessGroup(pid)
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const state: { exited: { code: number | null, signal: NodeJS.Signals | null } | null } = { exited: null }
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      state.exited = { code, signal }
      resolve()
    })
  })
  child.once('error', (error) => collect(Buffer.from(`spawn error: ${error.message}`)))

  let seconds: number | null = null
  let error: string | null = null
  let polls = 0
  const deadline = start + options.timeoutSeconds * 1000
  const url = `http://127.0.0.1:${port}/api/health/ready`
  while (seconds === null && error === null) {
    if (state.exited) {
      const { code, signal } = state.exited
      error = `npm start exited before answering (code ${code}, signal ${signal})`
      break
    }
    if (performance.now() > deadline) {
      error = `no answer within ${options.timeoutSeconds} s`
      break
    }
    polls++
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) })
      await response.arrayBuffer()
      if (response.ok) {
        seconds = (performance.now() - start) / 1000
        break
      }
    } catch {
      // Not listening yet.
    }
    await sleep(50)
  }

  const stopStart = performance.now()
  let stopSeconds: number | null = null
  if (groupAlive(pid)) {
    try { process.kill(-pid, 'SIGTERM') } catch { /* gone meanwhile */ }
    const killDeadline = performance.now() + 10_000
    while (groupAlive(pid) && performance.now() < killDeadline) await sleep(50)
    if (groupAlive(pid)) {
      try { process.kill(-pid, 'SIGKILL') } catch { /* gone meanwhile */ }
      output.push('(process group did not stop within 10 s of SIGTERM; sent SIGKILL)')
      while (groupAlive(pid)) await sleep(50)
    } else {
      stopSeconds = (performance.now() - stopStart) / 1000
    }
  }
  await Promise.race([exitPromise, sleep(2_000)])
  untrack()
  return { seconds, polls, error, stopSeconds, outputTail: output.slice(-40) }
}
