import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, openBrowser } from './browser'
import { repoRoot, startEmptyServer } from './server-process'

// The first administrator, created in the browser while the server runs: a server of its own with an
// empty embedded database (no demo data, so nobody can administer) prints the one-time setup link.
let server: Awaited<ReturnType<typeof startEmptyServer>>
let origin = ''
let setupLink = ''

beforeAll(async () => {
  server = await startEmptyServer('eccar-e2e-setup-')
  origin = server.origin
  setupLink = server.setupLink
}, 480_000)

afterAll(async () => { await server?.stop() })

describe('first setup while the server runs', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('the command line refuses to open the embedded database the server holds', () => {
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'create-admin', 'cli@example.org', '--name', 'CLI'], { cwd: repoRoot, env: server.env, encoding: 'utf8' })
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
