import { intlTags, type Locale } from './locale'

/** `YYYY-MM-DD` as a calendar date; read and formatted in UTC so no time zone shifts the day. */
function parseDate (iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!match) return null
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
}

export function formatDate (iso: string, locale: Locale, style: 'long' | 'medium' = 'long'): string {
  const date = parseDate(iso)
  if (!date) return iso
  return new Intl.DateTimeFormat(intlTags[locale], { dateStyle: style, timeZone: 'UTC' }).format(date)
}

/** A fixed yearly day `MM-DD`, e.g. `09-11` → "11. September" / "11 September". */
export function formatYearlyDay (monthDay: string, locale: Locale): string {
  const date = parseDate(`2000-${monthDay}`)
  if (!date) return monthDay
  return new Intl.DateTimeFormat(intlTags[locale], { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date)
}

export function formatNumber (value: number, locale: Locale, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits }).format(value)
}

/** A share 0–1 as a whole percentage ("8 %" in German, "8%" in English). */
export function formatShare (share: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTags[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

/** A percentage 0–100, as the API gives progress. */
export function formatPercent (percent: number, locale: Locale): string {
  return formatShare(percent / 100, locale)
}

/** Joins words as a sentence list: "a, b und c" / "a, b and c". */
export function formatList (items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(intlTags[locale], { style: 'long', type: 'conjunction' }).format(items)
}
