import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/notifications'
import type { ApiError } from '@/api/http'
import type { NotificationSettings, UnsubscribeInfo } from '@eccar/shared'
import { toApiError, type LoadStatus } from './load-state'

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** The signed-in person's mail choices, and the unsubscribe page's link (no session needed there). */
export const useNotificationsStore = defineStore('notifications', () => {
  const settings = ref<NotificationSettings | null>(null)
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  /** The link's kind and whether it is switched off already, by token. */
  const links = ref<Record<string, UnsubscribeInfo>>({})

  async function run (work: () => Promise<void>) {
    status.value = 'loading'
    error.value = null
    try {
      await work()
      status.value = 'idle'
    } catch (e) {
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  const loadSettings = () => run(async () => { settings.value = await api.getMyNotifications() })
  const loadLink = (token: string) => run(async () => { links.value[token] = await api.getUnsubscribe(token) })

  async function saveSettings (body: NotificationSettings) {
    settings.value = await api.saveMyNotifications(body)
    return settings.value
  }

  /** Switches the link's kind off; the answer says it is off now. Errors go to the caller's form. */
  async function unsubscribe (token: string) {
    links.value[token] = await api.unsubscribe(token)
    return links.value[token]
  }

  return { settings, status, error, links, loadSettings, loadLink, saveSettings, unsubscribe }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useNotificationsStore, import.meta.hot))
