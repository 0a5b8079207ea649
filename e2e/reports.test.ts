import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, demoAccounts, openBrowser, openDisclosures, setLanguage, signIn, visit } from './browser'

// Reports of the steering group: the admin opens a reporting cycle, writes a narrative and exports the
// ECCAR report as PDF; a published indicator appears on the public dashboard; axe on these pages in both
// languages. Approval is refused while commitments lack a report or a reason, and says which; once
// submitted, the public reads the report from the plan page.
/** A write through the API in the browser's session (cookie and anti-forgery token). */
async function apiSend (page: Page, method: 'POST' | 'PUT', path: string, body: unknown, ifMatch?: number) {
  return page.evaluate(async ({ method, path, body, ifMatch }) => {
    const { csrfToken } = await (await fetch('/api/session')).json() as { csrfToken: string }
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-csrf-token': csrfToken }
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`
    const res = await fetch(`/api${path}`, { method, headers, body: JSON.stringify(body) })
    return { status: res.status, body: await res.json() as { id: number } }
  }, { method, path, body, ifMatch })
}
const apiPost = (page: Page, path: string, body: unknown) => apiSend(page, 'POST', path, body)

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

    await page.locator('textarea[name="narrative-1-textDe"]').fill('Jena hat 2022 und 2023 eine Beratungsstelle gegen Diskriminierung aufgebaut.')
    await page.locator('textarea[name="narrative-1-textEn"]').fill('In 2022 and 2023 Jena set up a counselling service against discrimination.')
    await page.locator('#narrative-1 summary').first().click()
    await page.locator('textarea[name="narrative-1-challengesEn"]').fill('Finding premises close to public transport.')
    await page.getByRole('button', { name: 'Verpflichtung 1 speichern' }).click()
    await expect.poll(() => page.locator('#narrative-1 .form-status').textContent(), { timeout: 15_000 }).toContain('Texte zu Verpflichtung 1 gespeichert.')
    expect(await page.locator('#narrative-1 h3').textContent()).toContain('vollständig')

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
        // The dashboard's indicators come from a request of their own and may arrive after the page settled.
        if (path.endsWith('/dashboard')) await page.locator('section[aria-labelledby="indicators-heading"] details.data-table').first().waitFor()
        await openDisclosures(page)
        expect(await axeViolations(page), path).toEqual([])
        // Set E2E_SCREENSHOTS to a folder to look at the pages.
        if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${locale}${path.replaceAll('/', '_')}.png`, fullPage: true })
      }
    }, 180_000)
  }

  it('refuses approval while commitments lack a report or a reason, and says which', async () => {
    const { page } = browser
    await setLanguage(page, 'de')
    await visit(page, cyclePath)
    const completeness = page.locator('section.completeness')
    expect(await completeness.textContent()).toContain('Noch ohne Bericht und ohne Begründung: 9 Verpflichtungen')
    await page.getByRole('button', { name: 'Zur Prüfung vorlegen' }).click()
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Stand: in Prüfung')
    expect(await page.locator('main').textContent()).toContain('Noch nicht möglich: 9 Verpflichtungen haben weder Bericht noch Begründung.')

    await page.getByRole('button', { name: 'Als Lenkungsgruppe freigeben' }).click()
    const alert = page.locator('[role="alert"]').filter({ hasText: 'kann noch nicht freigegeben werden' })
    await alert.waitFor()
    expect(await alert.getByRole('link').allTextContents()).toEqual(Array.from({ length: 9 }, (_, i) => `Verpflichtung ${i + 2}`))
    expect(await page.locator('main').textContent()).toContain('Stand: in Prüfung')

    // By keyboard: the link leads into commitment 2's texts.
    await alert.getByRole('link', { name: 'Verpflichtung 2' }).focus()
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('narrative-2-textDe')

    // Comply or explain: a public reason for commitment 2 in the page, the others through the API.
    await page.locator('#narrative-2 summary').nth(1).click()
    await page.locator('textarea[name="narrative-2-noNarrativeReasonEn"]').fill('No measure under this commitment was due in 2022–2023.')
    await page.getByRole('button', { name: 'Verpflichtung 2 speichern' }).click()
    await expect.poll(() => completeness.textContent(), { timeout: 15_000 }).toContain('8 Verpflichtungen')
    const cycleId = Number(cyclePath.split('/').pop())
    for (let n = 3; n <= 10; n++) {
      const saved = await apiSend(page, 'PUT', `/reporting-cycles/${cycleId}/narratives/${n}`, { noNarrativeReasonDe: 'Im Berichtszeitraum war hier nichts fällig.' }, 1)
      expect(saved.status).toBe(200)
    }
    await visit(page, cyclePath)
    expect(await completeness.textContent()).toContain('Vollständig')
    await page.getByRole('button', { name: 'Als Lenkungsgruppe freigeben' }).click()
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Stand: von der Lenkungsgruppe freigegeben')
    await page.getByLabel('Ich weiß, dass der Bericht danach eingefroren ist.').check()
    await page.getByRole('button', { name: 'Einreichen' }).click()
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Stand: eingereicht')
  }, 120_000)

  it('lets the public read the submitted report from the plan page', async () => {
    const { page, context } = browser
    await context.clearCookies()
    for (const locale of ['en', 'de'] as const) {
      await setLanguage(page, locale)
      await visit(page, '/jena/plans/1')
      const reports = page.locator('section[aria-labelledby="reports-heading"]')
      await reports.waitFor()
      expect(await reports.locator('h3').first().textContent()).toContain(locale === 'en' ? 'Implementation report 2022–2023' : 'Umsetzungsbericht 2022–2023')
      expect(await axeViolations(page), `plan page with reports (${locale})`).toEqual([])
    }
    await page.locator('section[aria-labelledby="reports-heading"]').getByRole('link', { name: 'ECCAR-Bericht lesen (englisch)' }).click()
    await page.waitForURL(/\/api\/plans\/1\/reports\/\d+\?lang=en$/)
    const report = await page.locator('body').textContent()
    expect(report).toContain('In 2022 and 2023 Jena set up a counselling service against discrimination.')
    expect(report).toContain('No measure under this commitment was due in 2022–2023.')
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^en\b/)
  }, 120_000)

  it('saw no script errors and no CSP violations', () => {
    // The refused approval is a 409 the browser logs; it is expected.
    expect(browser.problems.filter((p) => !p.includes('status of 409'))).toEqual([])
  })
})
