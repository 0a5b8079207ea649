import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, type Browser, openBrowser, setLanguage, visit } from './browser'

// Words that are the same in German and English UI text.
const sameInBoth = new Set(['Dashboard', 'Status'])

async function labels (page: Page) {
  return page.locator('nav a, main h1, main h2, main h3, button, summary, label, legend, th[scope="col"], dt').evaluateAll(
    (els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()))
}

describe('language switch', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  for (const path of ['/jena/plans/1', '/jena/plans/1/commitments/3', '/jena/plans/1/dashboard', '/jena/plans/1/measures/1']) {
    it(`switches every visible label on ${path}`, async () => {
      const { page } = browser
      await page.context().clearCookies({ name: 'eccar-locale' })
      await visit(page, path)
      await page.locator('canvas').first().waitFor({ state: 'attached', timeout: path.endsWith('dashboard') ? 10_000 : 1 }).catch(() => {})
      const before = await labels(page)
      await page.getByRole('button', { name: 'Switch language: English' }).click()
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
      const after = await labels(page)
      expect(after.length).toBeGreaterThan(10)
      // No label may survive the switch, apart from words both languages share and bare numbers.
      const unchanged = before.filter((text) => after.includes(text) && text !== '' && !sameInBoth.has(text) && !/^[\d.\s%]+$/.test(text))
      expect(unchanged).toEqual([])
      // Back to German for the next page.
      await page.getByRole('button', { name: 'Sprache wechseln: Deutsch' }).click()
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de')
    })
  }

  it('remembers English across a reload and formats dates the English way', async () => {
    const { page } = browser
    await visit(page, '/jena/plans/1')
    await page.getByRole('button', { name: 'Switch language: English' }).click()
    // The switch first fetches the English texts of the page's bundles, then remembers the choice: a
    // reload before that is a reload in German.
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.cookie.includes('eccar-locale=en'))
    await page.reload()
    await page.locator('main h1').waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.locator('main').textContent()).toContain('20/0372-BV of 16 July 2020')
    expect(await page.title()).toContain('10-Point Action Plan of the City of Jena')
  })

  it('marks German shown in the English view where no translation exists', async () => {
    const { page } = browser
    const { items } = await (await fetch(`${baseUrl}/api/cities/jena/organisations`)).json() as { items: { id: number, name: string, nameEn: string | null }[] }
    const untranslated = items.find((o) => o.nameEn === null)
    expect(untranslated).toBeDefined()
    await setLanguage(page, 'en')
    await visit(page, `/jena/organisations/${untranslated!.id}`)
    expect(await page.locator('main h1 [lang="de"]').textContent()).toBe(untranslated!.name)
    expect(await page.locator('main h1 .language-tag').textContent()).toBe('German')
    expect(browser.problems).toEqual([])
  })
})
