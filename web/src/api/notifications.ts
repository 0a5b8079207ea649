import type {
  NotificationSettings, OutboxMail, OutboxPage, ReminderSettings, UnsubscribeInfo, UpdateReminderSettings,
} from '@eccar/shared'
import { getJson, sendJson } from './http'

const city = (slug: string) => `/cities/${encodeURIComponent(slug)}`

/** The signed-in person's choices: which mails, the digest's weekday, the mails' language. */
export const getMyNotifications = () => getJson<NotificationSettings>('/me/notifications')
export const saveMyNotifications = (body: NotificationSettings) => sendJson<NotificationSettings>('PUT', '/me/notifications', body)

/** The token from a mail's unsubscribe link authenticates; no session is needed. */
export const getUnsubscribe = (token: string) => getJson<UnsubscribeInfo>(`/unsubscribe/${encodeURIComponent(token)}`)
export const unsubscribe = (token: string) => sendJson<UnsubscribeInfo>('POST', `/unsubscribe/${encodeURIComponent(token)}`)

export const getOutbox = (citySlug: string, page: number, pageSize: number) =>
  getJson<OutboxPage>(`${city(citySlug)}/outbox`, { page, pageSize })
export const getOutboxMail = (citySlug: string, id: number) => getJson<OutboxMail>(`${city(citySlug)}/outbox/${id}`)

export const getReminderSettings = (citySlug: string) => getJson<ReminderSettings>(`${city(citySlug)}/reminder-settings`)
/** Carries the settings' version (ReminderSettings.version). */
export const saveReminderSettings = (citySlug: string, body: Omit<UpdateReminderSettings, 'version'>, version: number) =>
  sendJson<ReminderSettings>('PUT', `${city(citySlug)}/reminder-settings`, body, { ifMatch: version })
