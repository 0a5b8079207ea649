import { randomUUID } from 'node:crypto'
import type { AccountMailKind, MailLanguage } from '@eccar/shared'
import { asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { memberships, notificationSettings, users } from '../../db/schema/index.ts'
import type { MailDesk } from './mail.plugin.ts'

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
  const [person] = await tx.select({ id: users.id, language: notificationSettings.language }).from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(eq(sql`lower(${users.email})`, mail.email.toLowerCase()))
  let cityId = mail.cityId ?? null
  if (cityId === null && person) {
    const [first] = await tx.select({ cityId: memberships.cityId }).from(memberships).where(eq(memberships.userId, person.id)).orderBy(asc(memberships.cityId)).limit(1)
    cityId = first?.cityId ?? null
  }
  const language: MailLanguage = person?.language ?? 'de'
  await desk.record(tx, { cityId, userId: person?.id ?? null, recipient: mail.email, kind: mail.kind, language, data: mail.data, key: randomUUID() })
}
