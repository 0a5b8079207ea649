import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, openBrowser, visit } from './browser'

const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null
  if (!el) return ''
  const name = el.getAttribute('name') ?? el.getAttribute('aria-label') ?? el.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}:${name}`
})

describe('keyboard use', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('reaches the skip link first, and it moves focus to the main content', async () => {
    const { page } = browser
    await visit(page, '/jena/plans/1')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('a:Zum Inhalt springen')
    expect(await page.locator('.skip-link').evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true)
    await page.keyboard.press('Enter')
    expect(await focused(page)).toMatch(/^main#main/)
    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true)
  })

  it('reaches the language switch and every filter with Tab, with a visible focus', async () => {
    const { page } = browser
    await visit(page, '/jena/plans/1/commitments/1')
    const reached: string[] = []
    let languageOutline = ''
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      const now = await focused(page)
      reached.push(now)
      if (now.startsWith('button:Switch language')) {
        languageOutline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
      }
      if (now === 'button:Filter anwenden') break
    }
    // The switch names the other language in that language: "English", labelled "Switch language: English".
    expect(reached).toContain('button:Switch language: English')
    for (const name of ['q', 'status', 'type', 'organisation']) expect(reached.some((r) => r.endsWith(`:${name}`)), name).toBe(true)
    expect(reached).toContain('button:Filter anwenden')
    expect(languageOutline).not.toBe('none')
  })

  it('applies filters from the keyboard and announces the result count', async () => {
    const { page } = browser
    await visit(page, '/jena/plans/1/commitments/1')
    await page.getByLabel('Suche').focus()
    await page.keyboard.type('Kampagne')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toContain('q=Kampagne')
    const count = page.locator('.result-count')
    expect(await count.getAttribute('role')).toBe('status')
    await expect.poll(() => count.textContent()).toMatch(/Maßnahmen? pass/)
  })

  it('moves focus to the new page\'s main content after following a link', async () => {
    const { page } = browser
    await visit(page, '/jena/plans/1')
    await page.getByRole('link', { name: /Verpflichtung 2/ }).first().focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toMatch(/^main#main/)
    // …and the new page's title is read out through the polite live region.
    await expect.poll(() => page.locator('body > #app > .visually-hidden[role="status"]').textContent()).toContain('Verpflichtung 2:')
  })

  it('opens the data tables of the dashboard from the keyboard', async () => {
    const { page } = browser
    await visit(page, '/jena/plans/1/dashboard')
    const summary = page.locator('summary').first()
    await summary.focus()
    await page.keyboard.press('Enter')
    expect(await page.locator('details').first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    // The scrollable table region is focusable, so keyboard users can scroll it on narrow screens.
    expect(await page.locator('.table-scroll').first().getAttribute('tabindex')).toBe('0')
  })
})
