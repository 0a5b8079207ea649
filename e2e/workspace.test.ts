import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, baseUrl, type Browser, demoAccounts, openBrowser, setLanguage, signIn, signOut, visit } from './browser'

// The steering group's workspace, signed in: sign-in, a status report, a conflict between two sessions,
// the language switch and axe on every page of the workspace.
const { editor, admin } = demoAccounts
const measurePath = '/jena/plans/1/measures/1'

/** Opens the measure page and waits for the (lazily loaded) status form. */
async function openForm (page: Page, path = measurePath) {
  await visit(page, path)
  await page.locator('#status-form-heading').waitFor()
}

const timelineText = async (page: Page) => (await page.locator('.timeline').textContent()) ?? ''

describe('a steering-group member reports on a measure', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('sends an anonymous visitor of the workspace to the sign-in page, and back after signing in', async () => {
    const { page } = browser
    await page.goto('/jena/arbeitsbereich')
    await expect.poll(() => page.url()).toBe(`${baseUrl}/anmelden?redirect=/jena/arbeitsbereich`)
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Anmelden')
    await page.locator('#sign-in-email').fill(editor.email)
    await page.locator('#sign-in-password').fill('wrong password, surely')
    await page.getByRole('button', { name: 'Anmelden' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('E-Mail-Adresse oder Passwort ist falsch.')
    await page.locator('#sign-in-password').fill(editor.password)
    await page.getByRole('button', { name: 'Anmelden' }).click()
    await page.waitForURL((url) => url.pathname === '/jena/arbeitsbereich')
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Arbeitsbereich Jena')
    await page.locator('.load-state').waitFor({ state: 'detached' })
    expect(await page.locator('.account-bar').textContent()).toContain('Angemeldet als Demo: Antidiskriminierungsstelle')
    // "My measures": the four the Antidiskriminierungsstelle leads or joins; "needs attention" grouped by lead body.
    const mine = page.locator('section[aria-labelledby="my-measures-heading"]')
    expect(await mine.textContent()).toContain('Maßnahmen, bei denen Antidiskriminierungsstelle der Stadt Jena federführend oder beteiligt ist.')
    expect(await mine.locator('.measure-card').count()).toBe(4)
    const attention = page.locator('section[aria-labelledby="attention-heading"]')
    expect(await attention.locator('h3').first().textContent()).toContain('Antidiskriminierungsstelle der Stadt Jena')
    expect(await attention.textContent()).toMatch(/Enddatum 31\. Dezember 2023 überschritten/)
    // 1.2 is led by the city administration: the editor of the Antidiskriminierungsstelle gets no form there.
    await visit(page, '/jena/plans/1/measures/2')
    expect(await page.locator('.account-bar').count()).toBe(1)
    expect(await page.locator('#status-form-heading').count()).toBe(0)
    await page.goBack()
    await page.locator('#my-measures-heading').waitFor()
    // The wrong password's 401 is the only failed request.
    expect(browser.problems.filter((p) => !p.includes('status of 401'))).toEqual([])
  })

  it('updates 1.1 with a note, sees it in the timeline, signs out, and the public page shows it without the person', async () => {
    const { page } = browser
    await page.locator('section[aria-labelledby="my-measures-heading"]').getByRole('link', { name: /1\.1\s*Antidiskriminierungsstelle weiter betreiben/ }).click()
    await page.locator('#status-form-heading').waitFor()
    const note = 'Die Beratung ist jetzt auch im Stadtteilbüro Lobeda erreichbar.'
    await page.getByLabel('Notiz auf Deutsch').fill(note)
    await page.getByRole('button', { name: 'Meldung speichern' }).click()
    await expect.poll(() => page.locator('.status-form .ws-notice--success').textContent()).toContain('Die Meldung ist gespeichert')
    // Announced through the app's polite live region too.
    await expect.poll(() => page.locator('body > #app > .visually-hidden[role="status"]').textContent()).toContain('Die Meldung ist gespeichert')
    await expect.poll(() => timelineText(page)).toContain(note)
    const newest = page.locator('.timeline__entry').first()
    expect(await newest.textContent()).toContain('Antidiskriminierungsstelle der Stadt Jena')

    await signOut(page)
    expect(new URL(page.url()).pathname).toBe(measurePath)
    expect(await page.locator('#status-form-heading').count()).toBe(0)
    const entry = page.locator('.timeline__entry').filter({ hasText: note })
    expect(await entry.count()).toBe(1)
    expect(await entry.textContent()).toContain('Gemeldet von')
    expect(await entry.textContent()).toContain('Antidiskriminierungsstelle der Stadt Jena')
    expect(await page.locator('main').textContent()).not.toContain('Demo:')
    // The public answer itself names no person.
    const publicMeasure = await (await fetch(`${baseUrl}/api/measures/1`)).json() as { statusHistory: Record<string, unknown>[] }
    const reported = publicMeasure.statusHistory.find((e) => e.noteDe === note)
    expect(reported).toBeDefined()
    expect(reported).not.toHaveProperty('recordedBy')
    expect(browser.problems.filter((p) => !p.includes('status of 401'))).toEqual([])
  })

  it('shows no form to anonymous visitors and does not even load its code', async () => {
    const { page } = browser
    const loaded: string[] = []
    page.on('request', (r) => loaded.push(r.url()))
    await visit(page, measurePath)
    expect(await page.locator('#status-form-heading').count()).toBe(0)
    expect(loaded.some((url) => url.includes('StatusUpdateForm'))).toBe(false)
  })
})

describe('two sessions report on the same measure', () => {
  let first: Browser
  let second: Browser
  beforeAll(async () => {
    [first, second] = await Promise.all([openBrowser(), openBrowser()])
    await signIn(first.page, editor)
    await signIn(second.page, admin)
  })
  afterAll(async () => { await Promise.all([first?.close(), second?.close()]) })

  it('shows the second one what changed, and re-applies the report on top of the current version', async () => {
    await Promise.all([openForm(first.page), openForm(second.page)])
    const firstNote = 'Erste Meldung: neue Sprechzeiten am Donnerstag.'
    const secondNote = 'Zweite Meldung: Flyer in sechs Sprachen gedruckt.'

    await first.page.getByLabel('Notiz auf Deutsch').fill(firstNote)
    await first.page.getByRole('button', { name: 'Meldung speichern' }).click()
    await expect.poll(() => timelineText(first.page)).toContain(firstNote)

    const { page } = second
    await page.getByLabel('Fortschritt in Prozent').fill('90')
    await page.getByLabel('Notiz auf Deutsch').fill(secondNote)
    await page.getByRole('button', { name: 'Meldung speichern' }).click()
    const conflict = page.locator('.ws-conflict')
    await conflict.waitFor()
    expect(await conflict.locator('h3').textContent()).toContain('Die Maßnahme wurde inzwischen geändert')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('conflict-heading')
    const text = (await conflict.textContent()) ?? ''
    expect(text).toContain('Seitdem ist 1 neuer Eintrag im Statusverlauf.')
    expect(text).toMatch(/gemeldet von\s*Antidiskriminierungsstelle der Stadt Jena/)
    expect(text).toContain('Ihre Meldung')
    // The other person's entry is already on the page behind the conflict view.
    expect(await timelineText(page)).toContain(firstNote)

    await conflict.getByRole('button', { name: 'Meine Meldung auf den neuen Stand speichern' }).click()
    await expect.poll(() => page.locator('.status-form .ws-notice--success').count()).toBe(1)
    expect(await page.locator('.ws-conflict').count()).toBe(0)
    const timeline = await timelineText(page)
    expect(timeline).toContain(firstNote)
    expect(timeline).toContain(secondNote)
    expect(timeline.indexOf(firstNote)).toBeGreaterThan(timeline.indexOf(secondNote)) // newest first: the re-applied report stands above the one it followed
    expect(await page.locator('.summary-panel').textContent()).toContain('90')
    expect([...first.problems, ...second.problems.filter((p) => !p.includes('412'))]).toEqual([])
  })
})

// Visible texts of the page, as the public language test collects them; the person's name is not a label.
async function labels (page: Page) {
  return page.locator('nav a, main h1, main h2, main h3, button, summary, label, legend, th[scope="col"], dt').evaluateAll(
    (els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()))
}
const sameInBoth = new Set(['Dashboard', 'Status'])

describe('language switch on the workspace pages', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await openBrowser()
    await signIn(browser.page, editor)
  })
  afterAll(async () => { await browser?.close() })

  for (const path of ['/jena/arbeitsbereich', measurePath, '/konto/passwort', '/jena/verwaltung']) {
    it(`switches every visible label on ${path}`, async () => {
      const { page } = browser
      await visit(page, path)
      if (path === measurePath) await page.locator('#status-form-heading').waitFor()
      const before = await labels(page)
      await page.getByRole('button', { name: 'Switch language: English' }).click()
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
      const after = await labels(page)
      expect(after.length).toBeGreaterThan(path === '/jena/verwaltung' ? 3 : 8)
      const unchanged = before.filter((text) => after.includes(text) && text !== '' && !sameInBoth.has(text) && !/^[\d.\s%]+$/.test(text))
      expect(unchanged).toEqual([])
      await page.getByRole('button', { name: 'Sprache wechseln: Deutsch' }).click()
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de')
    })
  }
})

