import type { Locale } from './locale'
import type { LocalizedText } from './localized'

interface CommitmentTitles {
  titleDe: string
  titleEn: string
  localTitleDe: string | null
  localTitleEn: string | null
}

/** The plan's own heading for a commitment where it has one, else the official ECCAR title (always bilingual). */
export function localCommitmentTitle (locale: Locale, c: CommitmentTitles): LocalizedText {
  if (locale === 'en') {
    if (c.localTitleEn?.trim()) return { text: c.localTitleEn, lang: 'en', fallback: false }
    return { text: c.titleEn, lang: 'en', fallback: false }
  }
  return { text: c.localTitleDe?.trim() ? c.localTitleDe : c.titleDe, lang: 'de', fallback: false }
}

/** The official title in the UI language: ECCAR's English title, or the German title German members use. */
export function officialCommitmentTitle (locale: Locale, c: CommitmentTitles): string {
  return locale === 'en' ? c.titleEn : c.titleDe
}

/** Whether the local heading says something the official title does not (then both are shown). */
export function hasDistinctLocalTitle (locale: Locale, c: CommitmentTitles): boolean {
  const local = localCommitmentTitle(locale, c).text.trim().toLowerCase()
  return local !== officialCommitmentTitle(locale, c).trim().toLowerCase()
}
