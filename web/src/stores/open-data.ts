import type { DatasetInfo, OpenDataLicence, OpenDataSettings, UpdateOpenDataSettings } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import type { ApiError } from '@/api/http'
import * as api from '@/api/open-data'
import { toApiError, type LoadStatus } from './load-state'

/**
 * The open datasets of each city visited. Every download link of a public page names the city's licence,
 * which comes with this list; it is fetched once per city and shared by all the links of a page.
 */
export const useOpenDataStore = defineStore('open-data', () => {
  const datasets = ref<Record<string, readonly DatasetInfo[]>>({})
  const status = ref<Record<string, LoadStatus>>({})
  const error = ref<Record<string, ApiError | null>>({})
  const pending = new Map<string, Promise<void>>()

  function load (city: string, { force = false } = {}): Promise<void> {
    if (!force && datasets.value[city]) return Promise.resolve()
    const running = pending.get(city)
    if (running) return running
    status.value = { ...status.value, [city]: 'loading' }
    const promise = api.listDatasets(city).then((list) => {
      datasets.value = { ...datasets.value, [city]: markRaw(list.items) }
      status.value = { ...status.value, [city]: 'idle' }
      error.value = { ...error.value, [city]: null }
    }, (e: unknown) => {
      status.value = { ...status.value, [city]: 'error' }
      error.value = { ...error.value, [city]: toApiError(e) }
    }).finally(() => pending.delete(city))
    pending.set(city, promise)
    return promise
  }

  /** Each city's licence: every dataset carries it; absent until the list is there or when it is empty. */
  const licences = computed<Record<string, OpenDataLicence>>(() => Object.fromEntries(Object.entries(datasets.value)
    .flatMap(([city, items]) => (items[0] ? [[city, items[0].licence]] : []))))

  /** The city's open-data settings (admins), for their form; throws the API's error. */
  const loadSettings = (city: string): Promise<OpenDataSettings> => api.getOpenDataSettings(city)

  /** Saves the settings with the version read; the public pages' download links name the licence, so the list is read again. */
  async function saveSettings (city: string, body: UpdateOpenDataSettings, version: number): Promise<OpenDataSettings> {
    const saved = await api.saveOpenDataSettings(city, body, version)
    void load(city, { force: true })
    return saved
  }

  return { datasets, status, error, load, licences, loadSettings, saveSettings }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useOpenDataStore, import.meta.hot))
