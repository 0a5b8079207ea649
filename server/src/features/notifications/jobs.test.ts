import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { openDatabase, type DatabaseHandle } from '../../db/client.ts'
import { mails } from '../../db/schema/index.ts'
import { addDays } from '../../lib/dates.ts'
import { buildUser } from '../../../test/helpers/auth.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan } from '../../../test/helpers/factories.ts'
import { startSmtpServer } from '../../../test/helpers/smtp.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'
import { dayInZone } from './reminders.rules.ts'

const testDb = await useTestDb()
const smtp = await startSmtpServer()
const config = testConfig({ SMTP_URL: smtp.url, JOBS: true, PUBLIC_ORIGIN: 'http://tracker.example.org' })
afterAll(async () => {
  await smtp.close()
  await testDb.close()
})

/** A measure whose four-week reminder is due today in Berlin, for two people of its lead organisation. */
async function measureDueInFourWeeks () {
  const city = await buildCity(testDb.db, { slug: 'jena', name: 'Jena' })
  const office = await buildOrganisation(testDb.db, city.id)
  const plan = await buildPlan(testDb.db, { cityId: city.id })
  await buildMeasure(testDb.db, plan, { endDate: addDays(dayInZone(new Date(), 'Europe/Berlin'), 28), leadOrganisationId: office.id, status: 'in_progress' })
  for (const email of ['eins@example.org', 'zwei@example.org']) {
    await buildUser(testDb.db, { email, memberships: [{ cityId: city.id, role: 'editor', organisationIds: [office.id] }] })
  }
}

const pendingJobs = async () => Number(((await testDb.db.execute(sql`select count(*)::int as n from pgboss.job where state in ('created', 'retry', 'active')`)) as unknown as { rows: { n: number }[] }).rows[0]!.n)

describe('the job queue', () => {
  beforeAll(async () => {
    await testDb.reset()
    smtp.received.length = 0
    await measureDueInFourWeeks()
  })

  it('runs the reminders on start and sends them through the queue, on this database', async () => {
    const app = await buildApp({ config, db: testDb.db, logger: false })
    await app.ready()
    try {
      await vi.waitFor(async () => {
        expect(smtp.received).toHaveLength(2)
        expect(await pendingJobs()).toBe(0)
      }, { timeout: 60_000, interval: 200 })
      expect((await testDb.db.select().from(mails)).map((row) => row.state)).toEqual(['sent', 'sent'])
    } finally {
      await app.close()
    }
  }, 120_000)

  // Several instances only exist on PostgreSQL; the embedded database belongs to one process.
  it.runIf(testDb.driver === 'postgres')('sends each reminder exactly once with two instances on one PostgreSQL', async () => {
    await testDb.reset()
    smtp.received.length = 0
    await measureDueInFourWeeks()
    const second: DatabaseHandle = await openDatabase({ url: testDb.url, applicationName: 'eccar-test-second' })
    const first = await buildApp({ config, db: testDb.db, logger: false })
    const other = await buildApp({ config, db: second.db, logger: false })
    try {
      await Promise.all([first.ready(), other.ready()])
      await vi.waitFor(async () => {
        expect(smtp.received.length).toBeGreaterThanOrEqual(2)
        expect(await pendingJobs()).toBe(0)
      }, { timeout: 60_000, interval: 200 })
      // Both instances now run the day's reminders and the delivery again, at the same time.
      await Promise.all([first, other].flatMap((app) => [app.mail.jobs()!.runRemindersNow(), app.mail.jobs()!.kick()]))
      await vi.waitFor(async () => expect(await pendingJobs()).toBe(0), { timeout: 60_000, interval: 200 })
      expect(smtp.received.map((mail) => (mail.to as { text: string }).text).sort()).toEqual(['eins@example.org', 'zwei@example.org'])
      expect(await testDb.db.select().from(mails)).toHaveLength(2)
    } finally {
      await first.close()
      await other.close()
      await second.close()
    }
  }, 180_000)
})
