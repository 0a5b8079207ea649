import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { serverCommand } from './server-command'

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function waitForReady (url: string, child: ChildProcess, log: () => string) {
  // Start-up (tsx, migrations, the demo plan) took 76 s on a machine shared by several test runs; 90 s was too tight.
  const deadline = Date.now() + 240_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`)
    try {
      const res = await fetch(`${url}/api/health/ready`)
      if (res.ok) return
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`server did not become ready:\n${log()}`)
}

/** Starts the real server on a free port with a fresh embedded database, so the Jena demo plan loads. */
export default async function setup (project: TestProject) {
  if (!existsSync(join(repoRoot, 'web/dist/index.html'))) throw new Error('web/dist is missing: run `npm run build -w web` first (npm run test:e2e does)')
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'eccar-e2e-'))
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_DATA: 'true' }
  delete env.DATABASE_URL
  delete env.PUBLIC_ORIGIN
  delete env.DEV_MODE
  const child = spawn(process.execPath, serverCommand(repoRoot), { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { output += d.toString() })

  const baseUrl = `http://127.0.0.1:${port}`
  try {
    await waitForReady(baseUrl, child, () => output)
  } catch (error) {
    child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  project.provide('baseUrl', baseUrl)

  return async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.once('exit', () => { clearTimeout(timer); resolve() })
      child.kill('SIGTERM')
    })
    rmSync(dataDir, { recursive: true, force: true })
  }
}
