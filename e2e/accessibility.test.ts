import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, openBrowser, openDisclosures, setLanguage, visit } from './browser'

const pages = {
  start: '/',
  'plan overview': '/jena/plans/1',
  commitment: '/jena/plans/1/commitments/3',
  measure: '/jena/plans/1/measures/1',
  organisation: '/jena/organisations/5',
  dashboard: '/jena/plans/1/dashboard',
  'accessibility statement': '/barrierefreiheit',
  'not found': '/jena/plans/1/nowhere',
}

// axe-core with the WCAG 2.1 A/AA rules on every page type, in both languages.
describe.each(['de', 'en'] as const)('axe (WCAG 2.1 AA) in %s', (locale) => {
  let browser: Browser
  beforeAll(async () => {
    browser = await openBrowser()
    await browser.page.goto('/')
    await setLanguage(browser.page, locale)
  })
  afterAll(async () => { await browser?.close() })

  for (const [name, path] of Object.entries(pages)) {
    it(`reports no violations on the ${name} page`, async () => {
      const { page } = browser
      await visit(page, path)
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
      // Check the disclosed content too (intro text, data tables).
      await openDisclosures(page)
      expect(await axeViolations(page)).toEqual([])
    })
  }

  it('saw no script errors and no CSP violations', () => {
    expect(browser.problems).toEqual([])
  })
})

describe('axe on a phone-sized screen', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser({ width: 390, height: 844 }) })
  afterAll(async () => { await browser?.close() })

  it('reports no violations on the commitment page and the dashboard', async () => {
    for (const path of [pages.commitment, pages.dashboard]) {
      await visit(browser.page, path)
      expect(await axeViolations(browser.page)).toEqual([])
    }
  })
})
