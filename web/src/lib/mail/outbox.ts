import type { MailKind, OutboxEntry } from '@eccar/shared'

/** The i18n key of a mail's state in words (`held` has its own wording: no mail server is set up). */
export const stateKey = (entry: Pick<OutboxEntry, 'state'>) => `mail.outbox.states.${entry.state}`

/** `deadline-reminders` → `deadlineReminders`: the kind's text key under `mail.kinds` / `mail.explain`. */
export const kindKey = (kind: MailKind) => kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
