import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, demoAccounts, openBrowser, signIn } from './browser'

// The server names each public page's first API reads in index.html, from what the web build writes
// (web/src/router/public-pages.ts → web/dist/.vite/page-reads.json). They are only worth it if the app's
// own fetch() takes the preloaded answer: then each address is requested exactly once. A read the app
// no longer makes, or makes differently, shows up here. Every declared page is visited, at an address of
// the demo data, and the commitment page once more with a filter (which drops its list read).
const declared = JSON.parse(readFileSync(new URL('../web/dist/.vite/page-reads.json', import.meta.url), 'utf8')) as { path: string }[]
const demoValues: Record<string, string> = { city: 'jena', planId: '1', number: '1', id: '1', dataset: 'plan-1-measures' }
const addressOf = (page: { path: string }) => page.path.replace(/:(\w+)(\([^)]*\))?/g, (_, name: string) => demoValues[name]!)
const pages = [...declared.map(addressOf), '/jena/plans/1/commitments/2?status=ongoing']

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
