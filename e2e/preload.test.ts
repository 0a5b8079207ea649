import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, demoAccounts, openBrowser, signIn } from './browser'

// The server names each public page's first API reads in index.html (server/src/web/page-reads.ts).
// They are only worth it if the app's own fetch() takes the preloaded answer: then each address is
// requested exactly once. A read the app no longer makes, or makes differently, shows up here.
const pages = [
  '/', '/jena/plans/1', '/jena/plans/1/commitments/1', '/jena/plans/1/commitments/2?status=ongoing',
  '/jena/plans/1/measures/1', '/jena/plans/1/dashboard', '/jena/organisations/1', '/jena/daten',
]

async function readsOf (page: Page, path: string) {
  const requested: string[] = []
  const record = (request: { url: () => string }) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/')) requested.push(url.pathname + url.search)
  }
  page.on('request', record)
  const response = await page.goto(path)
  const shell = (await response?.text()) ?? ''
  await page.locator('main h1').first().waitFor()
  await page.locator('.load-state').waitFor({ state: 'detached' })
  await page.waitForLoadState('networkidle')
  page.off('request', record)
  const preloaded = [...shell.matchAll(/<link rel="preload" as="fetch"[^>]* href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'))
  return { requested, preloaded }
}

describe('preloaded reads', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it.each(pages)('%s: every preloaded read is used, and nothing is fetched twice', async (path) => {
    const { requested, preloaded } = await readsOf(browser.page, path)
    expect(preloaded.length).toBeGreaterThan(0)
    for (const url of preloaded) expect(requested, url).toContain(url)
    const counts = new Map<string, number>()
    for (const url of requested) counts.set(url, (counts.get(url) ?? 0) + 1)
    expect([...counts].filter(([, n]) => n > 1)).toEqual([])
    expect(browser.problems).toEqual([])
  })
})

describe('preloaded reads when signed in', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('carry the session cookie, so the member sees their own session without a second request', async () => {
    const { page } = browser
    await signIn(page, demoAccounts.editor)

    const { requested } = await readsOf(page, '/jena/plans/1/measures/1')
    expect(requested.filter((url) => url === '/api/session')).toHaveLength(1)
    expect(requested.filter((url) => url === '/api/measures/1')).toHaveLength(1)
    await page.locator('#status-form-heading').waitFor()
    expect(browser.problems).toEqual([])
  })
})
