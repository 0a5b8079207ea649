/**
 * Plain constants of the notifications contract. TypeBox-free so the web app can bundle them
 * (the schemas in notifications.ts would bring TypeBox along).
 */

/** Mails a person may turn off; account mails (invitation, password and second-factor reset) are always sent. */
export const notificationKinds = ['deadline-reminders', 'weekly-digest', 'meeting-due', 'cycle-changes'] as const
export type NotificationKind = (typeof notificationKinds)[number]

/** Mails a person cannot turn off: each carries a link they asked for or need to start. */
export const accountMailKinds = ['invitation', 'password-reset', 'second-factor-reset'] as const
export type AccountMailKind = (typeof accountMailKinds)[number]

export const mailKinds = [...notificationKinds, ...accountMailKinds] as const
export type MailKind = NotificationKind | AccountMailKind

export const mailLanguages = ['de', 'en'] as const
export type MailLanguage = (typeof mailLanguages)[number]

/** Where a recorded mail stands: held = no SMTP configured, kept for admins to read. */
export const outboxStates = ['held', 'queued', 'sent', 'retrying', 'failed'] as const
export type OutboxState = (typeof outboxStates)[number]

/** Why the last attempt failed, as a short category; never the SMTP server's own words. */
export const mailErrorCategories = ['connection', 'rejected', 'temporary', 'unknown'] as const
export type MailErrorCategory = (typeof mailErrorCategories)[number]

export const ReminderLimits = {
  stepDays: { min: -60, max: 120 },
  steps: { min: 1, max: 6 },
  defaultSteps: [28, 7, 0, -7] as readonly number[],
  defaultTimeZone: 'Europe/Berlin',
  outboxPageSizeMax: 100,
  outboxPageSizeDefault: 25,
} as const

export const notificationKindLabels: Record<NotificationKind, { de: string, en: string }> = {
  'deadline-reminders': { de: 'Fristerinnerungen', en: 'Deadline reminders' },
  'weekly-digest': { de: 'Wöchentliche Übersicht', en: 'Weekly digest' },
  'meeting-due': { de: 'Fällige Sitzung der Lenkungsgruppe', en: 'Steering-group meeting due' },
  'cycle-changes': { de: 'Änderungen am Berichtszyklus', en: 'Reporting-cycle changes' },
}
