import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestProvider, type TestProvider } from '../server/test/helpers/oidc-provider'
import { axeViolations, baseUrl, type Browser, demoAccounts, openBrowser, signIn, visit } from './browser'

// Single sign-on end to end: a real OpenID Connect provider (oidc-provider) runs inside the test; the
// demo admin sets it up on the admin screen, then the demo editor signs in through it in Chromium,
// and someone the city never invited is sent back with an explanation. The settings are removed at the end.

describe('signing in with the city\'s own account', () => {
  let browser: Browser
  let provider: TestProvider

  beforeAll(async () => {
    provider = await startTestProvider({ clients: [{ clientId: 'aktionsplan', redirectUris: [`${baseUrl}/api/auth/oidc/jena/callback`] }] })
    provider.accounts.set('eda', { email: 'editor@jena.example', email_verified: true, name: 'Eda Editor' })
    provider.accounts.set('fremd', { email: 'jemand@anderswo.example', email_verified: true })
    browser = await openBrowser()
  })

  afterAll(async () => {
    if (browser) {
      // Leave the shared server as found: the other suites expect the sign-in page without the button.
      await browser.context.clearCookies()
      await signIn(browser.page, demoAccounts.admin, '/jena/verwaltung')
      await browser.page.evaluate(async () => {
        const session = await (await fetch('/api/session')).json() as { csrfToken: string }
        const current = await fetch('/api/cities/jena/identity-provider')
        if (!current.ok) return
        const etag = current.headers.get('etag') ?? ''
        await fetch('/api/cities/jena/identity-provider', { method: 'DELETE', headers: { 'x-csrf-token': session.csrfToken, 'if-match': etag } })
      })
      await browser.close()
    }
    await provider?.close()
  })

  it('lets the plan\'s admin set up the provider on an accessible admin screen', async () => {
    const { page } = browser
    await signIn(page, demoAccounts.admin, '/jena/verwaltung/anmeldung')
    expect(await page.locator('main h1').textContent()).toBe('Anmeldung mit Stadt-Konto')
    expect(await page.locator('main').textContent()).toContain(`${baseUrl}/api/auth/oidc/jena/callback`)

    // An incomplete form names its problems in the error summary first.
    await page.locator('#idp-displayName').fill('Stadtverwaltung Jena')
    await page.getByRole('button', { name: 'Anmeldung mit Stadt-Konto einrichten' }).click()
    const summary = page.locator('main form.admin-form [role="alert"]').first()
    await summary.waitFor()
    expect(await summary.textContent()).toContain('Client-ID')

    await page.locator('#idp-issuer').fill(provider.issuer)
    await page.locator('#idp-clientId').fill('aktionsplan')
    await page.getByRole('button', { name: 'Anmeldung mit Stadt-Konto einrichten' }).click()
    const status = page.locator('main form.admin-form .form-status')
    await expect.poll(async () => (await status.textContent())?.trim()).toBe('Die Einstellungen sind gespeichert.')
    expect(await axeViolations(page)).toEqual([])
  })

  it('signs the editor in through the provider and back to the page that asked for it', async () => {
    const { page, context, problems } = browser
    await context.clearCookies()
    await visit(page, '/anmelden?redirect=/jena/arbeitsbereich')
    const button = page.getByRole('link', { name: 'Mit Stadtverwaltung Jena anmelden' })
    expect(await axeViolations(page)).toEqual([])
    await button.click()

    // The provider's own sign-in page.
    await page.waitForURL((url) => url.origin === provider.issuer)
    await page.locator('#login').fill('eda')
    await page.getByRole('button', { name: 'Sign in' }).click()

    await page.waitForURL(`${baseUrl}/jena/arbeitsbereich`)
    await page.locator('.account-bar').waitFor()
    await page.locator('.load-state').waitFor({ state: 'detached' })
    const session = await page.evaluate(async () => (await fetch('/api/session')).json()) as { user: { email: string, memberships: { citySlug: string, role: string }[] } }
    expect(session.user.email).toBe('editor@jena.example')
    expect(session.user.memberships).toEqual([expect.objectContaining({ citySlug: 'jena', role: 'editor' })])
    expect(problems.filter((p) => p.includes('CSP'))).toEqual([])
  })

  it('sends someone the city has not invited back to the sign-in page with an explanation', async () => {
    const { page, context } = browser
    await context.clearCookies()
    await visit(page, '/anmelden')
    await page.getByRole('link', { name: 'Mit Stadtverwaltung Jena anmelden' }).click()
    await page.waitForURL((url) => url.origin === provider.issuer)
    await page.locator('#login').fill('fremd')
    await page.getByRole('button', { name: 'Sign in' }).click()

    await page.waitForURL((url) => url.pathname === '/anmelden' && url.searchParams.get('sso_error') === 'SSO_NOT_INVITED')
    const alert = page.locator('main [role="alert"]').first()
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Mit diesem Konto dürfen Sie sich für diese Stadt nicht anmelden.')
    const session = await page.evaluate(async () => (await fetch('/api/session')).json()) as { user: unknown }
    expect(session.user).toBeNull()
  })
})
