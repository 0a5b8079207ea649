import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'

export const baseUrl = inject('baseUrl')

export interface Browser {
  context: BrowserContext
  page: Page
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[]
  close: () => Promise<void>
}

/** Debian's Chromium, headless, with a fresh profile per test file. */
export async function openBrowser ({ width = 1280, height = 900 } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'eccar-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width, height },
    locale: 'de-DE',
    baseURL: baseUrl,
  })
  const problems: string[] = []
  // Injected by the browser itself, so it runs even under the page's strict CSP.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  const page = context.pages()[0] ?? await context.newPage()
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()) })
  page.on('pageerror', (e) => problems.push(e.message))
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/**
 * Waits until the page's content (its h1) is there, nothing is loading, and the parts a visit's first page
 * renders after its mount are in (`main` loses `aria-busy`, web/src/lib/render-in-turn.ts).
 */
async function settled (page: Page) {
  await page.locator('main h1').first().waitFor()
  await page.locator('.load-state').waitFor({ state: 'detached' })
  await page.locator('main[aria-busy="true"]').waitFor({ state: 'detached' })
}

/** Navigates and waits until the page is settled. */
export async function visit (page: Page, path: string) {
  await page.goto(path)
  await settled(page)
}

/** The demo plan's accounts (README: demo data only). */
export const demoAccounts = {
  editor: { email: 'editor@jena.example', password: 'jena-demo-editor-2022' },
  admin: { email: 'admin@jena.example', password: 'jena-demo-admin-2022' },
}

/** Signs in on the sign-in page, optionally sent on to `redirect`, and waits for the page that follows. */
export async function signIn (page: Page, account: { email: string, password: string }, redirect?: string) {
  await visit(page, redirect ? `/anmelden?redirect=${encodeURIComponent(redirect)}` : '/anmelden')
  await page.locator('#sign-in-email').fill(account.email)
  await page.locator('#sign-in-password').fill(account.password)
  await page.locator('main form button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname !== '/anmelden')
  await page.locator('.account-bar').waitFor()
  await settled(page)
}

/** Signs out with the account bar's button and waits for the fresh page load that sign-out makes. */
export async function signOut (page: Page) {
  // Sign-out reloads the page; waiting only for the bar to vanish races that reload.
  const reloaded = page.waitForEvent('load')
  await page.locator('.account-bar__sign-out').click()
  await reloaded
  await settled(page)
  await page.locator('.account-bar').waitFor({ state: 'detached' })
}

/**
 * Opens every disclosure (as printing does) and waits until the data tables in them are built. Opened on
 * every poll, not once: a part that renders after the page settled (the dashboard's indicators, from a
 * request of their own) brings disclosures that were not there at the first pass. On a timeout the
 * error names the disclosures still without a table.
 */
export async function openDisclosures (page: Page) {
  try {
    await page.waitForFunction(() => {
      document.querySelectorAll('details:not([open])').forEach((d) => { (d as HTMLDetailsElement).open = true })
      return [...document.querySelectorAll('details.data-table')].every((d) => d.querySelector('table'))
    })
  } catch (error) {
    const missing = await page.evaluate(() => [...document.querySelectorAll('details.data-table')]
      .filter((d) => !d.querySelector('table')).map((d) => `${(d as HTMLDetailsElement).open ? 'open' : 'closed'}: ${d.querySelector('summary')?.textContent?.trim()}`))
    throw new Error(`disclosures without a table on ${page.url()}: ${JSON.stringify(missing)}`, { cause: error })
  }
}

/** Remembers the language as the language switch does: the cookie the server writes into <html lang>. */
export async function setLanguage (page: Page, locale: 'de' | 'en') {
  await page.context().addCookies([{ name: 'eccar-locale', value: locale, url: baseUrl }])
}

/**
 * Whether the page itself scrolls sideways (`document.documentElement.scrollWidth` beyond the window): false
 * when everything fits, otherwise the last elements that stick out (outside a table's own scrolling region),
 * so that a failure names them.
 */
export const pageScrollsSideways = (page: Page) => page.evaluate(() => {
  if (document.documentElement.scrollWidth <= window.innerWidth) return false
  return [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth && !e.closest('.table-scroll'))
    .slice(-5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}px`)
})

/**
 * axe with the WCAG 2.1 A and AA rules; returns violations in a readable form. On a page without frames axe
 * runs in its legacy mode: its default mode gathers each check's results in a blank page that it opens for
 * the purpose, which was half of every check's time (plan page 1.7–2.3 s against 0.8–1.6 s); without a
 * frame both modes check the same nodes. Rules that pass keep one example node each, since only violations count.
 */
export async function axeViolations (page: Page) {
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(page.frames().length === 1)
    .analyze()
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }))
}

/** Visits the page in German and in English and expects axe to find nothing in either; leaves German set. */
export async function noAxeViolations (page: Page, path: string, ready: () => Promise<unknown> = async () => {}) {
  for (const locale of ['de', 'en'] as const) {
    await setLanguage(page, locale)
    await visit(page, path)
    await ready()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
    expect(await axeViolations(page), `${path} in ${locale}`).toEqual([])
  }
  await setLanguage(page, 'de')
}
