import type { CycleState, MailLanguage } from '@eccar/shared'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cities, reportingCycles } from '../../db/schema/index.ts'
import type { MailDesk } from './mail.plugin.ts'
import { officeAndSteering } from './recipients.ts'
import { listPeople } from './reminders.queries.ts'

const announced: Partial<Record<CycleState, Record<MailLanguage, string>>> = {
  in_review: { de: 'in Prüfung', en: 'in review' },
  approved: { de: 'freigegeben', en: 'approved' },
  submitted: { de: 'eingereicht', en: 'submitted' },
}

/** Tells the office and the steering group that a cycle moved on; inside the transition's transaction. */
export async function recordCycleChangeMails (tx: Db, desk: MailDesk, cycleId: number) {
  const [cycle] = await tx.select().from(reportingCycles).where(eq(reportingCycles.id, cycleId))
  const state = cycle && announced[cycle.state]
  if (!cycle || !state) return
  const [city] = await tx.select({ slug: cities.slug, name: cities.name }).from(cities).where(eq(cities.id, cycle.cityId))
  for (const person of officeAndSteering(await listPeople(tx, cycle.cityId), 'cycle-changes')) {
    await desk.record(tx, {
      cityId: cycle.cityId,
      userId: person.userId,
      recipient: person.email,
      kind: 'cycle-changes',
      language: person.language,
      // The version makes a cycle that comes back to review after a withdrawal a new mail.
      key: `${cycle.cityId}:cycle:${cycle.id}:${cycle.version}`,
      data: {
        cityName: city!.name,
        title: person.language === 'en' ? cycle.titleEn ?? cycle.title : cycle.title,
        state: state[person.language],
        link: `/${city!.slug}/berichte/${cycle.id}`,
      },
    })
  }
}
