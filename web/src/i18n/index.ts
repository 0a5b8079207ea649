import { markRaw } from 'vue'
import { createI18n } from 'vue-i18n'
import { defaultLocale, isLocale, type Locale } from '@/lib/locale'
import de, { type MessageSchema } from './locales/de'
import en from './locales/en'
import type { AdminMessageSchema } from './locales/admin.de'
import type reportingDe from './locales/reporting.de'
import type { IncidentsMessageSchema } from './locales/incidents.de'
import type { MailMessageSchema } from './locales/mail.de'
import type { OpenDataMessageSchema } from './locales/open-data.de'
import type { SpreadsheetsMessageSchema } from './locales/spreadsheets.de'
import type { BrandMessageSchema } from './locales/brand.de'
import type { CityAdminMessageSchema } from './locales/city-admin.de'

/** Read by the server, which writes the language into `<html lang>` (server/src/web/page-shell.ts). */
const localeCookie = 'eccar-locale'

/** Every text of the app; the admin.*, reporting.*, incidents.*, mail.*, openData.* and spreadsheets.* parts arrive with the pages that use them (bundles.ts). */
export type AppMessages = MessageSchema & AdminMessageSchema & typeof reportingDe & IncidentsMessageSchema & MailMessageSchema & OpenDataMessageSchema & SpreadsheetsMessageSchema & BrandMessageSchema & CityAdminMessageSchema

/**
 * The remembered language, as the server wrote it into `<html lang>` from its cookie. Reading the
 * attribute costs nothing, where the first read of localStorage waits for the browser to open the
 * site's storage, on a slow phone a long pause before the first paint (issue 17).
 */
function storedLocale (): Locale {
  const lang = document.documentElement.lang
  return isLocale(lang) ? lang : defaultLocale
}

/**
 * The app's i18n with the texts every page needs. `extra` adds bundles up front (tests mount
 * administration components directly, without the router that would load them).
 */
export function createAppI18n (locale: Locale = storedLocale(), extra: Partial<Record<Locale, object>>[] = []) {
  const messages = { de: { ...de }, en: { ...en } }
  for (const bundle of extra) {
    Object.assign(messages.de, bundle.de)
    Object.assign(messages.en, bundle.en)
  }
  return createI18n<[AppMessages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: defaultLocale,
    // The type covers the bundles loaded later; what is missing at first is merged before its page shows.
    // The texts never change while shown (bundles are merged before their page renders), so they need
    // none of Vue's reactive proxies, which every translation would otherwise pass through.
    messages: { de: markRaw(messages.de), en: markRaw(messages.en) } as Record<Locale, AppMessages>,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

/** Remembers the choice for a year (a cookie the server reads) and keeps `<html lang>` in step, so screen readers pick the right voice. */
export function persistLocale (locale: Locale): void {
  document.documentElement.lang = locale
  document.cookie = `${localeCookie}=${locale}; path=/; max-age=${365 * 24 * 3600}; samesite=lax${location.protocol === 'https:' ? '; secure' : ''}`
}
