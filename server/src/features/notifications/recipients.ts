import type { NotificationKind } from '@eccar/shared'
import type { PersonRow } from './reminders.queries.ts'
import type { Tier } from './reminders.rules.ts'

/** A kind is on unless the person turned it off; the digest is off for viewers until they turn it on. */
export function wants (person: Pick<PersonRow, 'kinds' | 'role'>, kind: NotificationKind): boolean {
  const chosen = person.kinds[kind]
  if (typeof chosen === 'boolean') return chosen
  return !(kind === 'weekly-digest' && person.role === 'viewer')
}

const isOrganisationEditor = (person: PersonRow, organisationIds: readonly number[]) =>
  person.role === 'editor' && person.organisationIds.some((id) => organisationIds.includes(id))
/** The steering group: editors whose work is not limited to some organisations (`editor` is labelled so). */
const isSteering = (person: PersonRow) => person.role === 'editor' && person.organisationIds.length === 0
const isOffice = (person: PersonRow) => person.role === 'admin'

/**
 * Who a deadline reminder reaches at a tier. The organisations' editors first; where a measure has
 * nobody of its own (about half do, in practice), the steering group already at the first tier.
 */
export function deadlineRecipients (people: readonly PersonRow[], organisationIds: readonly number[] | 'all-editors', tier: Tier): PersonRow[] {
  const own = people.filter((person) => (organisationIds === 'all-editors' ? person.role === 'editor' : isOrganisationEditor(person, organisationIds)))
  const chosen = new Set(own)
  if (tier !== 'organisations' || own.length === 0) for (const person of people.filter(isSteering)) chosen.add(person)
  if (tier === 'office' || chosen.size === 0) for (const person of people.filter(isOffice)) chosen.add(person)
  return people.filter((person) => chosen.has(person) && wants(person, 'deadline-reminders'))
}

/** The office and the steering group: meeting notices and cycle changes. */
export const officeAndSteering = (people: readonly PersonRow[], kind: NotificationKind) =>
  people.filter((person) => (isOffice(person) || isSteering(person)) && wants(person, kind))

/** The measures a person answers for: their organisations' measures, or all of the plan when unlimited. */
export const isTheirs = (person: PersonRow, organisationIds: readonly number[]) =>
  person.organisationIds.length === 0 || person.organisationIds.some((id) => organisationIds.includes(id))
