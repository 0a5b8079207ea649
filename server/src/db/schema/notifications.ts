import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { mailErrorCategories, mailKinds, mailLanguages } from '@eccar/shared'
import { users } from './accounts.ts'
import { cities } from './plans.ts'

export const mailKindEnum = pgEnum('mail_kind', mailKinds)
export const mailLanguageEnum = pgEnum('mail_language', mailLanguages)
// 'sending' is a claim while one instance talks to the SMTP server; the API shows it as queued.
export const mailStateEnum = pgEnum('mail_state', ['held', 'queued', 'sending', 'sent', 'retrying', 'failed'])
export const mailErrorEnum = pgEnum('mail_error', mailErrorCategories)

/** A person's choices; no row = the defaults (everything on, the digest off for people who only view). */
export const notificationSettings = pgTable('notification_settings', {
  userId: integer().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  language: mailLanguageEnum().notNull().default('de'),
  digestDay: smallint().notNull().default(1),
  // Only the kinds the person set explicitly: { "weekly-digest": true, ... }.
  kinds: jsonb().$type<Record<string, boolean>>().notNull().default({}),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * Every mail, sent or not: the outbox of a city without SMTP, and the record of who got what when.
 * The template data (which holds the body's contents, links included) is dropped once the SMTP server
 * accepted the mail. `idempotencyKey` makes a second instance's or a second run's copy impossible.
 */
export const mails = pgTable('mails', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().references(() => cities.id, { onDelete: 'cascade' }),
  userId: integer().references(() => users.id, { onDelete: 'set null' }),
  recipient: text().notNull(),
  kind: mailKindEnum().notNull(),
  language: mailLanguageEnum().notNull(),
  subject: text().notNull(),
  templateData: jsonb().$type<Record<string, unknown>>(),
  idempotencyKey: text().notNull(),
  // Authenticates the one-click unsubscribe of this mail's kind; only for kinds a person may turn off.
  unsubscribeToken: text(),
  state: mailStateEnum().notNull(),
  attempts: integer().notNull().default(0),
  nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastError: mailErrorEnum(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp({ withTimezone: true }),
}, (t) => [
  uniqueIndex('mails_idempotency').on(t.idempotencyKey),
  uniqueIndex('mails_unsubscribe_token').on(t.unsubscribeToken),
  index('mails_city_created').on(t.cityId, t.createdAt),
  index('mails_due').on(t.nextAttemptAt).where(sql`${t.state} in ('queued', 'retrying', 'sending')`),
])
