import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, demoAccounts, noAxeViolations, openBrowser, openDisclosures, signIn, visit } from './browser'

// Incident counts of the anti-discrimination office, from entry to the public dashboard: the demo
// admin enters a half-year in the grid, prepares a release, runs the audit (watching its progress),
// publishes it, and an anonymous visitor sees only the published figures with small ones withheld.
// axe on the entry page, the releases page and the dashboard, in both languages.
const counts = '/jena/verwaltung/fallzahlen'
const releases = '/jena/verwaltung/fallzahlen/veroeffentlichungen'
const dashboard = '/jena/plans/1/dashboard'
const cell = (kind: string, area: string, channel: string) => `#incidents-2024-01-01_2024-06-30-cell-${kind}-${area}-${channel}`

async function fill (page: Page, channel: string, entries: [kind: string, area: string, count: number][]) {
  await page.locator(`[role="tab"][id$="-tab-${channel}"]`).click()
  for (const [kind, area, count] of entries) await page.locator(cell(kind, area, channel)).fill(String(count))
}


describe('incident counts: entered, audited, published, shown', () => {
  let admin: Browser
  let visitor: Browser
  beforeAll(async () => {
    admin = await openBrowser()
    visitor = await openBrowser()
    await signIn(admin.page, demoAccounts.admin, counts)
  })
  afterAll(async () => {
    await admin?.close()
    await visitor?.close()
  })

  it('enters a half-year in the grid, with totals as the office types', async () => {
    const { page } = admin
    expect(await page.locator('main h1').textContent()).toBe('Fallzahlen der Antidiskriminierungsstelle')
    expect(await page.locator('main').textContent()).toContain('Gespeicherte Zahlen sind nicht öffentlich.')
    await page.locator('#incident-new-year').fill('2024')
    await page.getByRole('radio', { name: '1. Halbjahr' }).check()
    await page.getByRole('button', { name: 'Zeitraum öffnen' }).click()
    await expect.poll(() => page.locator('form.incident-form h2').textContent()).toBe('Neuer Zeitraum 1. Januar 2024 bis 30. Juni 2024')

    await fill(page, 'in_person', [['racism', 'work', 12], ['gender', 'education', 7]])
    // The input's name comes from its row, column and channel.
    await expect.poll(() => page.getByRole('textbox', { name: 'Rassismus Arbeit persönlich' }).count()).toBe(1)
    expect(await page.locator('tbody tr', { hasText: 'Rassismus' }).locator('td.num').textContent()).toContain('12')
    await fill(page, 'phone', [['gender', 'work', 8], ['age', 'health', 3]])
    await fill(page, 'email', [['racism', 'housing', 9]])
    expect(await page.locator('.incident-grid__overall').textContent()).toContain('39 Fälle')

    // A wrong entry is caught before anything is sent, and the summary leads to the cell.
    await page.locator(cell('racism', 'housing', 'email')).fill('neun')
    await page.getByRole('button', { name: 'Fallzahlen speichern' }).click()
    const summary = page.locator('.form-errors')
    await summary.waitFor()
    await summary.getByRole('link', { name: 'Rassismus, Wohnen, E-Mail' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(cell('racism', 'housing', 'email').slice(1))
    await page.locator(cell('racism', 'housing', 'email')).fill('9')
    await page.getByRole('button', { name: 'Fallzahlen speichern' }).click()
    await expect.poll(() => page.locator('form.incident-form .form-status').textContent()).toContain('Die Fallzahlen sind gespeichert.')
  })

  it('has no axe violations on the entry page with a period open', async () => {
    const { page } = admin
    await noAxeViolations(page, counts, async () => {
      await page.locator('.incident-periods button').first().click()
      await page.locator('form.incident-form').waitFor()
    })
  })

  it('prepares a release, shows the audit running, and explains what is withheld', async () => {
    const { page } = admin
    await visit(page, releases)
    expect(await page.locator('#prepare-period option').allTextContents()).toContain('01.01.2024 – 30.06.2024')
    await page.locator('#prepare-period').selectOption({ label: '01.01.2024 – 30.06.2024' })
    await page.getByRole('button', { name: 'Vorbereiten' }).click()
    const panel = page.locator('.release-panel')
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Veröffentlichung 01.01.2024 – 30.06.2024, Fassung 1')
    expect(await panel.textContent()).toContain('Diese Fassung ist noch nicht geprüft.')

    await panel.getByRole('button', { name: 'Prüfen' }).click()
    // The progress bar shows while the server computes (it may be quick on a small table).
    const result = panel.locator('section[aria-labelledby$="-result"]')
    await result.waitFor({ timeout: 30_000 })
    expect(await panel.locator('progress').count()).toBe(0)
    expect(await panel.locator('[role="status"]').textContent()).toMatch(/Prüfung abgeschlossen: \d+ Zahlen werden zurückgehalten\./)
    const kindTable = result.locator('section', { has: page.locator('h4', { hasText: /^Nach Art der Diskriminierung$/ }) })
    const age = kindTable.locator('tbody tr', { hasText: 'Lebensalter' })
    expect(await age.textContent()).toContain('(zurückgehalten)')
    expect(await age.textContent()).toContain('unter der Mindestzahl')
    expect(await age.textContent()).toMatch(/für Außenstehende (zwischen \d+ und \d+|\d+ oder mehr)/)
  })

  it('publishes the checked release after a confirmation; it is read-only from then on', async () => {
    const { page } = admin
    const panel = page.locator('.release-panel')
    await panel.getByRole('button', { name: 'Veröffentlichen' }).click()
    const confirm = page.locator('.confirm')
    expect(await confirm.textContent()).toContain('Fassung 1 für 01.01.2024 – 30.06.2024 veröffentlichen?')
    await confirm.getByRole('button', { name: 'Veröffentlichen' }).click()
    await expect.poll(() => panel.locator('[role="status"]').textContent()).toBe('Veröffentlicht: 01.01.2024 – 30.06.2024, Fassung 1.')
    await expect.poll(() => panel.textContent()).toContain('Diese Fassung ist eingefroren')
    expect(await panel.locator('.form-actions').count()).toBe(0)
    expect(await page.locator('tbody tr', { hasText: '01.01.2024 – 30.06.2024' }).textContent()).toContain('veröffentlicht')
  })

  it('has no axe violations on the releases page with the audit result', async () => {
    const { page } = admin
    await noAxeViolations(page, releases, async () => {
      await page.locator('td.actions button').first().click()
      await page.locator('.release-panel section[aria-labelledby$="-result"]').waitFor()
    })
  })

  it('shows the published release on the public dashboard, the small count withheld and explained', async () => {
    const { page } = visitor
    await visit(page, dashboard)
    const section = page.locator('section[aria-labelledby="incidents-heading"]')
    await section.waitFor()
    expect(await section.locator('caption').first().textContent()).toContain('Gemeldete Vorfälle nach Art der Diskriminierung (1. Januar 2024 bis 30. Juni 2024)')
    expect((await section.locator('tbody tr', { hasText: 'Lebensalter' }).locator('td').first().textContent())?.trim()).toBe('–')
    await openDisclosures(page)
    const figures = (await section.locator('td').allTextContents()).map((c) => c.trim())
    for (const small of ['1', '2', '3', '4']) expect(figures).not.toContain(small)
    expect(await section.locator('#incidents-note').textContent()).toContain('– gesperrt: weniger als 5 Fälle')
    expect(await section.textContent()).toContain('Veröffentlicht am')
  })

  it('reports no axe violations on the dashboard with incidents in both languages', async () => {
    const { page } = visitor
    await noAxeViolations(page, dashboard, async () => {
      await page.locator('section[aria-labelledby="incidents-heading"]').waitFor()
      await openDisclosures(page)
    })
  })

  it('saw no script errors and no CSP violations', () => {
    expect(admin.problems).toEqual([])
    expect(visitor.problems).toEqual([])
  })
})
