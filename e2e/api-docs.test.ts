import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, openBrowser } from './browser'

// The compiled server bundles Swagger UI and names the folder of its files at run time
// (scripts/build-server.mjs): the page, its script, its styles, its logo and the description it reads
// must all come from there for the operations to show.
describe('the API documentation', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('shows the operations of the API, with the logo, and nothing fails to load', async () => {
    const failed: string[] = []
    const loaded: string[] = []
    browser.page.on('response', (response) => {
      const path = new URL(response.url()).pathname
      if (response.status() >= 400) failed.push(`${response.status()} ${path}`)
      else loaded.push(path)
    })

    await browser.page.goto('/api/docs/')
    await browser.page.locator('.opblock').first().waitFor()

    expect(loaded).toEqual(expect.arrayContaining(['/api/docs/static/swagger-ui-bundle.js', '/api/docs/static/index.css', '/api/docs/json']))
    expect(await browser.page.locator('.opblock-summary-path').first().textContent()).toMatch(/^\/api\//)
    expect(await browser.page.locator('.topbar img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true)
    expect(failed).toEqual([])
  })
})
