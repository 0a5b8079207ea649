import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, openBrowser, visit } from './browser'

// Loading, error and not-found states: visible as text and exposed to screen readers.
describe('page states', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('shows the not-found page for an unknown address and an unknown measure', async () => {
    const { page } = browser
    await visit(page, '/this/does/not/exist')
    expect(await page.locator('main h1').textContent()).toBe('Seite nicht gefunden')
    expect(await page.title()).toBe('Seite nicht gefunden – ECCAR-Aktionsplan')
    await visit(page, '/jena/plans/1/measures/99999')
    expect(await page.locator('main h1').textContent()).toBe('Seite nicht gefunden')
    // A real measure under another city's address is not that measure.
    await visit(page, '/erfurt/plans/1/measures/1')
    expect(await page.locator('main h1').textContent()).toBe('Seite nicht gefunden')
  })

  it('announces loading politely and a failed load as an alert with a working retry', async () => {
    const { page } = browser
    let fail = true
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => { release = resolve })
    await page.route('**/api/organisations/5', async (route) => {
      await held
      if (fail) await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ statusCode: 500, code: 'INTERNAL_ERROR', error: 'Internal Server Error', message: 'Internal error', requestId: 'req-e2e' }) })
      else await route.continue()
    })
    await page.goto('/jena/organisations/5')
    await expect.poll(() => page.locator('.load-state').textContent()).toContain('Wird geladen')
    await expect.poll(() => page.locator('[role="status"][aria-live="polite"]').first().textContent()).toContain('Wird geladen')
    release()
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('Auf dem Server ist ein Fehler aufgetreten')
    expect(await alert.textContent()).toContain('req-e2e')
    fail = false
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click()
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Antidiskriminierungsstelle der Stadt Jena')
    await page.unroute('**/api/organisations/5')
  })

  it('says so when the server cannot be reached', async () => {
    const { page } = browser
    // The start page asks for its page of the list (`/api/cities?limit=…`).
    const cityList = /\/api\/cities(\?|$)/
    await page.route(cityList, (route) => route.abort('internetdisconnected'))
    await page.goto('/')
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('keine Verbindung zum Server')
    await page.unroute(cityList)
  })
})
