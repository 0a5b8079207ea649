import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, openBrowser, setLanguage } from './browser'
import { startEmptyServer } from './server-process'

// A new city from the platform to its settings, in a server of its own (the shared demo has no platform
// administrator, and this must not add a city others would count): the setup link makes the platform
// administrator, who adds a city and invites its first administrator; she accepts the invitation, sets the
// city's time zone and settings, and finds the change in the audit log, also on a 360 px phone.
let server: Awaited<ReturnType<typeof startEmptyServer>>
let origin = ''
let setupLink = ''

const operator = { email: 'betrieb@example.org', password: 'die erste lange Passphrase' }
// Her passphrase shares no word with her name or address: the server refuses such context-specific passwords.
const cityAdmin = { email: 'amt@erfurt.example', password: 'Kraniche ziehen leise ueber den Wolken' }

beforeAll(async () => {
  server = await startEmptyServer('eccar-e2e-city-')
  origin = server.origin
  setupLink = server.setupLink
}, 480_000)

afterAll(async () => { await server?.stop() })

async function open (page: Page, path: string) {
  await page.goto(`${origin}${path}`)
  await page.locator('main h1').first().waitFor()
  await page.locator('.load-state').waitFor({ state: 'detached' })
}

async function signInHere (page: Page, account: { email: string, password: string }, redirect: string) {
  await open(page, `/anmelden?redirect=${encodeURIComponent(redirect)}`)
  await page.locator('#sign-in-email').fill(account.email)
  await page.locator('#sign-in-password').fill(account.password)
  await page.locator('main form button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname === redirect)
  await page.locator('.account-bar').waitFor()
  await page.locator('.load-state').waitFor({ state: 'detached' })
}

/** axe finds nothing on the page in German and in English; German is set again afterwards. */
async function axeInBothLanguages (page: Page, path: string) {
  for (const locale of ['de', 'en'] as const) {
    await setLanguage(page, locale)
    await open(page, path)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
    expect(await axeViolations(page), `${path} in ${locale}`).toEqual([])
  }
  await setLanguage(page, 'de')
  await open(page, path)
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

describe('a new city, from the platform to its settings', () => {
  let browser: Browser
  let invitationLink = ''
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('the platform administrator adds a city and invites its first administrator, whose mail waits in the outbox', async () => {
    const { page } = browser
    await page.goto(setupLink)
    await page.locator('#setup-email').fill(operator.email)
    await page.locator('#setup-displayName').fill('Betrieb')
    await page.locator('#setup-cityName').fill('Jena')
    await page.locator('#setup-citySlug').fill('jena')
    await page.locator('#new-password').fill(operator.password)
    await page.locator('#confirm-password').fill(operator.password)
    await page.locator('main form button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/jena/verwaltung')
    await page.locator('.load-state').waitFor({ state: 'detached' })

    // The administration's navigation leads to all cities, the settings and the reports.
    const nav = page.locator('nav.admin-nav')
    await nav.getByRole('link', { name: 'Alle Städte', exact: true }).waitFor()
    for (const name of ['Einstellungen der Stadt', 'Berichte']) expect(await nav.getByRole('link', { name, exact: true }).count(), name).toBe(1)
    await nav.getByRole('link', { name: 'Alle Städte' }).click()
    await page.waitForURL((url) => url.pathname === '/verwaltung/staedte')
    await page.locator('main h1').waitFor()
    await axeInBothLanguages(page, '/verwaltung/staedte')
    expect(await page.locator('main table').textContent()).toContain('Jena')

    // A short name taken already is refused before asking the server.
    await page.locator('#city-name').fill('Jena')
    await page.locator('main form button[type="submit"]').last().click()
    await expect.poll(() => page.locator('.form-errors').textContent()).toContain('Dieses Kürzel hat schon eine Stadt.')

    await page.locator('#city-name').fill('Erfurt')
    expect(await page.locator('#city-slug').inputValue()).toBe('erfurt')
    await page.getByRole('button', { name: 'Stadt anlegen' }).click()
    await page.locator('#invite-heading').waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('invite-heading')
    expect(await page.locator('main table').textContent()).toContain('Erfurt')
    expect(await axeViolations(page)).toEqual([])

    await page.locator('#user-email').fill(cityAdmin.email)
    await page.locator('#user-displayName').fill('Amt für Migration Erfurt')
    await page.getByRole('button', { name: 'Person hinzufügen und Einladungslink erzeugen' }).click()
    const panel = page.locator('section[aria-labelledby="invitation-heading"]')
    await panel.waitFor()
    invitationLink = await panel.locator('#invitation-link').inputValue()
    expect(invitationLink).toMatch(new RegExp(`^${origin}/invitation/[\\w-]{20,}$`))

    // Without SMTP the invitation mail is held in the city's outbox.
    const outbox = await page.evaluate(async () => (await fetch('/api/cities/erfurt/outbox')).json())
    expect(outbox.items.map((m: { kind: string, recipient: string }) => [m.kind, m.recipient])).toContainEqual(['invitation', cityAdmin.email])
    expect(browser.problems).toEqual([])
  })

  it('the invited administrator accepts, then sets the time zone and the settings', async () => {
    const other = await openBrowser()
    try {
      const { page } = other
      await page.goto(invitationLink)
      await page.locator('#new-password').fill(cityAdmin.password)
      await page.locator('#confirm-password').fill(cityAdmin.password)
      await page.locator('main form button[type="submit"]').click()
      await page.waitForURL((url) => url.pathname.startsWith('/erfurt'))
      await page.locator('.account-bar').waitFor()

      await open(page, '/erfurt/verwaltung/einstellungen')
      await axeInBothLanguages(page, '/erfurt/verwaltung/einstellungen')
      expect(await page.locator('#city-settings-timeZone').inputValue()).toBe('Europe/Berlin')
      await page.locator('#city-settings-timeZoneSearch').fill('vienna')
      await expect.poll(() => page.locator('#city-settings-timeZone option').allTextContents()).toEqual(['Europe/Berlin', 'Europe/Vienna'])
      await page.locator('#city-settings-timeZone').selectOption('Europe/Vienna')
      await page.locator('#city-settings-steeringCadenceMonths').fill('6')
      await page.locator('#city-settings-attentionStaleMonths').fill('4')
      await page.locator('#city-settings-incidentThreshold').fill('2')
      await page.getByRole('button', { name: 'Speichern' }).click()
      // Below the minimum: the summary names the field and takes the focus; nothing was sent.
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('form-errors'))).toBe(true)
      expect(await page.locator('.form-errors').textContent()).toContain('Mindestzahl für veröffentlichte Fallzahlen')
      await page.locator('#city-settings-incidentThreshold').fill('7')
      await page.getByRole('button', { name: 'Speichern' }).click()
      await expect.poll(() => page.locator('main form .form-status').textContent()).toContain('Die Einstellungen sind gespeichert.')

      const stored = await page.evaluate(async () => (await fetch('/api/cities/erfurt/steering-group')).json())
      expect(stored).toMatchObject({ timeZone: 'Europe/Vienna', cadenceMonths: 6, attentionStaleMonths: 4, incidentThreshold: 7 })
      expect(other.problems).toEqual([])
    } finally {
      await other.close()
    }
  })

  it('on a 360 px phone: the new screens pass axe, and an opened audit diff does not widen the page', async () => {
    const phone = await openBrowser({ width: 360, height: 740 })
    try {
      const { page } = phone
      await signInHere(page, cityAdmin, '/erfurt/verwaltung/einstellungen')
      await axeInBothLanguages(page, '/erfurt/verwaltung/einstellungen')
      expect(await pageWidth(page)).toBeLessThanOrEqual(360)

      await open(page, '/erfurt/verwaltung/protokoll')
      const diff = page.locator('details.audit-details').first()
      await diff.locator('summary').click()
      await expect.poll(() => diff.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
      expect(await pageWidth(page)).toBeLessThanOrEqual(360)
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await phone.close()
    }
    const operatorPhone = await openBrowser({ width: 360, height: 740 })
    try {
      await signInHere(operatorPhone.page, operator, '/verwaltung/staedte')
      await axeInBothLanguages(operatorPhone.page, '/verwaltung/staedte')
      expect(await pageWidth(operatorPhone.page)).toBeLessThanOrEqual(360)
    } finally {
      await operatorPhone.close()
    }
  })
})
