import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, demoAccounts, openBrowser, openDisclosures, setLanguage, signIn, visit } from './browser'

// The plan's owner at work: the demo admin signs in, edits a commitment's context text (and sees it on
// the public page), creates a measure, adds a person with an invitation link, records a steering-group
// meeting and finds all of it in the audit log. Everything it changes on public pages is undone at the end.

const marker = `Geprüft im Ende-zu-Ende-Test ${Date.now()}`

/** Waits for the form's status line (role=status inside the form) to say something. */
async function formStatus (page: Page, form = page.locator('main form.admin-form').first()) {
  const status = form.locator('.form-status')
  await expect.poll(async () => (await status.textContent())?.trim()).not.toBe('')
  return (await status.textContent())?.trim()
}

describe('the plan administration', () => {
  let browser: Browser
  let originalContext = ''

  beforeAll(async () => {
    browser = await openBrowser()
    await signIn(browser.page, demoAccounts.admin, '/jena/verwaltung')
  })
  afterAll(async () => { await browser?.close() })

  it('opens the administration start with the plan\'s key facts and the sections', async () => {
    const { page } = browser
    await page.locator('.load-state').waitFor({ state: 'detached' })
    expect(await page.locator('main h1').textContent()).toBe('Verwaltung Jena')
    const main = await page.locator('main').textContent()
    expect(main).toContain('20/0372-BV vom 16. Juli 2020')
    for (const section of ['Beteiligte Stellen', 'Personen und Rollen', 'Lenkungsgruppe', 'Änderungsprotokoll']) {
      expect(main).toContain(section)
    }
  })

  it('edits a commitment\'s context text, which the public commitment page then shows', async () => {
    const { page } = browser
    await visit(page, '/jena/verwaltung/plaene/1')
    await page.getByRole('link', { name: 'Chancengleichheit auf dem Wohnungsmarkt' }).click()
    await page.waitForURL(/verpflichtungen\/7$/)
    await page.locator('.load-state').waitFor({ state: 'detached' })
    const field = page.locator('#commitment-contextDe')
    originalContext = await field.inputValue()
    await field.fill(`${originalContext}\n\n${marker}`)
    await page.getByRole('button', { name: 'Speichern' }).click()
    expect(await formStatus(page)).toBe('Gespeichert.')

    await visit(page, '/jena/plans/1/commitments/7')
    expect(await page.locator('section[aria-labelledby="context-heading"]').textContent()).toContain(marker)
  })

  it('explains a conflict with the values saved meanwhile and applies the entry again on request', async () => {
    const { page } = browser
    await visit(page, '/jena/verwaltung/plaene/1/verpflichtungen/7')
    const originalTitleEn = await page.locator('#commitment-localTitleEn').inputValue()
    // Someone else changes the plan (another tab, same person) after this page was read.
    const other = await page.evaluate(async () => {
      const session = await (await fetch('/api/session')).json() as { csrfToken: string }
      const plan = await (await fetch('/api/plans/1')).json() as { version: number }
      const res = await fetch('/api/plans/1/commitments/7', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, 'if-match': `"${plan.version}"` },
        body: JSON.stringify({ localTitleEn: 'Equal opportunities in housing' }),
      })
      return res.status
    })
    expect(other).toBe(200)
    await page.locator('#commitment-contextDe').fill(originalContext)
    await page.getByRole('button', { name: 'Speichern' }).click()
    const conflict = page.locator('.conflict')
    await conflict.waitFor()
    expect(await conflict.locator('h2').textContent()).toContain('inzwischen geändert')
    expect(await conflict.textContent()).toContain('Equal opportunities in housing')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('conflict-heading')
    await page.getByRole('button', { name: 'Meine Änderungen auf die neue Fassung anwenden und speichern' }).click()
    expect(await formStatus(page)).toBe('Gespeichert.')
    await conflict.waitFor({ state: 'detached' })
    // Both changes are kept: the other person's title and this person's text (the original again).
    expect(await page.locator('#commitment-localTitleEn').inputValue()).toBe('Equal opportunities in housing')
    expect(await page.locator('#commitment-contextDe').inputValue()).toBe(originalContext)
    await page.locator('#commitment-localTitleEn').fill(originalTitleEn)
    await page.getByRole('button', { name: 'Speichern' }).click()
    expect(await formStatus(page)).toBe('Gespeichert.')
  })

  it('announces missing required fields at the top and at each field', async () => {
    const { page } = browser
    await visit(page, '/jena/verwaltung/plaene/1/massnahmen/neu')
    await page.getByRole('button', { name: 'Maßnahme anlegen' }).click()
    const summary = page.locator('.form-errors')
    await summary.waitFor()
    expect(await summary.getAttribute('role')).toBe('alert')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('form-errors'))).toBe(true)
    expect(await summary.textContent()).toContain('Nummer')
    expect(await page.locator('#measure-code').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#measure-code').getAttribute('aria-describedby')).toContain('measure-code-error')
    expect(await page.locator('#measure-code-error').textContent()).toContain('Bitte füllen Sie dieses Feld aus.')
  })

  it('creates a measure, finds it in the list, hides it and brings it back', async () => {
    const { page } = browser
    await visit(page, '/jena/verwaltung/plaene/1/massnahmen/neu')
    await page.locator('#measure-code').fill('E2E.1')
    await page.locator('#measure-type').selectOption('implementation')
    await page.locator('#measure-primaryCommitment').selectOption('7')
    await page.locator('#measure-titleDe').fill('Beratung zu Diskriminierung bei der Wohnungssuche (Test)')
    await page.locator('#measure-leadOrganisationId').selectOption({ label: 'Büro für Migration und Integration' })
    await page.locator('#measure-startDate').fill('2023-01-01')
    await page.locator('#measure-endDate').fill('2022-01-01')
    await page.getByRole('button', { name: 'Maßnahme anlegen' }).click()
    expect(await page.locator('#measure-endDate-error').textContent()).toContain('nicht vor dem Beginn')
    await page.locator('#measure-endDate').fill('2023-12-31')
    await page.getByRole('button', { name: 'Maßnahme anlegen' }).click()
    await page.waitForURL(/massnahmen\/\d+\?neu=1$/)
    await page.getByText('Maßnahme E2E.1 wurde angelegt.').waitFor()
    expect(await page.locator('main h1').textContent()).toBe('Maßnahme E2E.1 bearbeiten')

    await visit(page, '/jena/verwaltung/plaene/1/massnahmen')
    await page.locator('#measure-search').fill('E2E')
    expect(await page.locator('#measure-count').textContent()).toContain('1 von 50 Maßnahmen')
    const row = page.locator('tr', { hasText: 'E2E.1' })
    expect(await row.textContent()).toContain('intern')

    await page.getByRole('button', { name: 'Maßnahme E2E.1 ausblenden' }).first().click()
    await page.locator('.confirm').getByRole('button', { name: 'Maßnahme E2E.1 ausblenden' }).click()
    await page.getByText('Maßnahme E2E.1 ist ausgeblendet.').waitFor()
    const hidden = page.locator('section[aria-labelledby="hidden-heading"]')
    expect(await hidden.textContent()).toContain('E2E.1')
    await page.getByRole('button', { name: 'Maßnahme E2E.1 wiederherstellen' }).click()
    await page.getByText('Maßnahme E2E.1 ist wieder sichtbar.').waitFor()
    await page.locator('#measure-search').fill('E2E')
    expect(await page.locator('tr', { hasText: 'E2E.1' }).count()).toBe(1)
  })

  it('adds a person with a role and shows the one-time invitation link once', async () => {
    const { page } = browser
    await visit(page, '/jena/verwaltung/personen')
    await page.locator('#user-email').fill('beirat@jena.example')
    await page.locator('#user-displayName').fill('Migrations- und Integrationsbeirat (Test)')
    await page.getByLabel('Mitglied der Lenkungsgruppe').check()
    await page.locator('#user-organisationIds-filter').fill('Integrationsbeirat')
    await page.getByLabel('Migrations- und Integrationsbeirat', { exact: true }).check()
    await page.getByRole('button', { name: 'Person hinzufügen und Einladungslink erzeugen' }).click()
    const panel = page.locator('section[aria-labelledby="invitation-heading"]')
    await panel.waitFor()
    const link = await panel.locator('#invitation-link').inputValue()
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitation\/[\w-]{20,}$/)
    expect(await panel.textContent()).toContain('7 Tage gültig')
    expect(await panel.textContent()).toContain('nur einmal')
    // Pending until the person accepts: listed under the open invitations, not yet among the people.
    expect(await page.locator('section[aria-labelledby="pending-heading"] tr', { hasText: 'beirat@jena.example' }).count()).toBe(1)

    // Taking away the last administrator's role is refused, and the page says why.
    await page.getByRole('button', { name: 'Rolle von Demo: Büro für Migration und Integration wegnehmen' }).first().click()
    await page.locator('.confirm').getByRole('button', { name: 'Rolle von Demo: Büro für Migration und Integration wegnehmen' }).click()
    await page.getByText('Die Rolle kann nicht weggenommen werden').waitFor()
    expect(await page.locator('[role="alert"]').textContent()).toContain('mindestens eine Person')
  })

  it('records a steering-group meeting, after which the next one is due', async () => {
    const { page } = browser
    await visit(page, '/jena/verwaltung/lenkungsgruppe')
    expect(await page.locator('.due-panel').textContent()).toContain('Noch keine Sitzung erfasst')
    await page.getByRole('link', { name: 'Sitzung erfassen' }).click()
    await page.locator('#meeting-date').waitFor()
    await page.locator('#meeting-date').fill('2024-03-14')
    await page.getByLabel('Oberbürgermeister', { exact: true }).check()
    await page.getByLabel('Migrations- und Integrationsbeirat', { exact: true }).check()
    await page.locator('#meeting-agenda').fill('Stand der Umsetzung\nFortschreibung des Plans')
    await page.getByRole('button', { name: 'Beschluss hinzufügen' }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('meeting-decision-0')
    await page.locator('#meeting-decision-0').fill('Die Beratung zur Wohnungssuche wird ausgebaut.')
    await page.locator('#meeting-decision-0-measures-filter').fill('E2E')
    await page.getByLabel(/^E2E\.1 /).check()
    await page.getByRole('button', { name: 'Sitzung speichern' }).click()
    await page.waitForURL(/sitzungen\/\d+\?neu=1$/)
    await page.getByText('Die Sitzung vom 14. März 2024 wurde erfasst.').waitFor()
    expect(await page.locator('main').textContent()).toContain('Die Beratung zur Wohnungssuche wird ausgebaut.')

    await visit(page, '/jena/verwaltung/lenkungsgruppe')
    const due = await page.locator('.due-panel').textContent()
    // Jena meets yearly: due a year after the meeting, which is in the past, so overdue (in words).
    expect(due).toContain('Überfällig')
    expect(due).toContain('14. März 2025')
  })

  it('filters the audit log and shows only the changed fields of an entry', async () => {
    const { page } = browser
    await visit(page, '/jena/verwaltung/protokoll')
    await page.locator('#audit-action').selectOption('plan.')
    await page.getByRole('button', { name: 'Filter anwenden' }).click()
    await page.waitForURL(/action=plan\./)
    const table = page.locator('main table').first()
    await table.waitFor()
    expect(await table.textContent()).toContain('Texte einer Verpflichtung geändert')
    // The earliest of them is the context edit above; it changed that one field only.
    const edit = page.locator('main table tbody tr', { hasText: 'Texte einer Verpflichtung geändert' }).last()
    expect(await edit.textContent()).toContain('Verpflichtung 7')
    await edit.locator('summary').click()
    const diff = await edit.locator('table.diff').textContent()
    expect(diff).toContain('Ausgangslage und bestehende Aktivitäten (deutsch)')
    expect(diff).not.toContain('Eigener Titel im Plan (deutsch)')

    await page.locator('#audit-action').selectOption('measure.')
    await page.getByRole('button', { name: 'Filter anwenden' }).click()
    await page.waitForURL(/action=measure\./)
    await page.getByText('Maßnahme wiederhergestellt').first().waitFor()
    const measures = await page.locator('main table').first().textContent()
    for (const action of ['Maßnahme angelegt', 'Maßnahme ausgeblendet', 'Maßnahme wiederhergestellt']) expect(measures).toContain(action)

    await page.locator('#audit-action').selectOption('membership.')
    await page.getByRole('button', { name: 'Filter anwenden' }).click()
    await page.waitForURL(/action=membership\./)
    await page.getByText('Person eingeladen').first().waitFor()

    await page.locator('#audit-action').selectOption('steering.')
    await page.getByRole('button', { name: 'Filter anwenden' }).click()
    await page.waitForURL(/action=steering\./)
    await page.getByText('Sitzung erfasst').first().waitFor()
    expect(await page.locator('main table').first().textContent()).toContain('Demo: Büro für Migration und Integration')
  })

  it('leaves the public pages as they were: the test measure hidden, the context text restored', async () => {
    const { page } = browser
    await visit(page, '/jena/verwaltung/plaene/1/massnahmen')
    await page.locator('#measure-search').fill('E2E')
    await page.getByRole('button', { name: 'Maßnahme E2E.1 ausblenden' }).first().click()
    await page.locator('.confirm').getByRole('button', { name: 'Maßnahme E2E.1 ausblenden' }).click()
    await page.getByText('Maßnahme E2E.1 ist ausgeblendet.').waitFor()
    await visit(page, '/jena/plans/1/commitments/7')
    expect(await page.locator('main').textContent()).not.toContain(marker)
  })

  it('saw no script errors and no CSP violations', () => {
    // The conflict (412) and the refused role change (409) are failed requests the browser logs.
    expect(browser.problems.filter((p) => !/status of (409|412)/.test(p))).toEqual([])
  })
})

