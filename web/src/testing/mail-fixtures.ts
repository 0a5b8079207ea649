import type { NotificationSettings, OutboxEntry, OutboxMail, OutboxPage, ReminderSettings } from '@eccar/shared'

/** A viewer's defaults: everything on but the weekly digest, Monday, German. */
export const notificationSettings = (): NotificationSettings => ({
  language: 'de',
  digestDay: 1,
  kinds: [
    { kind: 'deadline-reminders', enabled: true },
    { kind: 'weekly-digest', enabled: false },
    { kind: 'meeting-due', enabled: true },
    { kind: 'cycle-changes', enabled: true },
  ],
})

export const outboxEntry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: 7,
  kind: 'deadline-reminders',
  recipient: 'redaktion@jena.example',
  subject: 'Erinnerung: Maßnahme 3.2 endet in 7 Tagen',
  language: 'de',
  createdAt: '2026-12-01T07:00:00.000Z',
  state: 'held',
  attempts: 0,
  sentAt: null,
  lastError: null,
  ...over,
})

export const outboxPage = (items: OutboxEntry[] = [outboxEntry()], total = items.length, page = 1): OutboxPage =>
  ({ items, total, page, pageSize: 25 })

export const outboxMail = (over: Partial<OutboxMail> = {}): OutboxMail => ({
  ...outboxEntry(),
  text: 'Guten Tag,\n\ndie Maßnahme 3.2 endet am 8. Dezember 2026.',
  html: '<p>Guten Tag,</p><script>parent.alert(1)</script>',
  ...over,
})

export const reminderSettings = (over: Partial<ReminderSettings> = {}): ReminderSettings =>
  ({ timeZone: 'Europe/Berlin', steps: [28, 7, 0, -7], version: 3, ...over })
