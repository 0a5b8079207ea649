import type { CycleState, MailLanguage } from '@eccar/shared'
import type { Db } from '../../db/client.ts'
import type { MailDesk } from './mail.plugin.ts'
import { findCycleWithCity } from './notifications.queries.ts'
import { officeAndSteering } from './recipients.ts'
import { listPeople } from './reminders.queries.ts'

const announced: Partial<Record<CycleState, Record<MailLanguage, string>>> = {
  in_review: { de: 'in Prüfung', en: 'in review' },
  approved: { de: 'freigegeben', en: 'approved' },
  submitted: { de: 'eingereicht', en: 'submitted' },
}

/** Tells the office and the steering group that a cycle moved on; inside the transition's transaction. */
export async function recordCycleChangeMails (tx: Db, desk: MailDesk, cycleId: number) {
  const found = await findCycleWithCity(tx, cycleId)
  const state = found && announced[found.cycle.state]
  if (!found || !state) return
  const { cycle, city } = found
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
        cityName: city.name,
        title: person.language === 'en' ? cycle.titleEn ?? cycle.title : cycle.title,
        state: state[person.language],
        link: `/${city.slug}/berichte/${cycle.id}`,
      },
    })
  }
}
