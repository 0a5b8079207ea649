import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, demoAccounts, openBrowser, setLanguage, signIn, visit } from './browser'

// The mail pages against the real server with the Jena demo and no mail server configured: the admin
// reads a held reminder in the outbox and sets the reminder steps, a person switches a kind off, the
// unsubscribe link from the held mail works by keyboard without signing in, and axe finds nothing on
// any of the new pages in German and English, on a desktop and on a phone.
const outbox = '/jena/verwaltung/postausgang'
const reminders = '/jena/verwaltung/erinnerungen'
const notifications = '/konto/benachrichtigungen'

const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement
  return el ? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}` : ''
})

async function noAxeViolations (page: Page, path: string, ready: () => Promise<unknown> = async () => {}) {
  for (const locale of ['de', 'en'] as const) {
    await setLanguage(page, locale)
    await visit(page, path)
    await ready()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
    expect(await axeViolations(page), `${path} in ${locale}`).toEqual([])
  }
  await setLanguage(page, 'de')
}

/** The demo's reminders are produced by the job engine after start: reload until one is held. */
async function heldReminder (page: Page) {
  const row = page.locator('tbody tr', { hasText: 'Fristerinnerungen' }).filter({ hasText: 'zurückgehalten' }).first()
  await expect.poll(async () => {
    await visit(page, outbox)
    return row.count()
  }, { timeout: 45_000, interval: 1_000 }).toBeGreaterThan(0)
  return row
}

describe('mail pages', () => {
  let admin: Browser
  let person: Browser
  let visitor: Browser
  let unsubscribePath = ''
  beforeAll(async () => {
    admin = await openBrowser()
    person = await openBrowser()
    visitor = await openBrowser()
    await signIn(admin.page, demoAccounts.admin, outbox)
    await signIn(person.page, demoAccounts.editor, notifications)
  })
  afterAll(async () => {
    await admin?.close()
    await person?.close()
    await visitor?.close()
  })

  it('shows the admin the held reminders of the demo and reads one', async () => {
    const { page } = admin
    const row = await heldReminder(page)
    expect(await page.locator('main').textContent()).toContain('Es ist kein Mailserver eingerichtet')
    const subject = (await row.locator('td').nth(2).textContent())!.trim()
    await row.getByRole('link').click()
    await page.waitForURL(/\/jena\/verwaltung\/postausgang\/\d+$/)
    await page.locator('.load-state').waitFor({ state: 'detached' })
    expect(await page.locator('main h1').textContent()).toBe(`E-Mail: ${subject}`)
    expect(await page.locator('main dl').textContent()).toContain('zurückgehalten (kein Mailserver)')
    const text = (await page.locator('pre.mail-text').textContent()) ?? ''
    expect(text.length).toBeGreaterThan(20)
    unsubscribePath = /\/abmelden\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? ''
    expect(unsubscribePath).not.toBe('')
    // The HTML version appears only on request, in a frame that can run nothing.
    expect(await page.locator('iframe').count()).toBe(0)
    await page.locator('details.mail-html-version summary').click()
    expect(await page.locator('iframe.mail-html').getAttribute('sandbox')).toBe('')
    await page.getByRole('link', { name: 'Zurück zum Postausgang' }).click()
    await page.waitForURL((url) => url.pathname === outbox)
  })

  it('lets the admin set the reminder steps and the time zone', async () => {
    const { page } = admin
    await visit(page, reminders)
    await page.getByRole('button', { name: 'Zeitpunkt hinzufügen' }).click()
    const added = await page.evaluate(() => document.activeElement?.id ?? '')
    expect(added).toMatch(/^reminders-step-\d-when$/)
    await page.locator(`#${added}`).selectOption('after')
    await page.locator(`#${added.replace('-when', '-days')}`).fill('30')
    await page.locator('#reminders-timeZone').selectOption('Europe/Vienna')
    await page.getByRole('button', { name: 'Speichern', exact: true }).click()
    await expect.poll(() => page.locator('.form-status').textContent()).toBe('Die Erinnerungen sind gespeichert.')
    await visit(page, reminders)
    expect(await page.locator('#reminders-timeZone').inputValue()).toBe('Europe/Vienna')
    expect(await page.locator('main').textContent()).toContain('30 Tage danach')
  })

  it('lets a person switch a kind of mail off, and keeps it off', async () => {
    const { page } = person
    await visit(page, notifications)
    const digest = page.getByRole('checkbox', { name: /Fällige Sitzung der Lenkungsgruppe/ })
    await digest.uncheck()
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click()
    await expect.poll(() => page.locator('.form-status').textContent()).toBe('Ihre Einstellungen sind gespeichert.')
    await visit(page, notifications)
    expect(await digest.isChecked()).toBe(false)
  })

  it('unsubscribes by keyboard, without signing in, and confirms with focus on the message', async () => {
    const { page } = visitor
    await visit(page, unsubscribePath)
    expect(await page.locator('main').textContent()).toContain('Dieser Link gehört zu den E-Mails „Fristerinnerungen“.')
    expect(await axeViolations(page)).toEqual([])
    for (let i = 0; i < 30 && !(await focused(page)).startsWith('button:E-Mails'); i++) await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('button:E-Mails „Fristerinnerungen“ abbestellen')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('p:Erledigt: Sie bekommen keine E-Mails „Fristerinnerungen“ mehr.')
    await noAxeViolations(page, unsubscribePath)
  })

  it('has no axe violations on the outbox, a mail, the reminders and the notifications page', async () => {
    const { page } = admin
    await noAxeViolations(page, outbox)
    await visit(page, outbox)
    const mail = await page.locator('tbody a').first().getAttribute('href')
    await noAxeViolations(page, mail!)
    await noAxeViolations(page, reminders)
    await noAxeViolations(page, notifications)
  })

  it('saw no script errors and no CSP violations outside the opened HTML frame', () => {
    for (const b of [person, visitor]) expect(b.problems).toEqual([])
    expect(admin.problems.filter((p) => !/about:srcdoc|inline style/i.test(p))).toEqual([])
  })
})

describe('mail pages on a phone-sized screen', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 })
    await signIn(browser.page, demoAccounts.admin, outbox)
  })
  afterAll(async () => { await browser?.close() })

  it('reports no violations on any of the new pages', async () => {
    const { page } = browser
    await noAxeViolations(page, outbox)
    await visit(page, outbox)
    const mail = await page.locator('tbody a').first().getAttribute('href')
    for (const path of [mail!, reminders, notifications, '/abmelden/not-a-real-token-123']) await noAxeViolations(page, path)
  })
})
