import type { Locale } from './locale'

/** A content text in the language it is actually shown in; `fallback` marks German shown in the English UI (or vice versa). */
export interface LocalizedText {
  text: string
  lang: Locale
  fallback: boolean
}

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== ''

/**
 * Picks the content field for the UI language. German is the source language of every plan, so an
 * English UI falls back to German when the translation is missing, and says so.
 */
export function pickLocalized (locale: Locale, de: string | null | undefined, en: string | null | undefined): LocalizedText | null {
  const wanted = locale === 'en' ? en : de
  if (present(wanted)) return { text: wanted, lang: locale, fallback: false }
  const other = locale === 'en' ? de : en
  const otherLocale: Locale = locale === 'en' ? 'de' : 'en'
  if (present(other)) return { text: other, lang: otherLocale, fallback: true }
  return null
}

/** The plain text for places that cannot carry markup (document titles, chart labels, select options). */
export function localizedString (locale: Locale, de: string | null | undefined, en: string | null | undefined): string {
  return pickLocalized(locale, de, en)?.text ?? ''
}

/** Paragraphs of a context text: separated by blank lines; single line breaks stay inside a paragraph. */
export function splitParagraphs (text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
}
