import { createI18n } from 'vue-i18n'
import { defaultLocale, isLocale, type Locale } from '@/lib/locale'
import de, { type MessageSchema } from './locales/de'
import en from './locales/en'
import adminDe, { type AdminMessageSchema } from './locales/admin.de'
import adminEn from './locales/admin.en'
import reportingDe from './locales/reporting.de'
import reportingEn from './locales/reporting.en'

const storageKey = 'eccar.locale'

function storedLocale (): Locale {
  try {
    const value = localStorage.getItem(storageKey)
    return isLocale(value) ? value : defaultLocale
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return defaultLocale
  }
}

export function createAppI18n (locale: Locale = storedLocale()) {
  return createI18n<[MessageSchema & AdminMessageSchema & typeof reportingDe], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: defaultLocale,
    // The administration's texts live in their own files (admin.*.ts), one top-level key `admin`.
    messages: { de: { ...de, ...adminDe, ...reportingDe }, en: { ...en, ...adminEn, ...reportingEn } },
  })
}

/** Remembers the choice and keeps `<html lang>` in step, so screen readers pick the right voice. */
export function persistLocale (locale: Locale): void {
  document.documentElement.lang = locale
  try {
    localStorage.setItem(storageKey, locale)
  } catch {
    // Not remembered across visits, which is acceptable.
  }
}
