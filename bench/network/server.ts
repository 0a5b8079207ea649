import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { defer, trackProcessGroup } from '../cleanup.ts'
import { freePort } from '../startup.ts'

export interface RunningServer {
  base: string
  pid: number
  stop: () => Promise<void>
  output: string[]
}

/**
 * The compiled server (`server/dist/server.js`, with the node options of `npm start` and the Docker image) as a process
 * of its own on a PostgreSQL database, with the read cache off: its memory is then its own, not shared
 * with the load generator, and every read takes the uncached path. Jobs are off so the figures are reads only.
 */
export async function startCompiledServer (repoRoot: string, databaseUrl: string, label: string): Promise<RunningServer> {
  const entry = join(repoRoot, 'server', 'dist', 'server.js')
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build:server\` first`)
  const port = await freePort()
  const start = startCommand(repoRoot)
  const env: NodeJS.ProcessEnv = {
    ...process.env, ...start.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl,
    READ_CACHE: 'false', DEMO_DATA: 'false', JOBS: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production',
  }
  delete env.PUBLIC_ORIGIN
  const output: string[] = []
  const child = spawn(process.execPath, [...start.nodeOptions, entry], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const pid = child.pid
  if (pid === undefined) throw new Error(`the ${label} server could not be spawned`)
  const untrack = trackProcessGroup(pid)
  const collect = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''))
    if (output.length > 100) output.splice(0, output.length - 100)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  let exited = false
  child.once('exit', () => { exited = true })

  const stop = defer(`stop the ${label} server`, async () => {
    if (!exited) {
      try { process.kill(-pid, 'SIGTERM') } catch { /* gone meanwhile */ }
      const deadline = performance.now() + 10_000
      while (!exited && performance.now() < deadline) await sleep(50)
      if (!exited) try { process.kill(-pid, 'SIGKILL') } catch { /* gone meanwhile */ }
    }
    untrack()
  })

  const base = `http://127.0.0.1:${port}`
  const deadline = performance.now() + 60_000
  for (;;) {
    if (exited) {
      await stop()
      throw new Error(`the ${label} server exited before answering:\n${output.slice(-20).join('\n')}`)
    }
    if (performance.now() > deadline) {
      await stop()
      throw new Error(`the ${label} server did not answer within 60 s`)
    }
    try {
      const response = await fetch(`${base}/api/health/ready`, { signal: AbortSignal.timeout(1_000) })
      await response.arrayBuffer()
      if (response.ok) break
    } catch {
      // Not listening yet.
    }
    await sleep(100)
  }
  return { base, pid, stop, output }
}

/**
 * What `npm start` gives node (package.json's start script): the environment it sets before the command
 * (glibc's malloc thresholds) and node's options (the heap limit), so the server measured here is the one
 * a city runs; the Dockerfile's ENV and CMD give the same.
 */
function startCommand (repoRoot: string): { env: Record<string, string>, nodeOptions: string[] } {
  const start = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  const words = start.trim().split(/\s+/)
  const env: Record<string, string> = {}
  while (/^[A-Z_]+=/.test(words[0] ?? '')) {
    const [name, ...value] = words.shift()!.split('=')
    env[name!] = value.join('=')
  }
  if (words[0] !== 'node' || words.at(-1) !== 'server/dist/server.js') throw new Error(`npm start is not \`node … server/dist/server.js\`: ${start}`)
  return { env, nodeOptions: words.slice(1, -1) }
}

/** A warning when a server source file is newer than the compiled server the benchmark runs. */
export function staleBuildWarning (repoRoot: string): string | null {
  const entry = join(repoRoot, 'server', 'dist', 'server.js')
  if (!existsSync(entry)) return null
  const built = statSync(entry).mtimeMs
  const newer = (dir: string): boolean => {
    try {
      return readdirSync(dir, { withFileTypes: true, recursive: true })
        .some((file) => file.isFile() && file.name.endsWith('.ts') && statSync(join(file.parentPath, file.name)).mtimeMs > built)
    } catch {
      return false
    }
  }
  return newer(join(repoRoot, 'server', 'src')) || newer(join(repoRoot, 'shared', 'src'))
    ? 'server/dist is older than the server sources: run `npm run build:server` so the figures are of the current code'
    : null
}

/** Resident memory of a process in bytes, from /proc (Linux); null where unavailable. */
export function residentBytes (pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))
    return line ? Number(line.replace(/\D+/g, '')) * 1024 : null
  } catch {
    return null
  }
}

/** Samples a process's RSS every `everyMs` until stopped; returns the highest value seen. */
export function sampleResident (pid: number, everyMs = 200) {
  let peak: number | null = residentBytes(pid)
  const timer = setInterval(() => {
    const value = residentBytes(pid)
    if (value !== null && (peak === null || value > peak)) peak = value
  }, everyMs)
  timer.unref()
  return {
    stop: () => {
      clearInterval(timer)
      return { peakBytes: peak }
    },
  }
}
