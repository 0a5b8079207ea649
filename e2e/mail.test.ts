import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, demoAccounts, noAxeViolations, openBrowser, signIn, visit } from './browser'

// The mail pages against the real server with the Jena demo and no mail server configured: the admin
// puts a reporting cycle into review (which holds a "cycle changes" mail for the office) and reads it in
// the outbox, and sets the reminder steps; a person switches a
// kind off; the unsubscribe link from the held mail works by keyboard without signing in; and axe
// finds nothing on any of the new pages in German and English, on a desktop and on a phone.
const outbox = '/jena/verwaltung/postausgang'
const reminders = '/jena/verwaltung/erinnerungen'
const notifications = '/konto/benachrichtigungen'

const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement
  return el ? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}` : ''
})


/** Reloads the outbox until a held mail of `kind` is listed (delivery runs in a background job). */
async function heldMail (page: Page, kind: string) {
  const row = page.locator('tbody tr', { hasText: kind }).filter({ hasText: 'zurückgehalten' }).first()
  await expect.poll(async () => {
    await visit(page, outbox)
    return row.count()
  }, { timeout: 45_000, interval: 1_000 }).toBeGreaterThan(0)
  return row
}

/** The address of the newest mail in the outbox. */
async function firstMail (page: Page) {
  await visit(page, outbox)
  return (await page.locator('tbody a').first().getAttribute('href'))!
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

  it('shows the admin a held mail in the outbox and reads it', async () => {
    const { page } = admin
    // The demo's own reminders: start-up replays the days in December 2023 its end dates produced them.
    const row = await heldMail(page, 'Fristerinnerungen')
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

  // Each page twice (German, English) with axe: a page of its own, so a slow machine stays within the timeout.
  it.each([['the outbox', outbox], ['a held mail', 'mail'], ['the reminders', reminders], ['my notifications', notifications]])(
    'has no axe violations on %s', async (_name, path) => {
      const { page } = admin
      await noAxeViolations(page, path === 'mail' ? await firstMail(page) : path)
    }, 120_000)

  it('saw no script errors and no CSP violations outside the opened HTML frame', () => {
    for (const b of [person, visitor]) expect(b.problems).toEqual([])
    // The browser injects the test's own CSP listener into every frame; the mail's empty sandbox refuses
    // it, and Chromium reports that (only when the frame loads before the page moves on): proof that the
    // frame runs nothing, so it is the one message allowed here.
    const sandboxRefusal = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/
    expect(admin.problems.filter((p) => !/inline style|style-src/i.test(p) && !sandboxRefusal.test(p))).toEqual([])
  })
})

describe('mail pages on a phone-sized screen', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 })
    await signIn(browser.page, demoAccounts.admin, outbox)
  })
  afterAll(async () => { await browser?.close() })

  it.each([['the outbox', outbox], ['a held mail', 'mail'], ['the reminders', reminders], ['my notifications', notifications], ['an unknown unsubscribe link', '/abmelden/not-a-real-token-123']])(
    'reports no violations on %s', async (_name, path) => {
      const { page } = browser
      await noAxeViolations(page, path === 'mail' ? await firstMail(page) : path)
    }, 120_000)
})
