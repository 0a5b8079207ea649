import type { Db } from '../../db/client.ts'
import { recordAccountMail, type MailDesk } from '../notifications/notifications.service.ts'

export interface PasswordResetMessage { email: string, link: string, expiresAt: Date }

/** How a reset link reaches its person: recorded inside the reset's transaction, sent once it committed. */
export interface PasswordResetChannel {
  record: (tx: Db, message: PasswordResetMessage) => Promise<void>
  committed: () => void
}

/** By mail; without SMTP the mail is held, and its link is never shown to admins or written to the log. */
export function mailChannel (desk: MailDesk): PasswordResetChannel {
  return {
    record: (tx, { email, link, expiresAt }) =>
      recordAccountMail(tx, desk, { kind: 'password-reset', email, data: { link, expiresAt: expiresAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' } }),
    committed: () => desk.wake(),
  }
}
