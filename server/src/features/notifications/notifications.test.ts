import { eq } from 'drizzle-orm'
import type { ParsedMail } from 'mailparser'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { auditLog, mails, notificationSettings } from '../../db/schema/index.ts'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan } from '../../../test/helpers/factories.ts'
import { startSmtpServer } from '../../../test/helpers/smtp.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'
import { deliverDueMails } from './outbox.ts'
import { runReminders } from './reminders.service.ts'

// http: the test sessions use the plain cookie name (https would require __Host-sid).
const origin = 'http://aktionsplan.example.org'
const testDb = await useTestDb()
const smtp = await startSmtpServer()
const app = await buildApp({ config: testConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Tracker <tracker@example.org>', PUBLIC_ORIGIN: origin }), db: testDb.db, logger: false })
const heldApp = await buildApp({ config: testConfig({ PUBLIC_ORIGIN: origin }), db: testDb.db, logger: false })
afterAll(async () => {
  await app.close()
  await heldApp.close()
  await smtp.close()
  await testDb.close()
})

// Thursday 3 December 2026, 9:00 in Berlin: four weeks before the measure's end date.
const now = new Date('2026-12-03T08:00:00Z')
const later = (days: number) => new Date(now.getTime() + days * 86_400_000)
const deliver = (at: Date) => deliverDueMails({ db: testDb.db, transport: app.mail.transport!, origin, log: app.log, now: () => at })

async function scenario () {
  const city = await buildCity(testDb.db, { slug: 'jena', name: 'Jena' })
  const office = await buildOrganisation(testDb.db, city.id, { name: 'Büro für Integration' })
  const plan = await buildPlan(testDb.db, { cityId: city.id })
  const measure = await buildMeasure(testDb.db, plan, { titleDe: 'Schulungen <für> Ämter', titleEn: 'Training for offices', endDate: '2026-12-31', leadOrganisationId: office.id, status: 'in_progress' })
  const german = await buildSignedInUser(testDb.db, { email: 'de@example.org', memberships: [{ cityId: city.id, role: 'editor', organisationIds: [office.id] }] })
  const english = await buildSignedInUser(testDb.db, { email: 'en@example.org', memberships: [{ cityId: city.id, role: 'editor', organisationIds: [office.id] }] })
  await testDb.db.insert(notificationSettings).values({ userId: english.user.id, language: 'en' })
  const admin = await buildSignedInUser(testDb.db, { email: 'admin@example.org', memberships: [{ cityId: city.id, role: 'admin' }] })
  const viewer = await buildSignedInUser(testDb.db, { email: 'viewer@example.org', memberships: [{ cityId: city.id, role: 'viewer' }] })
  return { city, plan, measure, german, english, admin, viewer }
}

const byRecipient = (address: string) => smtp.received.find((mail) => (mail.to as { text: string }).text === address)!
const header = (mail: ParsedMail, name: string) => {
  const value = mail.headers.get(name)
  return typeof value === 'string' ? value : JSON.stringify(value)
}

beforeEach(async () => {
  await testDb.reset()
  smtp.received.length = 0
})

describe('deadline reminders through a real SMTP server', () => {
  it('sends the four-week reminder to the lead organisation\'s people, each in their language, with a one-click unsubscribe', async () => {
    const { city, plan, measure } = await scenario()
    expect(await runReminders(testDb.db, false, now)).toBe(2)
    expect(await deliver(now)).toEqual({ sent: 2, failed: 0 })

    const german = byRecipient('de@example.org')
    expect(german.subject).toBe(`Jena: ${measure.code} Schulungen <für> Ämter – fällig am 2026-12-31`)
    expect(german.text).toContain('in 28 Tagen')
    expect((german.from as { value: { address: string }[] }).value[0]!.address).toBe('tracker@example.org')
    const measurePage = `${origin}/${city.slug}/plans/${plan.id}/measures/${measure.id}`
    expect(german.text).toContain(measurePage)
    // Escaped in the HTML part: a title cannot inject markup.
    expect(german.html).toContain('Schulungen &lt;für&gt; Ämter')
    expect(german.html).toContain(`href="${measurePage}"`)
    const english = byRecipient('en@example.org')
    expect(english.subject).toBe(`Jena: ${measure.code} Training for offices – due on 2026-12-31`)
    expect(english.text).toContain('in 28 days')
    expect(header(english, 'content-language')).toBe('en')

    // RFC 8058: the header names the API address, and a form post with One-Click unsubscribes.
    expect(header(german, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    const oneClick = /<(http:[^>]+)>/.exec(header(german, 'list-unsubscribe'))![1]!
    expect(oneClick).toMatch(new RegExp(`^${origin}/api/unsubscribe/[\\w-]+$`))
    const token = oneClick.split('/').at(-1)!
    expect(german.text).toContain(`${origin}/abmelden/${token}`)
    const post = await app.inject({ method: 'POST', url: `/api/unsubscribe/${token}`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(post.statusCode).toBe(200)
    expect(post.json()).toEqual({ kind: 'deadline-reminders', language: 'de', unsubscribed: true })
    expect((await app.inject({ method: 'GET', url: `/api/unsubscribe/${token}` })).json()).toMatchObject({ unsubscribed: true })

    // A week before, only the person who stayed subscribed hears again.
    await runReminders(testDb.db, false, later(21))
    await deliver(later(21))
    expect(smtp.received.slice(2).map((mail) => (mail.to as { text: string }).text)).toEqual(['en@example.org'])
  })

  it('records each reminder once however often the job runs, and keeps no body once it is sent', async () => {
    await scenario()
    expect(await runReminders(testDb.db, false, now)).toBe(2)
    expect(await runReminders(testDb.db, false, later(0.5))).toBe(0)
    await deliver(now)
    await deliver(now)
    expect(smtp.received).toHaveLength(2)
    const rows = await testDb.db.select().from(mails)
    expect(rows.map((row) => [row.state, row.templateData, row.attempts])).toEqual([['sent', null, 1], ['sent', null, 1]])
  })

  it('retries with back-off when the server refuses for now, and loses nothing', async () => {
    await scenario()
    await runReminders(testDb.db, false, now)
    smtp.refuseNext(3)
    expect(await deliver(now)).toEqual({ sent: 0, failed: 0 })
    const [first] = await testDb.db.select().from(mails).where(eq(mails.recipient, 'de@example.org'))
    expect(first).toMatchObject({ state: 'retrying', lastError: 'temporary', attempts: 1 })
    expect(await deliver(new Date(now.getTime() + 5_000))).toEqual({ sent: 0, failed: 0 })
    // 30 s later the first retry: one more refusal, then accepted.
    expect(await deliver(new Date(now.getTime() + 31_000))).toEqual({ sent: 1, failed: 0 })
    expect(await deliver(new Date(now.getTime() + 3_600_000))).toEqual({ sent: 1, failed: 0 })
    expect(smtp.received.map((mail) => (mail.to as { text: string }).text).sort()).toEqual(['de@example.org', 'en@example.org'])
    expect((await testDb.db.select().from(mails)).every((row) => row.state === 'sent')).toBe(true)
  })

  it('escalates: on the day the steering group, a week overdue the office', async () => {
    const { city } = await scenario()
    const steering = await buildSignedInUser(testDb.db, { email: 'lenkung@example.org', memberships: [{ cityId: city.id, role: 'editor' }] })
    await runReminders(testDb.db, false, later(28))
    const onTheDay = (await testDb.db.select().from(mails)).map((row) => row.recipient).sort()
    expect(onTheDay).toEqual(['de@example.org', 'en@example.org', steering.user.email])
    await testDb.db.delete(mails)
    await runReminders(testDb.db, false, later(35))
    expect((await testDb.db.select().from(mails)).map((row) => row.recipient).sort()).toEqual(['admin@example.org', 'de@example.org', 'en@example.org', steering.user.email])
  })
})

describe('weekly digest', () => {
  it('goes on the person\'s digest day, once a week, and not to viewers unless they ask', async () => {
    const { viewer } = await scenario()
    // Monday 7 December 2026 is everyone's default digest day.
    await runReminders(testDb.db, true, later(4))
    const digests = (await testDb.db.select().from(mails).where(eq(mails.kind, 'weekly-digest'))).map((row) => row.recipient).sort()
    expect(digests).toEqual(['admin@example.org', 'de@example.org', 'en@example.org'])
    const put = await heldApp.inject({ method: 'PUT', url: '/api/me/notifications', headers: viewer.headers, payload: { language: 'en', digestDay: 1, kinds: [{ kind: 'weekly-digest', enabled: true }] } })
    expect(put.statusCode).toBe(200)
    expect(await runReminders(testDb.db, true, later(4.2))).toBe(1)
  })
})

describe('settings', () => {
  it('lists every kind with its default, saves the person\'s choice and audits it', async () => {
    const { viewer } = await scenario()
    const read = await heldApp.inject({ method: 'GET', url: '/api/me/notifications', headers: viewer.headers })
    expect(read.json()).toEqual({
      language: 'de',
      digestDay: 1,
      kinds: [
        { kind: 'deadline-reminders', enabled: true }, { kind: 'weekly-digest', enabled: false },
        { kind: 'meeting-due', enabled: true }, { kind: 'cycle-changes', enabled: true },
      ],
    })
    const put = await heldApp.inject({ method: 'PUT', url: '/api/me/notifications', headers: viewer.headers, payload: { language: 'en', digestDay: 5, kinds: [{ kind: 'meeting-due', enabled: false }] } })
    expect(put.json()).toMatchObject({ language: 'en', digestDay: 5, kinds: expect.arrayContaining([{ kind: 'meeting-due', enabled: false }]) })
    expect(await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'user.notifications.update'))).toHaveLength(1)
    expect((await heldApp.inject({ method: 'GET', url: '/api/me/notifications' })).statusCode).toBe(401)
  })

  it('refuses an unknown unsubscribe token with 404', async () => {
    const res = await heldApp.inject({ method: 'POST', url: '/api/unsubscribe/abcdefghijklmnopqrstuvwxyz012345', payload: {} })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('UNSUBSCRIBE_TOKEN_UNKNOWN')
  })

  it('lets the city\'s admins set the reminder steps and the time zone, with the city\'s version', async () => {
    const { city, admin, german } = await scenario()
    const read = await heldApp.inject({ method: 'GET', url: `/api/cities/${city.slug}/reminder-settings`, headers: admin.headers })
    expect(read.json()).toEqual({ timeZone: 'Europe/Berlin', steps: [28, 7, 0, -7], version: city.version })
    const url = `/api/cities/${city.slug}/reminder-settings`
    const payload = { timeZone: 'America/New_York', steps: [14, 0] }
    expect((await heldApp.inject({ method: 'PUT', url, headers: admin.headers, payload })).statusCode).toBe(428)
    const wrongZone = await heldApp.inject({ method: 'PUT', url, headers: { ...admin.headers, 'if-match': `"${city.version}"` }, payload: { ...payload, timeZone: 'Mars/Olympus' } })
    expect(wrongZone.json().code).toBe('TIME_ZONE_UNKNOWN')
    const put = await heldApp.inject({ method: 'PUT', url, headers: { ...admin.headers, 'if-match': `"${city.version}"` }, payload })
    expect(put.json()).toEqual({ timeZone: 'America/New_York', steps: [14, 0], version: city.version + 1 })
    expect((await heldApp.inject({ method: 'GET', url, headers: german.headers })).statusCode).toBe(403)
  })
})

describe('the outbox without SMTP', () => {
  it('holds the mails for the city\'s admins, with their text, but never a password-reset link', async () => {
    const { city, admin } = await scenario()
    await runReminders(testDb.db, true, now)
    expect((await heldApp.inject({ method: 'POST', url: '/api/password-reset', payload: { email: 'de@example.org' } })).statusCode).toBe(202)
    const page = await heldApp.inject({ method: 'GET', url: `/api/cities/${city.slug}/outbox?pageSize=10`, headers: admin.headers })
    expect(page.statusCode).toBe(200)
    const body = page.json()
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 10 })
    expect(body.items[0]).toMatchObject({ kind: 'password-reset', recipient: 'de@example.org', state: 'held', attempts: 0, sentAt: null, lastError: null })
    const reset = await heldApp.inject({ method: 'GET', url: `/api/cities/${city.slug}/outbox/${body.items[0].id}`, headers: admin.headers })
    expect(reset.json()).toMatchObject({ text: null, html: null })
    const reminder = body.items.find((item: { kind: string }) => item.kind === 'deadline-reminders')
    const detail = await heldApp.inject({ method: 'GET', url: `/api/cities/${city.slug}/outbox/${reminder.id}`, headers: admin.headers })
    expect(detail.json().text).toContain(`${origin}/${city.slug}/plans/`)
    const other = await buildCity(testDb.db)
    const stranger = await buildSignedInUser(testDb.db, { memberships: [{ cityId: other.id, role: 'admin' }] })
    expect((await heldApp.inject({ method: 'GET', url: `/api/cities/${city.slug}/outbox`, headers: stranger.headers })).statusCode).toBe(404)
    expect((await heldApp.inject({ method: 'GET', url: `/api/cities/${other.slug}/outbox/${reminder.id}`, headers: stranger.headers })).statusCode).toBe(404)
  })
})
