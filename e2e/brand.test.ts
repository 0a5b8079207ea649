import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { crc32, deflateSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  axeViolations, baseUrl, type Browser, demoAccounts, noAxeViolations, openBrowser, pageScrollsSideways, setLanguage, signIn, signOut, visit,
} from './browser'

// The city's look, the embeddable widget and Leichte Sprache (issue 17) in the browser, on a desktop and a
// 360 px phone, in German and English. The demo city's branding starts empty and is emptied again at the end,
// and the Leichte Sprache text written here is deleted again (other files share the demo data).

/**
 * A tiny website of "the city" on its own port: whatever widget address it is asked for (`/embed/…`), it
 * answers with a page that frames that widget of the app.
 */
async function hostPage (): Promise<{ server: Server, origin: string }> {
  const server = createServer((request, response) => {
    const widget = request.url?.startsWith('/embed/') ? request.url : '/embed/jena/plans/1'
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><html lang="de"><head><title>Stadt</title></head><body><h1>Unsere Stadt</h1>
<iframe src="${baseUrl}${widget}" title="Fortschritt des Aktionsplans" width="340" height="330"></iframe></body></html>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const widgets = [
  { path: '/embed/jena/plans/1', settled: /% der Maßnahmen umgesetzt oder fortlaufend/ },
  { path: '/embed/jena/plans/1/commitments/3?lang=en', settled: /% of measures completed or ongoing/ },
]
/** The widget's frame inside the host page (whose own address ends the same way). */
const widgetFrame = (page: Page, path: string) => page.frames().find((frame) => frame !== page.mainFrame() && frame.url().endsWith(path))

/** A plain PNG of one colour, as wide as city logos tend to be (8-bit RGB, one IDAT chunk). */
function solidPng (width: number, height: number, rgb: [number, number, number]) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const framing = Buffer.alloc(8)
    framing.writeUInt32BE(data.length, 0)
    framing.writeUInt32BE(crc32(body), 4)
    return Buffer.concat([framing.subarray(0, 4), body, framing.subarray(4)])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bits per channel
  header[9] = 2 // truecolour
  const row = Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()])
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0)),
  ])
}
const logo = { name: 'jena-logo.png', mimeType: 'image/png', buffer: solidPng(400, 100, [11, 90, 60]) }

async function fillBranding (page: Page, values: { accent: string, email: string, enforcement: string, origins: string }) {
  await page.locator('#branding-accentColour').fill(values.accent)
  await page.locator('#branding-feedbackEmail').fill(values.email)
  await page.locator('#branding-enforcementName').fill(values.enforcement)
  await page.locator('#branding-embedOrigins').fill(values.origins)
  await page.locator('form.admin-form button[type="submit"]').first().click()
}

/** The admin's branding screen in German, signing in first if the test left the page signed out. */
async function openBrandingAsAdmin (page: Page) {
  await setLanguage(page, 'de')
  await visit(page, '/jena/verwaltung/erscheinungsbild')
  if (await page.locator('#branding-accentColour').count() === 0) await signIn(page, demoAccounts.admin, '/jena/verwaltung/erscheinungsbild')
}

