import type { Db } from '../db/client.ts'
import { runReminders } from '../features/notifications/reminders.service.ts'

// The Jena plan ran to 31 December 2023: at today's date none of its deadlines is near, so the outbox of a
// freshly started demo would stay empty. Replaying the days its end dates produced reminders (four weeks,
// one week before and on the day, the default steps) shows what a running city's office sees.
const demoReminderDays = ['2023-12-03', '2023-12-24', '2023-12-31'].map((day) => new Date(`${day}T08:00:00Z`))

/** Records the demo's reminders as held mails; only when mails are held, so none leaves a configured SMTP server. */
export async function replayDemoReminders (db: Db, held: boolean): Promise<number> {
  if (!held) return 0
  let recorded = 0
  for (const day of demoReminderDays) recorded += await runReminders(db, true, day)
  return recorded
}
