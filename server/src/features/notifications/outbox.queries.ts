import { eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { mails } from '../../db/schema/index.ts'

export type MailRow = typeof mails.$inferSelect

/** Inserts the mails whose idempotency key is new, in one statement; answers the ids of those inserted. */
export async function insertNewMails (db: Db, rows: (typeof mails.$inferInsert)[]) {
  const inserted = await db.insert(mails).values(rows).onConflictDoNothing({ target: mails.idempotencyKey }).returning({ id: mails.id })
  return inserted.map((row) => row.id)
}

/**
 * Claims the next due mail (queued or retrying and due, or a claim older than `stale`): counts the attempt
 * and marks it sending. Rows another instance holds are skipped, so two instances never claim the same mail.
 */
export async function claimNextDueMail (db: Db, at: Date, stale: Date): Promise<MailRow | null> {
  const due = db.select({ id: mails.id }).from(mails)
    .where(sql`(${mails.state} in ('queued', 'retrying') and ${mails.nextAttemptAt} <= ${at}) or (${mails.state} = 'sending' and ${mails.nextAttemptAt} <= ${stale})`)
    .orderBy(mails.nextAttemptAt, mails.id).limit(1).for('update', { skipLocked: true })
  const [row] = await db.update(mails)
    .set({ state: 'sending', attempts: sql`${mails.attempts} + 1`, nextAttemptAt: at })
    .where(inArray(mails.id, due)).returning()
  return row ?? null
}

/** The SMTP server took the mail: sent, and its body (with any link in it) is no longer kept. */
export async function markMailSent (db: Db, id: number, sentAt: Date) {
  await db.update(mails).set({ state: 'sent', sentAt, lastError: null, templateData: null }).where(eq(mails.id, id))
}

/** The SMTP server refused the mail: failed for good, or to be retried at `nextAttemptAt`. */
export async function markMailNotAccepted (db: Db, id: number, outcome: { final: boolean, lastError: NonNullable<MailRow['lastError']>, nextAttemptAt: Date }) {
  await db.update(mails).set({
    state: outcome.final ? 'failed' : 'retrying',
    lastError: outcome.lastError,
    nextAttemptAt: outcome.nextAttemptAt,
  }).where(eq(mails.id, id))
}
