import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { loadDemoData } from '../../demo/load-demo-data.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'
import { replayDemoReminders } from '../../demo/replay-demo-reminders.ts'

const testDb = await useTestDb()
// The embedded default: no SMTP_URL, so every mail is held for the admins.
const app = await buildApp({ config: testConfig({ DEMO_DATA: true }), db: testDb.db, logger: false })
afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('the Jena demo without configuration', () => {
  it('holds the reminders its end dates produce in the outbox the demo admin reads', async () => {
    await loadDemoData(testDb.db)
    // The demo plan runs to 31 December 2023, the end date of every measure without its own: start-up
    // replays four weeks, one week before and the day itself, as the server does after loading the demo.
    expect(await replayDemoReminders(testDb.db, app.mail.held)).toBeGreaterThan(0)
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'admin@jena.example', password: 'jena-demo-admin-2022' } })
    expect(signIn.statusCode).toBe(200)
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!
    const outbox = await app.inject({ method: 'GET', url: '/api/cities/jena/outbox?pageSize=100', headers: { cookie } })
    expect(outbox.statusCode).toBe(200)
    const reminders = outbox.json().items.filter((item: { kind: string }) => item.kind === 'deadline-reminders')
    expect(reminders.length).toBeGreaterThan(0)
    expect(reminders.every((item: { state: string }) => item.state === 'held')).toBe(true)
    // Measures of the editor's organisation go to the editor; those nobody answers for (the demo has no
    // steering-group accounts) go straight to the office.
    expect(new Set(reminders.map((item: { recipient: string }) => item.recipient))).toEqual(new Set(['editor@jena.example', 'admin@jena.example']))
    expect(reminders[0].subject).toMatch(/^Jena: .+ – fällig am 2023-12-31$/)
    // Newest first: the last one listed is the first recorded, four weeks before the end.
    const mail = await app.inject({ method: 'GET', url: `/api/cities/jena/outbox/${reminders.at(-1).id}`, headers: { cookie } })
    expect(mail.json().text).toContain('in 28 Tagen')
  })
})
