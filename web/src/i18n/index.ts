import { createI18n } from 'vue-i18n'
import { defaultLocale, isLocale, type Locale } from '@/lib/locale'
import de, { type MessageSchema } from './locales/de'
import en from './locales/en'

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
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: defaultLocale,
    messages: { de, en },
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
