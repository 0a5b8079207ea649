import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, demoAccounts, openBrowser, signIn, visit } from './browser'

// Indicator values from a tidy CSV in the browser (issue 15): a file with one bad row shows the preview with
// that row's error and offers nothing to apply; the corrected file is imported and its values are stored.
// The test works on an unpublished indicator of its own and deletes it at the end, so the demo's indicators
// and the public dashboard that other browser tests count stay as they were.

const scratch = mkdtempSync(join(tmpdir(), 'eccar-indicator-import-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

interface IndicatorAnswer { id: number, version: number, values: { periodStart: string, periodEnd: string, category: string | null, value: number }[] }

/** A call to the API in the browser's session (cookie and anti-forgery token). */
async function api (page: Page, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, ifMatch?: number) {
  return page.evaluate(async ({ method, path, body, ifMatch }) => {
    const { csrfToken } = await (await fetch('/api/session')).json() as { csrfToken: string }
    const headers: Record<string, string> = { 'x-csrf-token': csrfToken }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`
    const res = await fetch(`/api${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
    return { status: res.status, body: res.status === 204 ? null : await res.json() as IndicatorAnswer }
  }, { method, path, body, ifMatch })
}

describe('indicator values from a tidy CSV', () => {
  let browser: Browser
  let indicatorId: number | null = null
  beforeAll(async () => {
    browser = await openBrowser()
    await signIn(browser.page, demoAccounts.admin)
    const created = await api(browser.page, 'POST', '/plans/1/indicators', {
      nameDe: 'Testindikator Tabellenimport', nameEn: 'Test indicator spreadsheet import', unit: 'Anzahl', direction: 'increase', isPublic: false,
    })
    expect(created.status).toBe(201)
    indicatorId = created.body!.id
  })
  afterAll(async () => {
    if (indicatorId !== null && browser) {
      const current = await api(browser.page, 'GET', `/indicators/${indicatorId}`)
      const removed = await api(browser.page, 'DELETE', `/indicators/${indicatorId}`, undefined, current.body!.version)
      expect(removed.status).toBe(204)
    }
    await browser?.close()
  })

  it('shows the bad row in the preview, then imports the corrected file and stores its values', async () => {
    const { page } = browser
    const id = indicatorId!
    await visit(page, '/jena/verwaltung/plaene/1/indikatoren/einlesen')
    expect(await page.locator('main h1').textContent()).toContain('Indikatorwerte importieren')
    const item = page.locator('section', { has: page.locator(`#indicator-${id}-heading`) })
    await item.getByRole('heading', { name: 'Testindikator Tabellenimport' }).waitFor()

    // A tidy file with a category column, as Excel saves "CSV UTF-8" (BOM, semicolons); row 4 has a month 13.
    const bad = join(scratch, 'values-bad.csv')
    writeFileSync(bad, '\uFEFFperiod;area;value\n2023;;120\n2023;Arbeit;45\n2024-13;;130\n')
    await page.locator(`#indicator-${id}-file`).setInputFiles(bad)
    await item.getByRole('button', { name: 'Datei prüfen' }).click()
    const summary = item.locator('.form-errors')
    await summary.waitFor()
    expect(await summary.textContent()).toContain('Zeile 4, Spalte „period“')
    expect(await item.locator(`#indicator-${id}-row-4`).textContent()).toContain('Kein gültiger Zeitraum.')
    expect(await item.locator(`#indicator-${id}-row-3`).textContent()).toContain('Arbeit')
    expect(await item.getByRole('button', { name: 'Alle übernehmen' }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])

    const good = join(scratch, 'values-good.csv')
    writeFileSync(good, '\uFEFFperiod;area;value\n2023;;120\n2023;Arbeit;45\n2024-Q1;;130,5\n')
    await page.locator(`#indicator-${id}-file`).setInputFiles(good)
    await item.getByRole('button', { name: 'Datei prüfen' }).click()
    await item.getByText('3 Änderungen können übernommen werden.').waitFor()
    const preview = await item.locator('tbody tr').allTextContents()
    expect(preview).toHaveLength(3)
    expect(preview[0]).toContain('Gesamt')
    expect(preview[2]).toContain('130,5')
    await item.getByRole('button', { name: 'Alle übernehmen' }).click()
    await item.locator('.import-panel__outcome', { hasText: '3 Werte übernommen.' }).waitFor()

    const stored = await api(page, 'GET', `/indicators/${id}`)
    expect(stored.body!.values.map(({ periodStart, periodEnd, category, value }) => [periodStart, periodEnd, category, value])).toEqual([
      ['2023-01-01', '2023-12-31', null, 120],
      ['2023-01-01', '2023-12-31', 'Arbeit', 45],
      ['2024-01-01', '2024-03-31', null, 130.5],
    ])
    expect(browser.problems).toEqual([])
  })
})
