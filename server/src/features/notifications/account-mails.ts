import { randomUUID } from 'node:crypto'
import type { AccountMailKind, MailLanguage } from '@eccar/shared'
import type { Db } from '../../db/client.ts'
import type { MailDesk } from './mail.plugin.ts'
import { findAccountByEmail, firstCityOfPerson } from './notifications.queries.ts'

export interface AccountMail {
  kind: AccountMailKind
  email: string
  /** The city whose admin acted; else the person's first city (by id), so their city's outbox shows it. */
  cityId?: number | null
  data: Record<string, unknown>
}

/**
 * Records an invitation, password-reset or second-factor-reset mail inside the caller's transaction.
 * Each request is its own mail (a second reset request is a second mail), so the key is random.
 */
export async function recordAccountMail (tx: Db, desk: MailDesk, mail: AccountMail) {
  const person = await findAccountByEmail(tx, mail.email)
  let cityId = mail.cityId ?? null
  if (cityId === null && person) cityId = await firstCityOfPerson(tx, person.id)
  const language: MailLanguage = person?.language ?? 'de'
  await desk.record(tx, { cityId, userId: person?.id ?? null, recipient: mail.email, kind: mail.kind, language, data: mail.data, key: randomUUID() })
}
