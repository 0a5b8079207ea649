import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, openBrowser, visit } from './browser'

// A visitor without an account follows the Jena plan from the start page down to one measure, then reads the dashboard.
describe('a visitor browsing the Jena plan', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('goes from the start page to the plan overview', async () => {
    const { page } = browser
    const response = await page.goto('/')
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    await page.getByRole('link', { name: '10-Punkte-Aktionsplan der Stadt Jena gegen Rassismus und Diskriminierung' }).click()
    await expect.poll(() => page.url()).toMatch(/\/jena\/plans\/1$/)
    await expect.poll(() => page.locator('main h1').textContent()).toContain('10-Punkte-Aktionsplan der Stadt Jena')
    const main = page.locator('main')
    expect(await main.textContent()).toContain('20/0372-BV vom 16. Juli 2020')
    expect(await main.textContent()).toContain('1. Januar 2022 bis 31. Dezember 2023')
    expect(await main.textContent()).toContain('4 von 49 Maßnahmen sind umgesetzt oder laufen dauerhaft')
    expect(await page.locator('.commitment-card').count()).toBe(10)
    expect(await page.locator('.commitment-card progress').count()).toBe(10)
  })

  it('opens a commitment, filters its measures, and the filter lives in the URL', async () => {
    const { page } = browser
    await page.getByRole('link', { name: /Verpflichtung 1\s*Verstärkte Wachsamkeit/ }).click()
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Verstärkte Wachsamkeit gegenüber Rassismus')
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('10 Maßnahmen')
    // 3.1 belongs to commitment 3 and is listed here as a secondary one.
    const secondary = page.locator('.measure-card', { hasText: '3.1' })
    expect(await secondary.locator('.secondary-note').textContent()).toContain('Schwerpunkt ist Verpflichtung 3')

    await page.getByLabel('Status').selectOption('ongoing')
    await page.getByRole('button', { name: 'Filter anwenden' }).click()
    await expect.poll(() => page.url()).toContain('status=ongoing')
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('1 Maßnahme passt zu den Filtern.')
    await page.reload()
    await expect.poll(() => page.locator('.result-count').textContent()).toContain('1 Maßnahme passt zu den Filtern.')
    expect(await page.getByLabel('Status').inputValue()).toBe('ongoing')
  })

  it('opens a measure with its bodies, timeframe, links and status timeline', async () => {
    const { page } = browser
    await page.getByRole('link', { name: /1\.1\s*Antidiskriminierungsstelle weiter betreiben/ }).click()
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Antidiskriminierungsstelle weiter betreiben')
    const main = (await page.locator('main').textContent()) ?? ''
    expect(main).toContain('verstetigt / fortlaufend')
    expect(main).toContain('Status geändert von „in Umsetzung“ zu „verstetigt / fortlaufend“')
    expect(main).toContain('1. Juli 2021')
    expect(main).toContain('Auf diese Maßnahme verweisen')
    expect(main).toContain('1.b')
    await page.getByRole('link', { name: 'Antidiskriminierungsstelle der Stadt Jena' }).first().click()
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Antidiskriminierungsstelle der Stadt Jena')
    expect(await page.locator('main').textContent()).toContain('städtische Stelle')
  })

  it('reads the dashboard: charts with summaries and tables', async () => {
    const { page } = browser
    await visit(page, '/jena/plans/1')
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Dashboard' }).click()
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Dashboard')
    const charts = page.locator('canvas[role="img"]')
    // Charts are drawn as they come near the screen: scrolling down to the trend draws the second one.
    await page.locator('#trend-summary').scrollIntoViewIfNeeded()
    await expect.poll(() => charts.count()).toBe(2)
    expect(await charts.first().getAttribute('aria-label')).toContain('Balkendiagramm')
    expect(await page.locator('#distribution-summary').textContent()).toContain('4 von 49 Maßnahmen')
    expect(await page.locator('#trend-summary').textContent()).toMatch(/waren \d+ von 49 Maßnahmen .* waren es 4\./)

    await page.getByText('Daten als Tabelle anzeigen').first().click()
    const table = page.getByRole('table', { name: 'Maßnahmen je Verpflichtung und Status (Schwerpunkt-Verpflichtung)' })
    await table.waitFor()
    const firstRow = await table.locator('tbody tr').first().locator('th, td').allTextContents()
    expect(firstRow.map((c) => c.trim())).toEqual(['1. Verstärkte Wachsamkeit gegenüber Rassismus', '1', '1', '3', '5'])
    const totals = await table.locator('tfoot').locator('th, td').allTextContents()
    expect(totals.map((c) => c.trim())).toEqual(['Alle Verpflichtungen', '2', '2', '45', '49'])

    await page.getByText('Daten als Tabelle anzeigen').nth(1).click()
    // The trend starts with the plan (January 2022), not with changes recorded before it.
    const trend = page.getByRole('table', { name: 'Anteil der Maßnahmen je Status und Zeitraum seit Planbeginn' })
    await trend.waitFor()
    expect(await trend.locator('tbody tr').first().locator('th').textContent()).toContain('Q1 2022')
    await page.getByLabel('Monate').check()
    expect(await trend.locator('tbody tr').first().locator('th').textContent()).toMatch(/Jan\. 2022/)
  })

  it('saw no script errors and no CSP violations', () => {
    expect(browser.problems).toEqual([])
  })
})