const adminPages = {
  start: '/jena/verwaltung',
  plan: '/jena/verwaltung/plaene/1',
  commitment: '/jena/verwaltung/plaene/1/verpflichtungen/3',
  measures: '/jena/verwaltung/plaene/1/massnahmen',
  'new measure': '/jena/verwaltung/plaene/1/massnahmen/neu',
  'measure edit': '/jena/verwaltung/plaene/1/massnahmen/1',
  organisations: '/jena/verwaltung/organisationen',
  organisation: '/jena/verwaltung/organisationen/5',
  users: '/jena/verwaltung/personen',
  'steering group': '/jena/verwaltung/lenkungsgruppe',
  'new meeting': '/jena/verwaltung/lenkungsgruppe/sitzungen/neu',
  // Recorded by the workflow above (the first meeting of the demo city).
  meeting: '/jena/verwaltung/lenkungsgruppe/sitzungen/1',
  audit: '/jena/verwaltung/protokoll',
}

describe.each(['de', 'en'] as const)('axe (WCAG 2.1 AA) on the administration pages in %s', (locale) => {
  let browser: Browser
  beforeAll(async () => {
    browser = await openBrowser()
    await browser.page.goto('/')
    await setLanguage(browser.page, locale)
    await signIn(browser.page, demoAccounts.admin, '/jena/verwaltung')
  })
  afterAll(async () => { await browser?.close() })

  for (const [name, path] of Object.entries(adminPages)) {
    it(`reports no violations on the ${name} page`, async () => {
      const { page } = browser
      await visit(page, path)
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
      await openDisclosures(page)
      expect(await axeViolations(page)).toEqual([])
    })
  }

  it('reports no violations on a form showing its errors', async () => {
    const { page } = browser
    await visit(page, adminPages['new measure'])
    await page.locator('main form button[type="submit"]').last().click()
    await page.locator('.form-errors').waitFor()
    expect(await axeViolations(page)).toEqual([])
  })

  it('saw no script errors and no CSP violations', () => {
    expect(browser.problems).toEqual([])
  })
})

describe('axe on a phone-sized screen', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 })
    await signIn(browser.page, demoAccounts.admin, '/jena/verwaltung')
  })
  afterAll(async () => { await browser?.close() })

  it('reports no violations on the measure form and the audit log', async () => {
    for (const path of [adminPages['measure edit'], adminPages.audit, adminPages['steering group']]) {
      await visit(browser.page, path)
      expect(await axeViolations(browser.page)).toEqual([])
    }
  })
})
