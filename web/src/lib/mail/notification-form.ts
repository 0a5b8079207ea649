import { notificationKinds, type MailLanguage, type NotificationKind, type NotificationSettings } from '@eccar/shared'

/** The person's choices as the form holds them: one switch per kind, flat, so changes compare per field. */
export type NotificationFormValues = {
  [key: string]: unknown
  language: MailLanguage
  digestDay: number
} & Record<NotificationKind, boolean>

export const notificationFieldOrder = [...notificationKinds, 'digestDay', 'language'] as const

export function notificationsToForm (s: NotificationSettings): NotificationFormValues {
  const enabled = new Map(s.kinds.map((k) => [k.kind, k.enabled]))
  const values = { language: s.language, digestDay: s.digestDay } as NotificationFormValues
  for (const kind of notificationKinds) values[kind] = enabled.get(kind) ?? false
  return values
}

/** Every kind, in the contract's order: the API takes the whole settings with each save. */
export function formToNotifications (v: NotificationFormValues): NotificationSettings {
  return { language: v.language, digestDay: v.digestDay, kinds: notificationKinds.map((kind) => ({ kind, enabled: v[kind] })) }
}
