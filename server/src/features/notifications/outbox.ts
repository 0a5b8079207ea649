import { randomBytes } from 'node:crypto'
import { notificationKinds, type MailKind, type MailLanguage, type NotificationKind } from '@eccar/shared'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.ts'
import { renderMail, renderSubject } from './mail.templates.ts'
import type { MailTransport } from './mail.transport.ts'
import { claimNextDueMail, insertNewMails, markMailNotAccepted, markMailSent, type MailRow } from './outbox.queries.ts'

export interface NewMail {
  cityId: number | null
  userId: number | null
  recipient: string
  kind: MailKind
  language: MailLanguage
  /** Template data; links are app paths. */
  data: Record<string, unknown>
  /** What makes this mail unique: the same key is never recorded (and so never sent) twice. */
  key: string
}

export type { MailRow }

export const maxAttempts = 8
/** 30 s, 1 min, 2 min … capped at an hour: a mail server that is down for a while loses nothing. */
export const retryDelayMs = (attempts: number) => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1))
/** A claim older than this belonged to an instance that died while sending; the mail is tried again. */
const staleClaimMs = 10 * 60_000

const isNotificationKind = (kind: MailKind): kind is NotificationKind => (notificationKinds as readonly string[]).includes(kind)

/**
 * Records a mail inside the caller's transaction; held when there is no SMTP server, else queued for
 * the delivery job. Answers the new id, or null when a mail with the same key exists already.
 */
export async function recordMail (tx: Db, mail: NewMail, held: boolean, now = new Date()): Promise<number | null> {
  return (await recordMails(tx, [mail], held, now))[0] ?? null
}

/** Several mails in one statement; answers the ids of those that were new. */
export async function recordMails (tx: Db, list: NewMail[], held: boolean, now = new Date()): Promise<number[]> {
  if (list.length === 0) return []
  return insertNewMails(tx, list.map((mail) => ({
    cityId: mail.cityId,
    userId: mail.userId,
    recipient: mail.recipient,
    kind: mail.kind,
    language: mail.language,
    subject: renderSubject(mail.kind, mail.language, mail.data),
    templateData: mail.data,
    idempotencyKey: `${mail.kind}:${mail.recipient.toLowerCase()}:${mail.key}`,
    unsubscribeToken: isNotificationKind(mail.kind) ? randomBytes(24).toString('base64url') : null,
    state: held ? 'held' as const : 'queued' as const,
    createdAt: now,
    nextAttemptAt: now,
  })))
}

/** Subject, text and HTML of a recorded mail, links made absolute, with its unsubscribe link. */
export function composeMail (row: MailRow, origin: string) {
  const unsubscribeUrl = row.unsubscribeToken ? `/abmelden/${row.unsubscribeToken}` : null
  const data = { ...row.templateData, ...(unsubscribeUrl ? { unsubscribeUrl, settingsUrl: '/konto/benachrichtigungen' } : {}) }
  return {
    ...renderMail(row.kind, row.language, data, origin),
    // The one-click POST goes to the API; the link in the body opens the web page that explains it.
    oneClickUrl: row.unsubscribeToken ? `${origin}/api/unsubscribe/${row.unsubscribeToken}` : null,
  }
}

export interface DeliveryOptions {
  db: Db
  transport: MailTransport
  origin: string
  log: FastifyBaseLogger
  now?: () => Date
  /** Stop after this many mails, so one run cannot hold a worker for ever. */
  limit?: number
}

/**
 * Sends every mail that is due, one at a time. A mail is claimed with an update that skips rows
 * another instance holds, so two instances never send the same mail; the claim is committed before
 * talking to the SMTP server, so no transaction stays open over the network.
 */
export async function deliverDueMails ({ db, transport, origin, log, now = () => new Date(), limit = 500 }: DeliveryOptions) {
  let sent = 0
  let failed = 0
  for (let done = 0; done < limit; done++) {
    const at = now()
    const row = await claimNextDueMail(db, at, new Date(at.getTime() - staleClaimMs))
    if (!row) break
    const composed = composeMail(row, origin)
    const outcome = await transport.send({
      to: row.recipient,
      subject: composed.subject,
      text: composed.text,
      html: composed.html,
      language: row.language,
      unsubscribeUrl: composed.oneClickUrl,
      messageId: `<mail-${row.id}-${row.idempotencyKey.length}.${row.createdAt.getTime()}@eccar-tracker>`,
    })
    if (outcome.ok) {
      sent++
      // Once the SMTP server has it, the body (and any link in it) is no longer kept.
      await markMailSent(db, row.id, now())
    } else {
      const final = !outcome.temporary || row.attempts >= maxAttempts
      if (final) failed++
      await markMailNotAccepted(db, row.id, { final, lastError: outcome.category, nextAttemptAt: new Date(now().getTime() + retryDelayMs(row.attempts)) })
      log.warn({ event: 'mail-failed', mailId: row.id, kind: row.kind, attempts: row.attempts, category: outcome.category, final }, 'mail not accepted')
    }
  }
  return { sent, failed }
}

/** Without SMTP, held mails are written to the development log so the two-command start shows them; never elsewhere. */
export function logHeldMail (log: FastifyBaseLogger, nodeEnv: string, row: Pick<MailRow, 'id' | 'kind'>) {
  // Id and kind only: the address, subject and body (with its links) stay in the outbox.
  if (nodeEnv === 'development') log.info({ event: 'mail-held', mailId: row.id, kind: row.kind }, 'mail held in the outbox (no SMTP_URL)')
}

