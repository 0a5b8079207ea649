import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, baseUrl, type Browser, demoAccounts, noAxeViolations, openBrowser, setLanguage, signIn, signOut, visit } from './browser'

// The city's look, the embeddable widget and Leichte Sprache (issue 17) in the browser, on a desktop and a
// 360 px phone. The demo city's branding starts empty and is emptied again at the end (other files share it).

/** A tiny website of "the city" on its own port: a page that frames the plan's widget. */
async function hostPage (): Promise<{ server: Server, origin: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><html lang="de"><head><title>Stadt</title></head><body><h1>Unsere Stadt</h1>
<iframe src="${baseUrl}/embed/jena/plans/1" title="Fortschritt des Aktionsplans" width="400" height="330"></iframe></body></html>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const widgetFrame = (page: Page) => page.frames().find((frame) => frame.url().includes('/embed/jena/plans/1'))

async function fillBranding (page: Page, values: { accent: string, email: string, enforcement: string, origins: string }) {
  await page.locator('#branding-accentColour').fill(values.accent)
  await page.locator('#branding-feedbackEmail').fill(values.email)
  await page.locator('#branding-enforcementName').fill(values.enforcement)
  await page.locator('#branding-embedOrigins').fill(values.origins)
  await page.locator('form.admin-form button[type="submit"]').first().click()
}

for (const device of [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 360, height: 740 }]) {
  describe(`branding, widget and Leichte Sprache on a ${device.name}`, () => {
    let browser: Browser
    let allowed: { server: Server, origin: string }
    let other: { server: Server, origin: string }
    beforeAll(async () => {
      browser = await openBrowser({ width: device.width, height: device.height })
      allowed = await hostPage()
      other = await hostPage()
    })
    afterAll(async () => {
      // Restore the demo city's empty branding, whatever happened above.
      const { page } = browser
      await setLanguage(page, 'de')
      await visit(page, '/jena/verwaltung/erscheinungsbild').catch(() => {})
      if (await page.locator('#branding-accentColour').count()) {
        await fillBranding(page, { accent: '', email: '', enforcement: '', origins: '' })
        await page.getByText('Das Erscheinungsbild ist gespeichert.').waitFor()
      }
      await browser?.close()
      allowed?.server.close()
      other?.server.close()
    })

    it('refuses a light accent colour with its ratios, then shows the city\'s colour and contacts on the public pages', { timeout: 180_000 }, async () => {
      const { page } = browser
      await signIn(page, demoAccounts.admin, '/jena/verwaltung/erscheinungsbild')
      await noAxeViolations(page, '/jena/verwaltung/erscheinungsbild')
      await visit(page, '/jena/verwaltung/erscheinungsbild')
      await page.locator('#branding-accentColour').fill('#e2001a')
      const stripe = page.locator('.contrast-table tbody tr').nth(2)
      expect(await stripe.textContent()).toContain('zu gering (mindestens 4,5:1)')
      expect(await axeViolations(page)).toEqual([])
      await page.locator('form.admin-form button[type="submit"]').first().click()
      await page.locator('.form-errors').waitFor()
      expect(await page.locator('.form-errors').textContent()).toContain('Die Farbe ist zu hell')

      await fillBranding(page, { accent: '#0b5a3c', email: 'barrierefrei@jena.example', enforcement: 'Schlichtungsstelle BGG', origins: allowed.origin })
      await page.getByText('Das Erscheinungsbild ist gespeichert.').waitFor()
      expect(await page.locator('#snippet-1').inputValue()).toContain('/embed/jena/plans/1')

      await visit(page, '/jena/plans/1')
      // The branding arrives after the page's own reads.
      await expect.poll(() => page.evaluate(() => document.documentElement.style.getPropertyValue('--primary'))).toBe('#0b5a3c')
      await visit(page, '/jena/barrierefreiheit')
      await page.getByRole('link', { name: 'barrierefrei@jena.example' }).waitFor()
      expect(await page.locator('main').textContent()).toContain('Schlichtungsstelle BGG')
      expect(await page.locator('main').textContent()).not.toContain('In Thüringen ist das')
      await noAxeViolations(page, '/jena/barrierefreiheit')
    })

    it('the widget renders inside the allowed website and is refused by another', async () => {
      const { page } = browser
      await page.goto(allowed.origin)
      await page.waitForFunction(() => document.querySelector('iframe') !== null)
      await expect.poll(async () => widgetFrame(page)?.locator('h1').count(), { timeout: 10_000 }).toBe(1)
      expect(await widgetFrame(page)!.locator('h1').textContent()).toBeTruthy()
      expect(await widgetFrame(page)!.locator('.big').textContent()).toMatch(/% der Maßnahmen umgesetzt oder fortlaufend/)

      await page.goto(other.origin)
      await page.waitForTimeout(1500)
      const refused = widgetFrame(page)
      expect(refused ? await refused.locator('main h1').count() : 0).toBe(0)

      // The widget itself: no script, axe finds nothing, in German and English.
      for (const lang of ['de', 'en']) {
        await page.goto(`/embed/jena/plans/1${lang === 'en' ? '?lang=en' : ''}`)
        expect(await page.locator('script').count()).toBe(0)
        expect(await axeViolations(page)).toEqual([])
      }
    })

    it('a Leichte Sprache text is public only after the review marking; the page passes axe in both languages', { timeout: 180_000 }, async () => {
      const { page } = browser
      const text = `Jena hat einen Plan gegen Rassismus (${device.name}).\nDer Plan hat 10 Teile.`
      await visit(page, '/jena/verwaltung/plaene/1/leichte-sprache')
      await page.locator('#er-plan-body').fill(text)
      await page.locator('#er-plan-body').locator('xpath=ancestor::form').locator('button[type="submit"]').click()
      await page.getByText('Der Text ist gespeichert.').waitFor()

      await signOut(page)
      await visit(page, '/jena/plans/1/leichte-sprache')
      expect(await page.locator('main').textContent()).not.toContain(`Jena hat einen Plan gegen Rassismus (${device.name}).`)

      await signIn(page, demoAccounts.admin, '/jena/verwaltung/plaene/1/leichte-sprache')
      await page.locator('#er-plan-reviewer').fill('Prüfgruppe Lebenshilfe Jena')
      await page.locator('#er-plan-reviewer').locator('xpath=ancestor::form').locator('button[type="submit"]').click()
      await page.getByText('Der Text ist als geprüft markiert und jetzt öffentlich.').waitFor()
      await noAxeViolations(page, '/jena/verwaltung/plaene/1/leichte-sprache')
      await setLanguage(page, 'de')

      await visit(page, '/jena/plans/1')
      await page.locator('.site-nav').getByRole('link', { name: 'Leichte Sprache' }).click()
      await page.waitForURL('**/jena/plans/1/leichte-sprache')
      await page.getByText(`Jena hat einen Plan gegen Rassismus (${device.name}).`).waitFor()
      expect(await page.getByText('Der Plan hat 10 Teile.').count()).toBe(1)
      expect(await page.locator('main').textContent()).toContain('Prüfgruppe Lebenshilfe Jena')
      const fontSize = await page.locator('.easy-read p').first().evaluate((p) => Number.parseFloat(getComputedStyle(p).fontSize))
      expect(fontSize).toBeGreaterThanOrEqual(19)
      // The page's own content fits 360 px (the shared header is checked elsewhere).
      const overflow = await page.evaluate(() => [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => `${e.tagName}.${e.className}`).slice(0, 5))
      expect(overflow).toEqual([])
      await noAxeViolations(page, '/jena/plans/1/leichte-sprache')
      expect(browser.problems.filter((p) => !p.includes('Refused to frame') && !p.includes('frame-ancestors'))).toEqual([])
    })
  })
}