describe.each(['de', 'en'] as const)('axe (WCAG 2.1 AA) on the workspace pages in %s', (locale) => {
  let browser: Browser
  beforeAll(async () => {
    browser = await openBrowser()
    await browser.page.goto('/')
    await setLanguage(browser.page, locale)
  })
  afterAll(async () => { await browser?.close() })

  const check = async (page: Page) => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
    expect(await axeViolations(page)).toEqual([])
  }

  it('reports no violations on the sign-in page, also with an error shown', async () => {
    const { page } = browser
    await visit(page, '/anmelden')
    await check(page)
    await page.locator('main form button[type="submit"]').click()
    await page.locator('.form-errors').waitFor()
    await check(page)
  })

  it('reports no violations on the invitation page with an unknown link, which it names at once', async () => {
    const { page } = browser
    await visit(page, '/invitation/this-is-no-valid-invitation-token')
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Einladungslink|invitation link/)
    await check(page)
  })

  it('reports no violations on the password-reset pages, with errors', async () => {
    const { page } = browser
    await visit(page, '/passwort-vergessen')
    await check(page)
    await page.locator('main form button[type="submit"]').click()
    await page.locator('#forgot-email-error').waitFor()
    await check(page)
    await visit(page, '/passwort-vergessen/this-is-no-valid-reset-token-at-all')
    await page.locator('#new-password').fill('a long enough pass phrase')
    await page.locator('#confirm-password').fill('a long enough pass phrase')
    await page.locator('main form button[type="submit"]').click()
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Link|link/)
    await check(page)
  })

  it('reports no violations on the workspace, signed in', async () => {
    const { page } = browser
    await signIn(page, editor, '/jena/arbeitsbereich')
    await check(page)
  })

  it('reports no violations on the measure page with the form, with errors, and in the conflict view', async () => {
    const { page } = browser
    await openForm(page)
    await check(page)
    await page.locator('#status-status').selectOption('delayed')
    await page.locator('#status-add-link').click()
    await page.locator('#status-evidenceLinks-0-url').fill('http://not-https.example')
    await page.locator('.status-form button[type="submit"]').click()
    await page.locator('.status-form .form-errors').waitFor()
    await check(page)
    // Someone else reports meanwhile (here: the same account, through the API), then this form is sent.
    await page.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/session')).json() as { csrfToken: string }
      const measure = await (await fetch('/api/measures/1')).json() as { version: number, status: string, progress: number }
      await fetch('/api/measures/1/status-updates', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, 'if-match': `"${measure.version}"` },
        body: JSON.stringify({ status: measure.status, progress: measure.progress, noteEn: 'Meanwhile, another report.' }),
      })
    })
    await page.locator('#status-status').selectOption('ongoing')
    await page.locator('#status-evidenceLinks-0-url').fill('https://jena.de/')
    await page.locator('.status-form button[type="submit"]').click()
    await page.locator('.ws-conflict').waitFor()
    await check(page)
    await page.locator('.ws-conflict button.button--secondary').click()
    await page.locator('.ws-conflict').waitFor({ state: 'detached' })
  })

  it('reports no violations on the password page, also with errors', async () => {
    const { page } = browser
    await visit(page, '/konto/passwort')
    await check(page)
    await page.locator('main form button[type="submit"]').click()
    await page.locator('.form-errors').waitFor()
    await check(page)
  })

  it('reports no violations on the "no access" page', async () => {
    const { page } = browser
    await visit(page, '/jena/verwaltung/personen')
    expect(await page.locator('main h1').textContent()).toMatch(/Kein Zugang|No access/)
    await check(page)
  })

  it('saw no script errors and no CSP violations', () => {
    // The deliberately wrong invitation and the provoked conflict answer 400 and 412; nothing else may fail.
    expect(browser.problems.filter((p) => !/status of (400|412)/.test(p))).toEqual([])
  })
})

describe('the workspace on a phone-sized screen', () => {
  let browser: Browser
  beforeAll(async () => { browser = await openBrowser({ width: 390, height: 844 }) })
  afterAll(async () => { await browser?.close() })

  it('keeps the header usable and reports no axe violations', async () => {
    const { page } = browser
    await signIn(page, editor, '/jena/arbeitsbereich')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    for (const name of ['Arbeitsbereich', 'Passwort ändern']) {
      expect(await page.locator('.account-bar').getByRole('link', { name }).isVisible()).toBe(true)
    }
    expect(await page.locator('.account-bar').getByRole('button', { name: 'Abmelden' }).isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await openForm(page)
    expect(await axeViolations(page)).toEqual([])
  })
})
