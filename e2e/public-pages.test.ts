import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, openBrowser, openDisclosures, pageScrollsSideways, setLanguage, visit } from './browser'

// The public pages on a 360 px phone and a desktop, in German and English (issue 17): the start page shows
// each plan's progress and how fresh it is, the trend chart and every table fit the screen without the page
// scrolling sideways, and axe finds nothing. Reads only: the demo data stays as it is for the other files.
const screens = [
  { name: 'a 360 px phone', width: 360, height: 740 },
  { name: 'a desktop', width: 1280, height: 900 },
]
const texts = {
  de: { asOf: /^Stand: \d{1,2}\. \p{L}+ \d{4}$/u, meter: 'Umgesetzt oder dauerhaft laufend', ended: 'Die Laufzeit dieses Plans endete am 31. Dezember 2023.', average: 'Durchschnittlicher Fortschritt' },
  en: { asOf: /^As of \d{1,2} \p{L}+ \d{4}$/u, meter: 'Completed or ongoing', ended: 'This plan\'s period ended on 31 December 2023.', average: 'Average progress' },
}

describe.each(screens)('public pages on $name', ({ width, height }) => {
  let browser: Browser
  beforeAll(async () => {
    browser = await openBrowser({ width, height })
    await browser.page.goto('/')
  })
  afterAll(async () => { await browser?.close() })

  describe.each(['de', 'en'] as const)('in %s', (locale) => {
    beforeAll(async () => { await setLanguage(browser.page, locale) })

    it('shows the current plan\'s progress, its "as of" date and the end of its period on the start page', async () => {
      const { page } = browser
      await visit(page, '/')
      const card = page.locator('.plan-card--current')
      await card.locator('.plan-headline').waitFor()
      const meter = card.locator('.meter__label')
      expect(await meter.innerText()).toMatch(new RegExp(`^${texts[locale].meter}: \\d+\\s?%$`))
      expect(Number(await card.locator('progress').getAttribute('value'))).toBeGreaterThan(0)
      expect((await card.locator('.plan-headline__as-of').innerText()).trim()).toMatch(texts[locale].asOf)
      expect(await card.locator('.plan-headline__ended').innerText()).toContain(texts[locale].ended)
      // The distribution by status: its bar and its table, with the 49 measures of the demo plan.
      expect(await card.locator('.status-distribution__segment').count()).toBeGreaterThan(1)
      const counts = await card.locator('.status-distribution tbody td:nth-of-type(1)').allInnerTexts()
      expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(49)
      // One percentage only: the headline figure, never the average progress beside it.
      expect(await card.innerText()).not.toContain(texts[locale].average)
      expect(await pageScrollsSideways(page)).toBe(false)
      expect(await axeViolations(page)).toEqual([])
    })

    it('shows the same headline and the commitments with their icons on the plan page', async () => {
      const { page } = browser
      await visit(page, '/jena/plans/1')
      expect((await page.locator('.summary-panel .plan-headline__as-of').innerText()).trim()).toMatch(texts[locale].asOf)
      expect(await page.locator('.commitment-card svg[aria-hidden="true"][data-icon]').count()).toBe(10)
      expect(await page.locator('main').innerText()).not.toContain(texts[locale].average)
      expect(new Set(await page.locator('.commitment-card svg').evaluateAll((svgs) => svgs.map((s) => getComputedStyle(s).color))).size).toBe(10)
      expect(await pageScrollsSideways(page)).toBe(false)
      expect(await axeViolations(page)).toEqual([])
    })

    it('draws the trend from the plan\'s start, fits the chart and every table on the screen', async () => {
      const { page } = browser
      await visit(page, '/jena/plans/1/dashboard')
      await openDisclosures(page)
      const trend = page.locator('section[aria-labelledby="trend-heading"]')
      await trend.locator('.chart-box').scrollIntoViewIfNeeded()
      const canvas = trend.locator('canvas')
      await canvas.waitFor()
      const box = (await canvas.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(width)
      // The first period is the quarter the plan starts in (Q1 2022), not an earlier one.
      const firstPeriod = await trend.locator('tbody tr:first-child th').innerText()
      expect(firstPeriod.trim()).toBe('Q1 2022')
      // Every table's box (or the scrolling region around it) ends inside the screen, caption included.
      const overflowing = await page.evaluate(() => [...document.querySelectorAll('main table')]
        .filter((table) => (table.closest('.table-scroll') ?? table).getBoundingClientRect().right > window.innerWidth)
        .map((table) => table.querySelector('caption')?.textContent?.trim() ?? 'a table without caption'))
      expect(overflowing).toEqual([])
      // A caption stays readable inside its region: no wider than the screen.
      const captionsTooWide = await page.evaluate(() => [...document.querySelectorAll('main caption')]
        .filter((c) => c.getBoundingClientRect().width > window.innerWidth).map((c) => c.textContent?.trim()))
      expect(captionsTooWide).toEqual([])
      // Row striping that can be seen (the issue measured 1.08:1, invisible), with the text on it still readable.
      const stripes = await page.evaluate(() => {
        const rgb = (colour: string) => (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number)
        const luminance = (colour: string) => {
          const [r, g, b] = rgb(colour).map((v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4 })
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
        }
        const ratio = (a: string, b: string) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x! + 0.05) / (y! + 0.05) }
        const page = getComputedStyle(document.body).backgroundColor
        return [...document.querySelectorAll('main tbody tr:nth-child(even)')].map((row) => {
          // A transparent row shows the page: no stripe at all.
          const own = getComputedStyle(row).backgroundColor
          const background = own === 'rgba(0, 0, 0, 0)' || own === 'transparent' ? page : own
          const cell = row.querySelector('td, th')
          return { background: ratio(background, page), text: cell ? ratio(getComputedStyle(cell).color, background) : 21 }
        })
      })
      expect(stripes.length).toBeGreaterThan(0)
      for (const stripe of stripes) {
        expect(stripe.background).toBeGreaterThanOrEqual(1.15)
        expect(stripe.text).toBeGreaterThanOrEqual(4.5)
      }
      // One percentage to read: the average progress is not shown beside the share completed or ongoing.
      expect(await page.locator('main').innerText()).not.toContain(texts[locale].average)
      expect(await pageScrollsSideways(page)).toBe(false)
      expect(await axeViolations(page)).toEqual([])
    })

    it('lets long measure titles hyphenate by their language instead of breaking mid-word', async () => {
      const { page } = browser
      await visit(page, '/jena/plans/1/commitments/3')
      const titles = await page.locator('.measure-card .card__title a').evaluateAll((links) => links.map((a) => ({
        hyphens: getComputedStyle(a).hyphens,
        lang: a.closest('[lang]')?.getAttribute('lang'),
      })))
      expect(titles.length).toBeGreaterThan(0)
      expect(new Set(titles.map((t) => t.hyphens))).toEqual(new Set(['auto']))
      expect(titles.every((t) => t.lang === 'de' || t.lang === 'en')).toBe(true)
      await visit(page, '/jena/plans/1/measures/1')
      expect(await page.locator('main h1').first().evaluate((h1) => [getComputedStyle(h1).hyphens, h1.closest('[lang]')?.getAttribute('lang')]))
        .toEqual(['auto', locale])
      expect(await page.locator('main').innerText()).not.toContain(texts[locale].average)
    })

    it('keeps the commitment and measure pages within the screen, without axe findings', async () => {
      const { page } = browser
      for (const path of ['/jena/plans/1/commitments/3', '/jena/plans/1/measures/1']) {
        await visit(page, path)
        expect(await page.locator('main svg.commitment-icon').count(), path).toBeGreaterThan(0)
        expect(await pageScrollsSideways(page), path).toBe(false)
        expect(await axeViolations(page), path).toEqual([])
      }
    })
  })

  it('saw no script errors and no CSP violations', () => {
    expect(browser.problems).toEqual([])
  })
})
