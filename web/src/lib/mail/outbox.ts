import type { MailKind, OutboxEntry } from '@eccar/shared'

/** The i18n key of a mail's state in words (`held` has its own wording: no mail server is set up). */
export const stateKey = (entry: Pick<OutboxEntry, 'state'>) => `mail.outbox.states.${entry.state}`

/** Pages of a list of `total` items, at least one (an empty outbox still has its first page). */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize))

/** A page number from the address (`?seite=3`): whole and at least 1, else the first page. */
export function pageFromQuery (value: unknown): number {
  const raw = Array.isArray(value) ? value[0] : value
  const page = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1
  return page >= 1 ? page : 1
}

/** `deadline-reminders` → `deadlineReminders`: the kind's text key under `mail.kinds` / `mail.explain`. */
export const kindKey = (kind: MailKind) => kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
