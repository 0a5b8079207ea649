import type { BrandingSettings, PlanSummary, PublicBranding, UpdateBranding } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/brand'
import { listPlansOfCity } from '@/api/cities'
import type { ApiError } from '@/api/http'
import { toApiError, type LoadStatus } from './load-state'

/**
 * Each visited city's look (accent, logo, contacts), fetched once per city and shared by the header, the
 * accessibility statement and the Leichte Sprache page. A city whose look cannot be read shows the app's own.
 * For its admins also the settings as stored (with their version) and the city's published plans, whose
 * widgets the branding page offers to copy.
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

  const settings = ref<Record<string, BrandingSettings>>({})
  const widgetPlans = ref<Record<string, PlanSummary[]>>({})
  const settingsStatus = ref<LoadStatus>('idle')
  const settingsError = ref<ApiError | null>(null)
  let latest = 0

  /** The settings and the plans that are not drafts (admins); starts from nothing, so a failed read shows no older answer. */
  async function loadSettings (city: string) {
    const request = ++latest
    delete settings.value[city]
    settingsStatus.value = 'loading'
    settingsError.value = null
    try {
      const [answer, list] = await Promise.all([api.getBrandingSettings(city), listPlansOfCity(city)])
      if (request !== latest) return
      settings.value[city] = answer
      widgetPlans.value[city] = list.items.filter((plan) => plan.state !== 'draft')
      settingsStatus.value = 'idle'
    } catch (e) {
      if (request !== latest) return
      settingsError.value = toApiError(e)
      settingsStatus.value = 'error'
    }
  }

  /** A write's answer is the settings as stored now; the public look is read again so the header shows it. */
  function saved (city: string, answer: BrandingSettings) {
    settings.value[city] = answer
    void load(city, { force: true })
    return answer
  }

  /** Saves a city's look (admins) with the version read. Throws the API's error. */
  const saveSettings = async (city: string, body: UpdateBranding, version: number): Promise<BrandingSettings> =>
    saved(city, await api.saveBrandingSettings(city, body, version))
  /** Replaces the logo (PNG or WebP) with the version read. Throws the API's error. */
  const uploadLogo = async (city: string, file: File, version: number) => saved(city, await api.uploadLogo(city, file, version))
  /** Removes the logo with the version read. Throws the API's error. */
  const removeLogo = async (city: string, version: number) => saved(city, await api.removeLogo(city, version))

  return { byCity, load, settings, widgetPlans, settingsStatus, settingsError, loadSettings, saveSettings, uploadLogo, removeLogo }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBrandingStore, import.meta.hot))