/** An element's box lies within the window's width (it is also there: not hidden or collapsed). */
async function withinScreen (page: Page, selector: ReturnType<Page['locator']>) {
  const box = await selector.boundingBox()
  const width = page.viewportSize()!.width
  return box !== null && box.width > 0 && box.x >= 0 && box.x + box.width <= width
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
      await openBrandingAsAdmin(page).catch(() => {})
      if (await page.locator('#branding-accentColour').count()) {
        const removeLogo = page.getByRole('button', { name: 'Logo entfernen' })
        if (await removeLogo.count()) {
          await removeLogo.click()
          await page.getByText('Das Logo ist entfernt.').waitFor()
        }
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
      // The same refusal in English.
      await setLanguage(page, 'en')
      await visit(page, '/jena/verwaltung/erscheinungsbild')
      await page.locator('#branding-accentColour').fill('#e2001a')
      expect(await page.locator('.contrast-table tbody tr').nth(2).textContent()).toContain('too low (at least 4.5:1)')
      await page.locator('form.admin-form button[type="submit"]').first().click()
      await page.locator('.form-errors').waitFor()
      expect(await page.locator('.form-errors').textContent()).toContain('The colour is too light')
      await setLanguage(page, 'de')
      await visit(page, '/jena/verwaltung/erscheinungsbild')

      await fillBranding(page, { accent: '#0b5a3c', email: 'barrierefrei@jena.example', enforcement: 'Schlichtungsstelle BGG', origins: allowed.origin })
      await page.getByText('Das Erscheinungsbild ist gespeichert.').waitFor()
      expect(await page.locator('#snippet-1').inputValue()).toContain('/embed/jena/plans/1')
      await page.locator('#logo-file').setInputFiles(logo)
      await page.getByRole('button', { name: 'Logo hochladen' }).click()
      await page.getByText('Das Logo ist gespeichert.').waitFor()

      await visit(page, '/jena/plans/1')
      // The branding arrives after the page's own reads.
      await expect.poll(() => page.evaluate(() => document.documentElement.style.getPropertyValue('--primary'))).toBe('#0b5a3c')
      await visit(page, '/jena/barrierefreiheit')
      await page.getByRole('link', { name: 'barrierefrei@jena.example' }).waitFor()
      expect(await page.locator('main').textContent()).toContain('Schlichtungsstelle BGG')
      expect(await page.locator('main').textContent()).not.toContain('In Thüringen ist das')
      await noAxeViolations(page, '/jena/barrierefreiheit')
    })

    it('the header with the city\'s logo, the Leichte Sprache link and the language switch fits the screen, in German and English', { timeout: 120_000 }, async () => {
      const { page } = browser
      // As a visitor sees it: no account bar.
      await signOut(page)
      for (const locale of ['de', 'en'] as const) {
        await setLanguage(page, locale)
        for (const path of ['/jena/plans/1', '/jena/plans/1/dashboard', '/jena/plans/1/commitments/3', '/jena/plans/1/leichte-sprache', '/jena/barrierefreiheit']) {
          await visit(page, path)
          const cityLogo = page.locator('.site-header__city-logo')
          // The branding arrives after the page's own reads; the logo is drawn, not a broken image's text.
          await expect.poll(async () => (await cityLogo.count() ? cityLogo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)) : 0),
            { timeout: 10_000 }).toBe(400)
          expect(await cityLogo.getAttribute('alt')).toBe('Logo: Jena')
          if (path.startsWith('/jena/plans/')) {
            const easyRead = page.locator('.site-nav').getByRole('link', { name: locale === 'de' ? 'Leichte Sprache' : 'Easy read (Leichte Sprache)' })
            expect(await withinScreen(page, easyRead), `${path} in ${locale}: Leichte Sprache link`).toBe(true)
          }
          expect(await withinScreen(page, cityLogo), `${path} in ${locale}: logo`).toBe(true)
          expect(await withinScreen(page, page.locator('.site-header .language-switch')), `${path} in ${locale}: language switch`).toBe(true)
          // Logo and site name stay clear of the language switch beside them.
          expect(await page.evaluate(() => {
            const languageSwitch = document.querySelector('.site-header .language-switch')!.getBoundingClientRect()
            return Math.max(...[...document.querySelectorAll('.site-header__brand > *')].map((e) => e.getBoundingClientRect().right)) <= languageSwitch.left
          }), `${path} in ${locale}: logo and name beside the language switch`).toBe(true)
          expect(await pageScrollsSideways(page), `${path} in ${locale}`).toBe(false)
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} in ${locale}`).toBeLessThanOrEqual(device.width)
        }
      }
      await setLanguage(page, 'de')
    })

    it('the widgets render inside the allowed website and are refused by another, in German and English', { timeout: 120_000 }, async () => {
      const { page } = browser
      for (const widget of widgets) {
        await page.goto(`${allowed.origin}${widget.path}`)
        await expect.poll(async () => widgetFrame(page, widget.path)?.locator('h1').count(), { timeout: 10_000 }).toBe(1)
        const frame = widgetFrame(page, widget.path)!
        expect(await frame.locator('h1').textContent()).toBeTruthy()
        expect(await frame.locator('.big').textContent()).toMatch(widget.settled)

        // The host page's load event waits for its frame's own load, refused or not: no waiting beyond it.
        await page.goto(`${other.origin}${widget.path}`)
        const refused = await (await page.locator('iframe').elementHandle())!.contentFrame()
        expect(refused?.url(), `${widget.path} framed by another website: Chromium's error page`).toBe('chrome-error://chromewebdata/')
        expect(await refused!.content(), `${widget.path} framed by another website`).not.toMatch(widget.settled)

        // The widget itself: no script, and axe finds nothing.
        await page.goto(widget.path)
        expect(await page.locator('script').count()).toBe(0)
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(widget.path.endsWith('lang=en') ? 'en' : 'de')
        expect(await axeViolations(page), widget.path).toEqual([])
        await page.goto(widget.path.endsWith('lang=en') ? widget.path.replace('?lang=en', '') : `${widget.path}?lang=en`)
        expect(await axeViolations(page), `${widget.path} in the other language`).toEqual([])
      }
    })

    it('a Leichte Sprache text is public only after the review marking and gone once deleted; the pages pass axe in both languages', { timeout: 180_000 }, async () => {
      const { page } = browser
      const text = `Jena hat einen Plan gegen Rassismus (${device.name}).\nDer Plan hat 10 Teile.`
      await signIn(page, demoAccounts.admin, '/jena/verwaltung/plaene/1/leichte-sprache')
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
      expect(await pageScrollsSideways(page)).toBe(false)
      await noAxeViolations(page, '/jena/plans/1/leichte-sprache')

      // Deleting it is asked once more (Escape keeps it), then it is gone from the editor and the public page.
      await visit(page, '/jena/verwaltung/plaene/1/leichte-sprache')
      const deleteButton = page.locator('#er-plan-delete')
      await deleteButton.click()
      const confirmation = page.locator('.confirm')
      await confirmation.waitFor()
      expect(await page.evaluate(() => document.activeElement?.classList.contains('confirm'))).toBe(true)
      expect(await axeViolations(page)).toEqual([])
      await page.keyboard.press('Escape')
      await confirmation.waitFor({ state: 'detached' })
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('er-plan-delete')
      await deleteButton.click()
      await confirmation.getByRole('button', { name: 'Text löschen: Text zum ganzen Plan' }).click()
      await page.getByText('Der Text ist gelöscht.').waitFor()
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('er-plan-body')
      expect(await page.locator('#er-plan-body').inputValue()).toBe('')
      expect(await page.locator('#er-plan-state').innerText()).toBe('Noch kein Text.')
      expect(await page.locator('#er-plan-delete').count()).toBe(0)
      await visit(page, '/jena/verwaltung/plaene/1/leichte-sprache')
      expect(await page.locator('#er-plan-body').inputValue()).toBe('')

      await signOut(page)
      await visit(page, '/jena/plans/1/leichte-sprache')
      expect(await page.locator('main').textContent()).not.toContain(`Jena hat einen Plan gegen Rassismus (${device.name}).`)
      await page.getByText('Für diesen Plan gibt es noch keinen geprüften Text in Leichter Sprache.').waitFor()
      expect(browser.problems.filter((p) => !p.includes('Refused to frame') && !p.includes('frame-ancestors'))).toEqual([])
    })
  })
}
