import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, demoAccounts, openBrowser, setLanguage, signIn, visit } from './browser'

// Issue 12: the office's reporting year in the browser, on a draft plan of its own (the demo plan and its
// cycles stay as other files expect them; the plan and the meeting are deleted at the end): two indicators
// with values, a yearly council cycle with its own period and due date next to the biennial ECCAR cycle,
// narratives, approval naming the steering-group meeting, submission and export; axe on the new screens.

async function api (page: Page, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, ifMatch?: number) {
  return page.evaluate(async ({ method, path, body, ifMatch }) => {
    const { csrfToken } = await (await fetch('/api/session')).json() as { csrfToken: string }
    const headers: Record<string, string> = { 'x-csrf-token': csrfToken }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`
    const res = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    return { status: res.status, body: res.status === 204 ? null : await res.json() as { id: number, version: number } }
  }, { method, path, body, ifMatch })
}

async function settle (page: Page) {
  await page.locator('main h1').first().waitFor()
  await page.locator('.load-state').waitFor({ state: 'detached' })
}

describe('the office\'s reporting year', () => {
  let browser: Browser
  let planId = 0
  let meetingId = 0
  let councilPath = ''
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => {
    const { page } = browser
    if (meetingId) {
      const meeting = await api(page, 'GET', `/steering-group/meetings/${meetingId}`)
      await api(page, 'DELETE', `/steering-group/meetings/${meetingId}`, undefined, meeting.body?.version)
    }
    if (planId) {
      const plan = await api(page, 'GET', `/plans/${planId}`)
      await api(page, 'DELETE', `/plans/${planId}`, undefined, plan.body?.version)
    }
    await browser?.close()
  })

  it('enters two indicators with values on the plan\'s indicators page', async () => {
    const { page } = browser
    await signIn(page, demoAccounts.admin, '/jena/verwaltung')
    const plan = await api(page, 'POST', '/cities/jena/plans', { titleDe: 'E2E Berichtsjahr', periodStart: '2030-01-01', periodEnd: '2033-12-31' })
    expect(plan.status).toBe(201)
    planId = plan.body!.id
    const meeting = await api(page, 'POST', '/cities/jena/steering-group/meetings', { date: '2019-02-14', agenda: 'E2E: Freigabe Sachstandsbericht' })
    expect(meeting.status).toBe(201)
    meetingId = meeting.body!.id

    await visit(page, `/jena/verwaltung/plaene/${planId}/indikatoren`)
    await settle(page)
    expect(await page.locator('main h1').textContent()).toBe('Indikatoren des Plans')
    for (const [name, value] of [['Beratungsfälle', '70'], ['Geschulte Beschäftigte', '12,5']] as const) {
      await page.locator('#new-indicator-nameDe').fill(name)
      await page.locator('#new-indicator-unit').fill('Anzahl')
      await page.locator('#new-indicator-baselineValue').fill('40')
      await page.locator('#new-indicator-targetValue').fill('100')
      await page.locator('#new-indicator-commitment').selectOption('3')
      await page.getByRole('button', { name: 'Indikator anlegen' }).click()
      const item = page.locator('article.indicator-admin', { has: page.getByRole('heading', { level: 2, name }) })
      await item.waitFor()
      await item.locator('summary', { hasText: 'Wert eintragen' }).click()
      await item.locator('input[id$="value-periodStart"]').fill('2030-01-01')
      await item.locator('input[id$="value-periodEnd"]').fill('2030-12-31')
      await item.locator('input[id$="value-value"]').fill(value)
      await item.getByRole('button', { name: 'Wert eintragen' }).click()
      await expect.poll(() => item.locator('table').textContent(), { timeout: 15_000 }).toContain('gesamt')
      expect(await item.locator('table').textContent()).toContain('Büro')
    }
    const first = page.locator('article.indicator-admin').first()
    expect(await first.textContent()).toContain('Weg zum Ziel: 50')
    await first.getByRole('button', { name: 'Veröffentlichen' }).click()
    await expect.poll(() => first.textContent()).toContain('Veröffentlicht: erscheint auf dem öffentlichen Dashboard.')
    expect(browser.problems).toEqual([])
  })

  it('opens a yearly council cycle with its own period and due date, and a biennial ECCAR cycle', async () => {
    const { page } = browser
    await visit(page, `/jena/berichte?plan=${planId}`)
    await settle(page)
    await page.locator('#new-cycle-kind').selectOption('council')
    expect(await page.locator('#new-cycle-periodStart').inputValue()).toBe('2030-01-01')
    expect(await page.locator('#new-cycle-periodEnd').inputValue()).toBe('2030-12-31')
    await page.locator('#new-cycle-title').fill('Sachstandsbericht an den Stadtrat 2030')
    await page.locator('#new-cycle-dueDate').fill('2031-03-31')
    await page.getByRole('button', { name: 'Neuen Berichtszyklus anlegen' }).click()
    await page.waitForURL(/\/jena\/berichte\/\d+$/)
    await settle(page)
    councilPath = new URL(page.url()).pathname
    expect(await page.locator('main h1').textContent()).toBe('Sachstandsbericht an den Stadtrat 2030')
    const facts = await page.locator('main .facts').first().textContent()
    expect(facts).toContain('Jährlicher Sachstandsbericht an den Stadtrat')
    expect(facts).toContain('31. März 2031')

    await visit(page, `/jena/berichte?plan=${planId}`)
    await settle(page)
    expect(await page.locator('#new-cycle-kind').inputValue()).toBe('eccar')
    expect(await page.locator('#new-cycle-periodEnd').inputValue()).toBe('2031-12-31')
    await page.getByRole('button', { name: 'Neuen Berichtszyklus anlegen' }).click()
    await page.waitForURL((url) => url.pathname !== councilPath && /\/jena\/berichte\/\d+$/.test(url.pathname))
    await settle(page)
    expect(await page.locator('main h1').textContent()).toBe('Umsetzungsbericht 2030–2031')
  })

  it('writes the narratives, approves naming the meeting, submits and exports', async () => {
    const { page } = browser
    await visit(page, councilPath)
    await settle(page)
    const cycleId = Number(councilPath.split('/').at(-1))
    expect(await page.locator('#narrative-1 h3').textContent()).toMatch(/Verpflichtung 1: \S/)
    await page.locator('textarea[name="narrative-1-textDe"]').fill('Der Stadtrat erhielt 2030 den ersten Sachstandsbericht.')
    await page.getByRole('button', { name: 'Verpflichtung 1 speichern' }).click()
    await expect.poll(() => page.locator('#narrative-1 .form-status').textContent(), { timeout: 15_000 }).toContain('Texte zu Verpflichtung 1 gespeichert.')
    for (let n = 2; n <= 10; n++) {
      const cycle = await api(page, 'GET', `/reporting-cycles/${cycleId}`)
      const version = (cycle.body as unknown as { narratives: { number: number, version: number }[] }).narratives[n - 1]!.version
      expect((await api(page, 'PUT', `/reporting-cycles/${cycleId}/narratives/${n}`, { noNarrativeReasonDe: 'Keine Maßnahme im Zeitraum.' }, version)).status).toBe(200)
    }
    await visit(page, councilPath)
    await settle(page)
    await page.getByRole('button', { name: 'Zur Prüfung vorlegen' }).click()
    await page.getByLabel('Sitzung der Lenkungsgruppe, die die Freigabe beschlossen hat').waitFor()
    await page.getByLabel('Sitzung der Lenkungsgruppe, die die Freigabe beschlossen hat').selectOption(String(meetingId))
    await page.getByRole('button', { name: 'Als Lenkungsgruppe freigeben' }).click()
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Beschlossen in der Sitzung der Lenkungsgruppe vom 14. Februar 2019')
    await page.getByLabel('Ich weiß, dass der Bericht danach eingefroren ist.').check()
    await page.getByRole('button', { name: 'Einreichen', exact: true }).click()
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('eingereicht')

    await page.getByRole('radio', { name: 'Bericht an den Stadtrat' }).check()
    await page.getByRole('radio', { name: 'JSON (Daten)' }).check()
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Herunterladen' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/\.json$/)
    const html = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8')
    expect(JSON.parse(html).cycle).toMatchObject({ state: 'submitted', approvalMeetingDate: '2019-02-14' })
    expect(browser.problems).toEqual([])
  })

  for (const width of [1280, 360]) {
    for (const locale of ['de', 'en'] as const) {
      it(`reports no axe violations on the new screens in ${locale} at ${width} px`, async () => {
        const { page } = browser
        await page.setViewportSize({ width, height: 900 })
        await setLanguage(page, locale)
        for (const path of [`/jena/verwaltung/plaene/${planId}/indikatoren`, `/jena/berichte?plan=${planId}`, councilPath]) {
          await visit(page, path)
          await settle(page)
          expect(await axeViolations(page), `${path} in ${locale} at ${width} px`).toEqual([])
        }
        await setLanguage(page, 'de')
        await page.setViewportSize({ width: 1280, height: 900 })
      }, 150_000)
    }
  }
})
