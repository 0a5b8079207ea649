import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, demoAccounts, openBrowser, openDisclosures, setLanguage, signIn, visit } from './browser'

// Reports of the steering group: the admin opens a reporting cycle, writes a narrative and exports the
// ECCAR report as PDF; a published indicator appears on the public dashboard; axe on these pages in both languages.
/** A write through the API in the browser's session (cookie and anti-forgery token). */
async function apiPost (page: Page, path: string, body: unknown) {
  return page.evaluate(async ({ path, body }) => {
    const { csrfToken } = await (await fetch('/api/session')).json() as { csrfToken: string }
    const res = await fetch(`/api${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body),
    })
    return { status: res.status, body: await res.json() as { id: number } }
  }, { path, body })
}

describe('an admin reports to ECCAR', () => {
  let browser: Browser
  let cyclePath = ''
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('opens a reporting cycle, writes a narrative and downloads the ECCAR report as PDF', async () => {
    const { page } = browser
    await signIn(page, demoAccounts.admin, '/jena/berichte')
    expect(await page.locator('main h1').textContent()).toBe('Berichte Jena')
    await page.getByRole('button', { name: 'Neuen Berichtszyklus anlegen' }).click()
    await page.waitForURL(/\/jena\/berichte\/\d+$/)
    await page.locator('.load-state').waitFor({ state: 'detached' })
    cyclePath = new URL(page.url()).pathname
    expect(await page.locator('main h1').textContent()).toBe('Umsetzungsbericht 2022–2023')
    expect(await page.locator('main').textContent()).toContain('Stand: offen')

    await page.locator('textarea[name="narrative-1-de"]').fill('Jena hat 2022 und 2023 eine Beratungsstelle gegen Diskriminierung aufgebaut.')
    await page.locator('textarea[name="narrative-1-en"]').fill('In 2022 and 2023 Jena set up a counselling service against discrimination.')
    await page.getByRole('button', { name: 'Speichern (Verpflichtung 1)' }).click()
    await expect.poll(() => page.locator('main').textContent()).toContain('Text zu Verpflichtung 1 gespeichert.')

    // ECCAR, English and PDF are the defaults.
    expect(await page.getByRole('radio', { name: 'ECCAR-Bericht' }).isChecked()).toBe(true)
    expect(await page.getByRole('radio', { name: 'Englisch' }).isChecked()).toBe(true)
    expect(await page.getByRole('radio', { name: 'PDF' }).isChecked()).toBe(true)
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Herunterladen' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.pdf$/)
    await expect.poll(() => page.locator('.report-export .report-status--success').textContent(), { timeout: 30_000 }).toContain('ist heruntergeladen')
    expect(browser.problems).toEqual([])
  })

  it('shows a published indicator on the public dashboard', async () => {
    const { page } = browser
    const created = await apiPost(page, '/plans/1/indicators', {
      nameDe: 'Beratungsfälle der Antidiskriminierungsstelle', nameEn: 'Counselling cases of the anti-discrimination office',
      unit: 'Anzahl', direction: 'increase', baselineValue: 40, baselineDate: '2021-12-31', targetValue: 100, targetDate: '2025-12-31', isPublic: true,
    })
    expect(created.status).toBe(201)
    const value = await apiPost(page, `/indicators/${created.body.id}/values`, { periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 70 })
    expect(value.status).toBe(201)
    await visit(page, '/jena/plans/1/dashboard')
    const section = page.locator('section[aria-labelledby="indicators-heading"]')
    await section.waitFor()
    const content = await section.textContent()
    expect(content).toContain('Beratungsfälle der Antidiskriminierungsstelle')
    expect(content).toContain('Weg zum Ziel: 50')
  })

  for (const locale of ['de', 'en'] as const) {
    it(`reports no axe violations on the reports pages and the dashboard with indicators in ${locale}`, async () => {
      const { page } = browser
      await setLanguage(page, locale)
      for (const path of ['/jena/berichte', cyclePath, '/jena/plans/1/dashboard']) {
        await visit(page, path)
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
        await openDisclosures(page)
        expect(await axeViolations(page), path).toEqual([])
        // Set E2E_SCREENSHOTS to a folder to look at the pages.
        if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${locale}${path.replaceAll('/', '_')}.png`, fullPage: true })
      }
    })
  }

  it('saw no script errors and no CSP violations', () => {
    expect(browser.problems).toEqual([])
  })
})
