// The notification API's shapes as the web app uses them, and the few constants it needs.
// Plain values live here (not in shared/'s TypeBox modules) so the bundle never carries TypeBox.

/** Mails a person may switch off; account mails (invitation, password reset, second-factor reset) always go. */
export const notificationKinds = ['deadline-reminders', 'weekly-digest', 'meeting-due', 'cycle-changes'] as const
export type NotificationKind = (typeof notificationKinds)[number]

export const accountMailKinds = ['invitation', 'password-reset', 'second-factor-reset'] as const
export type MailKind = NotificationKind | (typeof accountMailKinds)[number]

export const outboxStates = ['held', 'queued', 'sent', 'retrying', 'failed'] as const
export type OutboxState = (typeof outboxStates)[number]

export type MailLanguage = 'de' | 'en'

export interface NotificationSettings {
  language: MailLanguage
  /** ISO weekday: 1 Monday … 7 Sunday. */
  digestDay: number
  kinds: { kind: NotificationKind, enabled: boolean }[]
}

export interface UnsubscribeInfo {
  kind: NotificationKind
  language: MailLanguage
  unsubscribed: boolean
}

export interface OutboxEntry {
  id: number
  kind: MailKind
  recipient: string
  subject: string
  language: MailLanguage
  createdAt: string
  state: OutboxState
  attempts: number
  sentAt: string | null
  /** A short category of the last failure, never server internals. */
  lastError: string | null
}

export interface OutboxPage {
  items: OutboxEntry[]
  total: number
  page: number
  pageSize: number
}

/** Bodies only for held mails; null once a mail went out by SMTP. */
export interface OutboxMail extends OutboxEntry {
  text: string | null
  html: string | null
}

export interface ReminderSettings {
  timeZone: string
  /** Days before the due date; 0 is the day itself, negative numbers are days after it. */
  steps: number[]
  version: number
}

export type UpdateReminderSettings = Omit<ReminderSettings, 'version'>

/** What the server accepts for the steps (the contract's limits). */
export const reminderStepLimits = { min: -60, max: 120, maxSteps: 6 } as const

export const outboxPageSize = 25
