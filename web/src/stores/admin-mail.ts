import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/notifications'
import type { ApiError } from '@/api/http'
import { ReminderLimits, type OutboxMail, type OutboxPage, type ReminderSettings, type UpdateReminderSettings } from '@eccar/shared'
import { toApiError, type LoadStatus } from './load-state'

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** A city's outbox (page by page, and mails read in full) and its reminder settings, for its administrators. */
export const useAdminMailStore = defineStore('admin-mail', () => {
  /** The page shown last, per city. */
  const outbox = ref<Record<string, OutboxPage>>({})
  const mails = ref<Record<number, OutboxMail>>({})
  const reminders = ref<Record<string, ReminderSettings>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  // Paging quickly sends several requests; only the newest one's answer is shown.
  let outboxRequest = 0

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

  function loadOutbox (city: string, page: number) {
    const request = ++outboxRequest
    return run(async () => {
      const answer = await api.getOutbox(city, page, ReminderLimits.outboxPageSizeDefault)
      if (request === outboxRequest) outbox.value[city] = answer
    })
  }

  const loadMail = (city: string, id: number) => run(async () => { mails.value[id] = await api.getOutboxMail(city, id) })
  const loadReminders = (city: string) => run(async () => { reminders.value[city] = await api.getReminderSettings(city) })

  async function saveReminders (city: string, body: Omit<UpdateReminderSettings, 'version'>, version: number) {
    const saved = await api.saveReminderSettings(city, body, version)
    reminders.value[city] = saved
    return saved
  }

  return { outbox, mails, reminders, status, error, loadOutbox, loadMail, loadReminders, saveReminders }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminMailStore, import.meta.hot))
