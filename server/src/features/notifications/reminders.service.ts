import type { AttentionReason, MailLanguage } from '@eccar/shared'
import type { Db } from '../../db/client.ts'
import { addDays, addMonths } from '../../lib/dates.ts'
import { attentionReasons } from '../attention/attention.service.ts'
import { recordMails, type NewMail } from './outbox.ts'
import { deadlineRecipients, isTheirs, officeAndSteering, wants } from './recipients.ts'
import { countChangesSince, listCities, listOpenCycles, listOpenMeasures, listPeople, type CityRow, type MeasureRow, type PersonRow } from './reminders.queries.ts'
import { dayInZone, daysBetween, dueStep, isoWeek, isoWeekday, meetingSteps, relativeDays } from './reminders.rules.ts'

const digestListMax = 25

const reasonLabels: Record<AttentionReason, Record<MailLanguage, string>> = {
  delayed: { de: 'verzögert', en: 'delayed' },
  overdue: { de: 'überfällig', en: 'overdue' },
  stale: { de: 'lange keine Statusmeldung', en: 'no status update for long' },
}

const what = { measure: { de: 'Die Maßnahme', en: 'The measure' }, cycle: { de: 'Der Berichtszyklus', en: 'The reporting cycle' } }

/**
 * Everything due on the city's day `today`: deadline reminders, meeting notices and weekly digests,
 * as mails with a key each. Pure apart from its input, so tests move the day freely.
 */
export function dueMails (city: CityRow, today: string, people: PersonRow[], measures: MeasureRow[], cycles: { id: number, title: string, titleEn: string | null, dueDate: string }[], changesLastWeek: number): NewMail[] {
  const out: NewMail[] = []
  const mail = (person: PersonRow, kind: NewMail['kind'], key: string, data: (language: MailLanguage) => Record<string, unknown>) =>
    out.push({ cityId: city.id, userId: person.userId, recipient: person.email, kind, language: person.language, key: `${city.id}:${key}`, data: { cityName: city.name, ...data(person.language) } })

  for (const measure of measures) {
    const due = dueStep(today, measure.endDate, city.reminderSteps)
    if (!due) continue
    const left = daysBetween(today, measure.endDate)
    for (const person of deadlineRecipients(people, measure.organisationIds, due.tier)) {
      mail(person, 'deadline-reminders', `measure:${measure.id}:${measure.endDate}:${due.step}`, (language) => ({
        what: what.measure[language],
        title: `${measure.code} ${language === 'en' ? measure.titleEn ?? measure.titleDe : measure.titleDe}`,
        dueDate: measure.endDate,
        when: relativeDays(left, language),
        link: `/${city.slug}/plans/${measure.planId}/measures/${measure.id}`,
      }))
    }
  }
  for (const cycle of cycles) {
    const due = dueStep(today, cycle.dueDate, city.reminderSteps)
    if (!due) continue
    const left = daysBetween(today, cycle.dueDate)
    for (const person of deadlineRecipients(people, 'all-editors', due.tier)) {
      mail(person, 'deadline-reminders', `cycle:${cycle.id}:${cycle.dueDate}:${due.step}`, (language) => ({
        what: what.cycle[language],
        title: language === 'en' ? cycle.titleEn ?? cycle.title : cycle.title,
        dueDate: cycle.dueDate,
        when: relativeDays(left, language),
        link: `/${city.slug}/berichte/${cycle.id}`,
      }))
    }
  }
  if (city.lastMeetingDate) {
    const meetingDue = addMonths(city.lastMeetingDate, city.steeringCadenceMonths)
    const due = dueStep(today, meetingDue, meetingSteps)
    if (due) {
      for (const person of officeAndSteering(people, 'meeting-due')) {
        mail(person, 'meeting-due', `meeting:${meetingDue}:${due.step}`, () => ({
          dueDate: meetingDue, lastMeeting: city.lastMeetingDate, link: `/${city.slug}/verwaltung/lenkungsgruppe`,
        }))
      }
    }
  }
  const weekday = isoWeekday(today)
  const week = isoWeek(today)
  for (const person of people) {
    if (person.digestDay !== weekday || !wants(person, 'weekly-digest')) continue
    const attention: { measure: MeasureRow, reasons: AttentionReason[] }[] = []
    for (const measure of measures) {
      if (!isTheirs(person, measure.organisationIds)) continue
      const reasons = attentionReasons({ status: measure.status as never, endDate: measure.endDate, lastUpdate: measure.lastUpdate, createdAt: new Date(`${measure.createdAt}T00:00:00Z`) }, { today, staleMonths: city.attentionStaleMonths })
      if (reasons.length > 0) attention.push({ measure, reasons })
      if (attention.length >= digestListMax) break
    }
    mail(person, 'weekly-digest', `digest:${week}`, (language) => ({
      hasAttention: attention.length > 0,
      attention: attention.map(({ measure, reasons }) => ({
        code: measure.code,
        title: language === 'en' ? measure.titleEn ?? measure.titleDe : measure.titleDe,
        reason: reasons.map((reason) => reasonLabels[reason][language]).join(', '),
        link: `/${city.slug}/plans/${measure.planId}/measures/${measure.id}`,
      })),
      changes: language === 'de' ? `${changesLastWeek} Statusmeldungen` : `${changesLastWeek} status updates`,
      link: `/${city.slug}/arbeitsbereich`,
    }))
  }
  return out
}

/**
 * One run over every city at the instant `now`: records what is due on each city's own day. Two
 * instances running it at once record each mail once (the key is unique), so it is safe anywhere.
 */
export async function runReminders (db: Db, held: boolean, now: Date = new Date()) {
  let recorded = 0
  for (const city of await listCities(db)) {
    const today = dayInZone(now, city.timeZone)
    const people = await listPeople(db, city.id)
    if (people.length === 0) continue
    const measures = await listOpenMeasures(db, city.id)
    const cycles = await listOpenCycles(db, city.id)
    const changes = await countChangesSince(db, city.id, addDays(today, -7))
    const mails = dueMails(city, today, people, measures, cycles, changes)
    for (let start = 0; start < mails.length; start += 500) {
      recorded += (await recordMails(db, mails.slice(start, start + 500), held, now)).length
    }
  }
  return recorded
}
