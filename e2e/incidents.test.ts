import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, openBrowser, openDisclosures, setLanguage, visit } from './browser'

// Incident counts of the anti-discrimination office: the admin enters a period through the API, the
// public dashboard shows the counts by kind with small counts suppressed; axe in both languages.
const admin = { email: 'admin@jena.example', password: 'jena-demo-admin-2022' }
const dashboard = '/jena/plans/1/dashboard'

describe('the public sees incident counts, small ones suppressed', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('enters a period as the admin through the API', async () => {
    const { request } = browser.context
    // Signing in needs no anti-forgery token (there is no session yet); every later write does.
    const signedIn = await request.post('/api/session', { data: admin })
    expect(signedIn.status()).toBeLessThan(300)
    const { csrfToken } = await (await request.get('/api/session')).json() as { csrfToken: string }
    const put = await request.put('/api/cities/jena/incidents', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        periodStart: '2024-01-01',
        periodEnd: '2024-06-30',
        counts: [
          { kind: 'racism', area: 'work', channel: 'in_person', count: 12 },
          { kind: 'racism', area: 'housing', channel: 'email', count: 9 },
          { kind: 'gender', area: 'work', channel: 'phone', count: 8 },
          { kind: 'gender', area: 'education', channel: 'in_person', count: 7 },
          { kind: 'age', area: 'health', channel: 'phone', count: 3 },
        ],
      },
    })
    expect(put.status(), await put.text()).toBe(200)
    await request.delete('/api/session', { headers: { 'x-csrf-token': csrfToken } })
  })

  it('withholds the small count on the public dashboard and never shows the 3', async () => {
    const { page } = browser
    await visit(page, dashboard)
    const section = page.locator('section[aria-labelledby="incidents-heading"]')
    await section.waitFor()
    expect(await section.locator('caption').textContent()).toContain('Gemeldete Vorfälle nach Art der Diskriminierung')
    const ageRow = section.locator('tbody tr', { hasText: 'Lebensalter' })
    expect((await ageRow.locator('td').textContent())?.trim()).toBe('–')
    expect(await section.locator('tbody tr', { hasText: 'Rassismus' }).locator('td').textContent()).toContain('21')
    const cells = await section.locator('td').allTextContents()
    expect(cells.map((c) => c.trim())).not.toContain('3')
    expect(await section.textContent()).toContain('Werte unter 5 werden nicht veröffentlicht')
  })

  for (const locale of ['de', 'en'] as const) {
    it(`reports no axe violations on the dashboard with incidents in ${locale}`, async () => {
      const { page } = browser
      await setLanguage(page, locale)
      await visit(page, dashboard)
      await page.locator('section[aria-labelledby="incidents-heading"]').waitFor()
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
      await openDisclosures(page)
      expect(await axeViolations(page)).toEqual([])
      if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/incidents-${locale}.png`, fullPage: true })
    })
  }

  it('saw no script errors and no CSP violations', () => {
    expect(browser.problems).toEqual([])
  })
})
