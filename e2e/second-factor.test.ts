import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, type Browser, demoAccounts, openBrowser, signIn, signOut, visit } from './browser'

// A person sets up an authenticator app and signs in with a code, in Chromium under the strict CSP.
// A new account of its own, so the demo accounts other files sign in with keep the password alone.
const person = { email: 'zwei-faktoren@jena.example', password: 'eine lange Passphrase für den Test' }

describe('second factor', () => {
  let browser: Browser
  let secret = ''
  beforeAll(async () => { browser = await openBrowser() })
  afterAll(async () => { await browser?.close() })

  it('sets up an authenticator app from the account bar and shows the recovery codes once', async () => {
    const { page } = browser
    await signIn(page, demoAccounts.admin)
    // The admin invites the address; the person chooses the password with the link (an admin sets none).
    const link = await page.evaluate(async (body) => {
      const session = await (await fetch('/api/session')).json() as { csrfToken: string }
      const res = await fetch('/api/cities/jena/users', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify(body),
      })
      return res.status === 201 ? (await res.json() as { link: { path: string } }).link.path : `status ${res.status}`
    }, { email: person.email, displayName: 'Zwei Faktoren', role: 'viewer' })
    expect(link).toMatch(/^\/invitation\//)
    await signOut(page)
    const accepted = await page.evaluate(async (body) => {
      const res = await fetch('/api/invitations/accept', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      if (!res.ok) return res.status
      const { csrfToken } = await res.json() as { csrfToken: string }
      await fetch('/api/session', { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } })
      return res.status
    }, { token: link.slice('/invitation/'.length), password: person.password })
    expect(accepted).toBe(200)

    await signIn(page, person)
    await page.locator('.account-bar').getByRole('link', { name: 'Zweiter Faktor' }).click()
    await page.getByRole('button', { name: 'Zweiten Faktor einrichten' }).click()
    const qr = page.locator('img.qr-code')
    await qr.waitFor()
    // The data: image loads under the CSP and is a real picture.
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('enrolment-heading')
    expect(await axeViolations(page)).toEqual([])
    secret = ((await page.locator('.secret-key').textContent()) ?? '').replace(/\s/g, '')
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)

    await page.locator('#enrolment-code').fill('000000')
    await page.getByRole('button', { name: 'Einrichtung abschließen' }).click()
    await expect.poll(() => page.locator('#enrolment-code-error').textContent()).toContain('Der Code stimmt nicht.')

    await page.locator('#enrolment-code').fill(await generate({ secret }))
    await page.getByRole('button', { name: 'Einrichtung abschließen' }).click()
    const codes = page.locator('.recovery-codes li')
    await codes.first().waitFor()
    expect(await codes.count()).toBe(10)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('recovery-codes-heading')
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Ich habe die Codes sicher aufbewahrt' }).click()
    await expect.poll(() => page.locator('main').textContent()).toContain('Noch 10 Wiederherstellungscodes übrig.')
  })

  it('signs in with the password and then a code typed with the keyboard', async () => {
    const { page } = browser
    await signOut(page)
    await visit(page, '/anmelden')
    await page.locator('#sign-in-email').fill(person.email)
    await page.locator('#sign-in-password').fill(person.password)
    await page.keyboard.press('Enter')
    const code = page.locator('#second-factor-code')
    await code.waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('second-factor-code')
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code')
    expect(await axeViolations(page)).toEqual([])
    // The code of the next 30-second step: the one used for the set-up cannot be used again.
    await page.keyboard.type(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }))
    await page.keyboard.press('Enter')
    await page.locator('.account-bar').waitFor()
    expect(await page.locator('.account-bar').textContent()).toContain('Zwei Faktoren')
    // The deliberately wrong code during set-up is the only failed request.
    expect(browser.problems.filter((p) => !p.includes('status of 400'))).toEqual([])
  })
})
