import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, openBrowser } from './browser'
import { serverCommand } from './server-command'

// The first administrator, created in the browser while the server runs: a server of its own with an
// empty embedded database (no demo data, so nobody can administer) prints the one-time setup link.
const repoRoot = fileURLToPath(new URL('..', import.meta.url))
let server: ChildProcess
let output = ''
let dataDir = ''
let origin = ''
let setupLink = ''

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

const env = () => {
  const values: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'info', PUBLIC_ORIGIN: origin }
  delete values.DATABASE_URL
  return values
}

beforeAll(async () => {
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  dataDir = mkdtempSync(join(tmpdir(), 'eccar-e2e-setup-'))
  server = spawn(process.execPath, serverCommand(repoRoot), {
    cwd: repoRoot, env: { ...env(), PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (d: Buffer) => { output += d.toString() })
  server.stderr?.on('data', (d: Buffer) => { output += d.toString() })
  const deadline = Date.now() + 90_000
  while (!setupLink) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`no setup link:\n${output}`)
    setupLink = /(http:\/\/127\.0\.0\.1:\d+\/setup\/[\w-]+)/.exec(output)?.[1] ?? ''
    await new Promise((r) => setTimeout(r, 250))
  }
})

afterAll(async () => {
  if (server && server.exitCode === null) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000)
      server.once('exit', () => { clearTimeout(timer); resolve() })
      server.kill('SIGTERM')
    })
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('first setup while the server runs', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('the command line refuses to open the embedded database the server holds', () => {
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'create-admin', 'cli@example.org', '--name', 'CLI'], { cwd: repoRoot, env: env(), encoding: 'utf8' })
    expect(cli.status).toBe(1)
    expect(cli.stderr).toContain('DATA_DIR_IN_USE')
    expect(cli.stderr).toContain('setup link')
  })

  it('creates the first platform administrator and city with the printed link, then signs in', async () => {
    const { page } = browser
    expect(setupLink.startsWith(origin)).toBe(true)
    await page.goto(setupLink)
    await page.locator('#setup-email').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.locator('#setup-email').fill('betrieb@example.org')
    await page.locator('#setup-displayName').fill('Betrieb')
    await page.locator('#setup-cityName').fill('Jena')
    await page.locator('#setup-citySlug').fill('jena')
    await page.locator('#new-password').fill('die erste lange Passphrase')
    await page.locator('#confirm-password').fill('die erste lange Passphrase')
    await page.locator('main form button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/jena/verwaltung')
    await page.locator('.account-bar').waitFor()
    expect(await page.locator('.account-bar').textContent()).toContain('Betrieb')
    expect(browser.problems).toEqual([])
  })

  it('says clearly that a used link works no more', async () => {
    const { page } = browser
    await page.goto(setupLink)
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toMatch(/Einrichtungslink .* schon benutzt/)
    expect(await axeViolations(page)).toEqual([])
  })
})
