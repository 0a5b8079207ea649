import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, demoAccounts, openBrowser, openDisclosures, setLanguage, signIn, visit } from './browser'

// Spreadsheets and open data in the browser: the public downloads are real files with the right contents,
// the bulk status update goes from the template through Excel (exceljs here) back into the plan, and every
// new page passes axe in both languages, on a desktop and a phone.

const scratch = mkdtempSync(join(tmpdir(), 'eccar-sheets-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Clicks a download link and answers with the saved file's path and its suggested name. */
async function download (page: Page, linkText: string | RegExp) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkText }).first().click()])
  const path = join(scratch, `${Date.now()}-${file.suggestedFilename()}`)
  await file.saveAs(path)
  return { path, name: file.suggestedFilename() }
}

async function planMeasureCount (page: Page) {
  const res = await page.request.get('/api/plans/1/progress')
  return ((await res.json()) as { total: { measureCount: number } }).total.measureCount
}

/** The 1-based column of each header of a sheet's first row (lower case). */
function headerColumns (sheet: ExcelJS.Worksheet): Map<string, number> {
  const columns = new Map<string, number>()
  sheet.getRow(1).eachCell((cell, column) => columns.set(String(cell.value).trim().toLowerCase(), column))
  return columns
}

describe('public downloads', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('saves the status-per-commitment chart as CSV whose counts add up to the plan\'s measures, licence beside the link', async () => {
    const { page } = browser
    await visit(page, '/jena/plans/1/dashboard')
    const link = page.getByRole('link', { name: 'CSV herunterladen (Daten des Diagramms)' }).first()
    expect(await link.getAttribute('href')).toBe('/api/plans/1/datasets/status-by-commitment.csv')
    expect(await link.getAttribute('download')).not.toBeNull()
    await page.locator('.dataset-download a[rel="license"]').first().waitFor()
    expect(await page.locator('.dataset-download a[rel="license"]').first().textContent()).toBe('Datenlizenz Deutschland – Namensnennung – Version 2.0')

    const file = await download(page, 'CSV herunterladen (Daten des Diagramms)')
    const text = readFileSync(file.path, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xFEFF)
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual(['commitment', 'commitment_title_de', 'commitment_title_en', 'status', 'measures'])
    expect(rows.reduce((sum, r) => sum + Number(r.measures), 0)).toBe(await planMeasureCount(page))
    expect(browser.problems).toEqual([])
  })

  it('saves the plan\'s measures as an Excel workbook with a frozen header, one row per measure and an explanation', async () => {
    const { page } = browser
    await visit(page, '/jena/plans/1')
    const file = await download(page, 'Excel-Datei herunterladen (alle Maßnahmen des Plans)')
    expect(file.name).toMatch(/\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file.path)
    const [measures, about] = workbook.worksheets
    expect([...headerColumns(measures!).keys()]).toEqual([
      'code', 'title_de', 'title_en', 'commitments', 'type', 'lead_body', 'involved_bodies', 'start', 'end', 'status', 'progress', 'last_update',
    ])
    expect(measures!.views[0]?.state).toBe('frozen')
    expect(measures!.actualRowCount - 1).toBe(await planMeasureCount(page))
    expect(about).toBeDefined()
    expect(browser.problems).toEqual([])
  })
})

