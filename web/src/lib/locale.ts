/** The UI languages. German is the default and the language every content field exists in. */
export const locales = ['de', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'de'

/** BCP 47 tags for Intl: German as in Germany, English with European date order. */
export const intlTags: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' }

export function isLocale (value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}
