import type { BrandingSettings, PublicBranding, UpdateBranding } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/brand'

/**
 * Each visited city's look (accent, logo, contacts), fetched once per city and shared by the header, the
 * accessibility statement and the Leichte Sprache page. A city whose look cannot be read shows the app's own.
 */
export const useBrandingStore = defineStore('branding', () => {
  const byCity = ref<Record<string, PublicBranding | null>>({})
  const pending = new Map<string, Promise<void>>()

  function load (city: string, { force = false } = {}): Promise<void> {
    if (!force && city in byCity.value) return Promise.resolve()
    const running = pending.get(city)
    if (running) return running
    const promise = api.getBranding(city).then((branding) => {
      byCity.value = { ...byCity.value, [city]: branding }
    }, () => {
      byCity.value = { ...byCity.value, [city]: null }
    }).finally(() => pending.delete(city))
    pending.set(city, promise)
    return promise
  }

  /** Saves a city's look (admins) with the version read, then reads the public look again so the header shows it. */
  async function saveSettings (city: string, body: UpdateBranding, version: number): Promise<BrandingSettings> {
    const saved = await api.saveBrandingSettings(city, body, version)
    void load(city, { force: true })
    return saved
  }

  return { byCity, load, saveSettings }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBrandingStore, import.meta.hot))