describe('bulk status update by spreadsheet', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await openBrowser()
    await signIn(browser.page, demoAccounts.editor)
  })
  afterAll(async () => { await browser?.close() })

  it('goes from the template through Excel back into the plan, refusing a bad row first', async () => {
    const { page } = browser
    await visit(page, '/jena/arbeitsbereich')
    await page.getByRole('link', { name: 'Status mehrerer Maßnahmen per Tabelle melden' }).click()
    await page.locator('main h1', { hasText: 'Status per Tabelle melden' }).waitFor()

    const template = await download(page, 'Vorlage herunterladen (Excel)')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(template.path)
    const sheet = workbook.worksheets[0]!
    const column = headerColumns(sheet)
    for (const name of ['code', 'version', 'status', 'progress', 'date', 'note']) expect(column.has(name), name).toBe(true)
    expect(sheet.actualRowCount).toBeGreaterThan(2)
    // Two planned measures that stay planned (with progress): the other browser tests count the demo's statuses.
    const planned: number[] = []
    for (let r = 2; r <= sheet.actualRowCount && planned.length < 2; r++) {
      if (String(sheet.getRow(r).getCell(column.get('current_status')!).value) === 'planned') planned.push(r)
    }
    const second = planned[1]!
    const codes = planned.map((r) => String(sheet.getRow(r).getCell(column.get('code')!).value))
    const today = new Date().toISOString().slice(0, 10)
    // As a person fills it in Excel: a status, a percentage, a date and a note on two rows…
    for (const r of planned) {
      const row = sheet.getRow(r)
      row.getCell(column.get('status')!).value = 'planned'
      row.getCell(column.get('progress')!).value = 60
      row.getCell(column.get('date')!).value = today
      row.getCell(column.get('note')!).value = 'Per Tabelle gemeldet'
    }
    // …and a slip on the second: a date that is none.
    sheet.getRow(second).getCell(column.get('date')!).value = '31.02.2026'
    const badFile = join(scratch, 'status-bad.xlsx')
    await workbook.xlsx.writeFile(badFile)

    await page.locator('#status-import-file').setInputFiles(badFile)
    await page.getByRole('button', { name: 'Datei prüfen' }).click()
    const summary = page.locator('.form-errors')
    await summary.waitFor()
    await page.waitForFunction(() => document.activeElement?.classList.contains('form-errors'))
    expect(await summary.textContent()).toContain(`Zeile ${second}, Spalte „date“`)
    await summary.getByRole('link').first().click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`status-import-row-${second}`)
    expect(await page.getByRole('button', { name: 'Alle übernehmen' }).count()).toBe(0)

    sheet.getRow(second).getCell(column.get('date')!).value = today
    const goodFile = join(scratch, 'status-good.xlsx')
    await workbook.xlsx.writeFile(goodFile)
    await page.locator('#status-import-file').setInputFiles(goodFile)
    await page.getByRole('button', { name: 'Datei prüfen' }).click()
    await page.getByText('2 Änderungen können übernommen werden.').waitFor()
    await page.getByRole('button', { name: 'Alle übernehmen' }).click()
    await page.locator('.import-panel__outcome', { hasText: '2 Meldungen übernommen.' }).waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('status-import-result-heading')

    const links = page.locator('.import-panel section a')
    expect(await links.allTextContents()).toEqual(codes)
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const id = href.split('/').pop()
      const measure = await (await page.request.get(`/api/measures/${id}`)).json() as { status: string, progress: number }
      expect([measure.status, measure.progress]).toEqual(['planned', 60])
    }
    expect(browser.problems).toEqual([])
  })
})

const publicPages = ['/jena/daten']
const memberPages = ['/jena/arbeitsbereich/plaene/1/tabelle', '/jena/verwaltung/plaene/1/indikatoren/einlesen', '/jena/verwaltung/offene-daten']

async function datasetPage (page: Page) {
  const list = await (await page.request.get('/api/cities/jena/datasets')).json() as { items: { id: string }[] }
  return `/jena/daten/${list.items[0]!.id}`
}

describe.each([
  { locale: 'de' as const, width: 1280, height: 900 },
  { locale: 'en' as const, width: 1280, height: 900 },
  { locale: 'de' as const, width: 390, height: 844 },
  { locale: 'en' as const, width: 390, height: 844 },
])('axe (WCAG 2.1 AA) on the new pages in $locale at $width px', ({ locale, width, height }) => {
  let browser: Browser
  beforeAll(async () => {
    browser = await openBrowser({ width, height })
    await browser.page.goto('/')
    await setLanguage(browser.page, locale)
  })
  afterAll(async () => { await browser?.close() })

  it('finds nothing on the open-data pages and the dashboard and plan page with their downloads', async () => {
    const { page } = browser
    for (const path of [...publicPages, await datasetPage(page), '/jena/plans/1', '/jena/plans/1/dashboard']) {
      await visit(page, path)
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
      await openDisclosures(page)
      expect(await axeViolations(page), path).toEqual([])
    }
  })

  it('finds nothing on the import and settings pages, also with a preview shown', async () => {
    const { page } = browser
    await signIn(page, demoAccounts.admin)
    for (const path of memberPages) {
      await visit(page, path)
      expect(await axeViolations(page), path).toEqual([])
    }
    // A preview with an error: the summary and the table.
    await visit(page, memberPages[0]!)
    const edited = join(scratch, `status-${locale}-${width}.xlsx`)
    const template = await download(page, locale === 'de' ? 'Vorlage herunterladen (Excel)' : 'Download template (Excel)')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(template.path)
    const sheet = workbook.worksheets[0]!
    sheet.getRow(2).getCell(headerColumns(sheet).get('status')!).value = 'no-such-status'
    await workbook.xlsx.writeFile(edited)
    await page.locator('#status-import-file').setInputFiles(edited)
    await page.locator('.import-form button[type="submit"]').click()
    await page.locator('.form-errors').waitFor()
    expect(await axeViolations(page)).toEqual([])
    expect(browser.problems).toEqual([])
  })
})
