import type { MailErrorCategory } from '@eccar/shared'
import type { Transporter } from 'nodemailer'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html: string
  language: string
  /** Absolute one-click unsubscribe address (RFC 8058); only for kinds a person may turn off. */
  unsubscribeUrl: string | null
  /** Stable per mail, so a receiving server can spot a resend after a lost acknowledgement. */
  messageId: string
}

export type SendOutcome = { ok: true } | { ok: false, temporary: boolean, category: MailErrorCategory }

export interface MailTransport {
  send: (mail: OutgoingMail) => Promise<SendOutcome>
  close: () => void
}

/** nodemailer over `SMTP_URL`; every failure becomes a category, so nothing of the server's answer is stored. */
export function smtpTransport (smtpUrl: string, from: string): MailTransport {
  // nodemailer loads with the first mail sent, not at start-up (a tenth of a second).
  let transporter: Transporter | undefined
  return {
    async send (mail) {
      try {
        transporter ??= (await import('nodemailer')).default.createTransport(smtpUrl)
        await transporter.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: { 'Content-Language': mail.language },
          ...(mail.unsubscribeUrl ? { list: { unsubscribe: { url: mail.unsubscribeUrl } } } : {}),
          ...(mail.unsubscribeUrl ? { headers: { 'Content-Language': mail.language, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
        })
        return { ok: true }
      } catch (error) {
        return classify(error)
      }
    },
    close: () => transporter?.close(),
  }
}

/** 4xx replies and dropped connections are worth another try; 5xx replies are final (RFC 5321 §4.2.1). */
export function classify (error: unknown): SendOutcome {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number, code?: string }
  if (typeof responseCode === 'number') {
    if (responseCode >= 400 && responseCode < 500) return { ok: false, temporary: true, category: 'temporary' }
    if (responseCode >= 500) return { ok: false, temporary: false, category: 'rejected' }
  }
  if (code && ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET'].includes(code)) {
    return { ok: false, temporary: true, category: 'connection' }
  }
  return { ok: false, temporary: true, category: 'unknown' }
}
