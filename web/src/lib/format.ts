import { intlTags, type Locale } from './locale'

// The public pages format their dates and numbers by the rules below rather than through Intl: the
// first Intl formatter a page builds loads the browser's locale data, 25–70 ms on a desktop and four
// times that on a mid-range phone, all of it while the page cannot answer a tap. The two UI languages'
// rules for calendar dates, whole numbers, decimals and percentages are short; format.test.ts checks
// every function against Intl over thousands of values. Times of day stay with Intl (members' pages).

const monthNames: Record<Locale, { long: string[], short: string[] }> = {
  de: {
    long: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    short: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
  },
  en: {
    long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  },
}

const separators: Record<Locale, { group: string, decimal: string, percent: string, and: string }> = {
  de: { group: '.', decimal: ',', percent: '\u00a0%', and: 'und' },
  en: { group: ',', decimal: '.', percent: '%', and: 'and' },
}

const twoDigits = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DD` as a calendar date; read in UTC so no time zone shifts the day. */
function parseDate (iso: string): { year: number, month: number, day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!match) return null
  // Through Date.UTC, so an impossible day rolls over exactly as a Date would show it.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() }
}

/** "1. Januar 2022" / "1 January 2022"; medium: "01.01.2022" / "1 Jan 2022". */
export function formatDate (iso: string, locale: Locale, style: 'long' | 'medium' = 'long'): string {
  const date = parseDate(iso)
  if (!date) return iso
  const { year, month, day } = date
  if (locale === 'de') return style === 'long' ? `${day}. ${monthNames.de.long[month]} ${year}` : `${twoDigits(day)}.${twoDigits(month + 1)}.${year}`
  return `${day} ${monthNames.en[style === 'long' ? 'long' : 'short'][month]} ${year}`
}

/** A fixed yearly day `MM-DD`, e.g. `09-11` → "11. September" / "11 September". */
export function formatYearlyDay (monthDay: string, locale: Locale): string {
  const date = parseDate(`2000-${monthDay}`)
  if (!date) return monthDay
  return locale === 'de' ? `${date.day}. ${monthNames.de.long[date.month]}` : `${date.day} ${monthNames.en.long[date.month]}`
}

/** A calendar month: "Jan. 2023" / "Jan 2023". */
export function formatMonth (year: number, month: number, locale: Locale): string {
  const date = new Date(Date.UTC(year, month - 1, 1))
  return `${monthNames[locale].short[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** Adds one to a string of decimal digits ("0999" → "1000"). */
function incrementDigits (digits: string): string {
  const chars = digits.split('')
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== '9') {
      chars[i] = String(Number(chars[i]) + 1)
      return chars.join('')
    }
    chars[i] = '0'
  }
  return `1${chars.join('')}`
}

/**
 * A number rounded half away from zero on its decimal digits, as Intl does: from the shortest decimal
 * that reads back as the same double (`String(x)`), so 2.25 → 2.3 and 0.145 × 100 → 15, which
 * binary arithmetic would get wrong. Null where that text has an exponent (tiny or huge numbers).
 */
function roundDecimal (value: number, fractionDigits: number, shift = 0): { integer: string, fraction: string } | null {
  const text = String(Math.abs(value))
  if (!/^\d+(\.\d+)?$/.test(text)) return null
  const [whole = '0', decimals = ''] = text.split('.')
  // Multiplying by 10^shift (percentages) moves the decimal point, exactly.
  const digits = whole + decimals.padEnd(shift, '0')
  const pointAt = whole.length + shift
  let integer = digits.slice(0, pointAt)
  let fraction = digits.slice(pointAt)
  if (fraction.length > fractionDigits) {
    const roundUp = fraction.charAt(fractionDigits) >= '5'
    const kept = integer + fraction.slice(0, fractionDigits)
    const rounded = roundUp ? incrementDigits(kept) : kept
    integer = rounded.slice(0, rounded.length - fractionDigits)
    fraction = rounded.slice(rounded.length - fractionDigits)
  }
  return { integer: integer.replace(/^0+(?=\d)/, ''), fraction: fraction.replace(/0+$/, '') }
}

function formatDecimal (value: number, locale: Locale, fractionDigits: number, shift: number): string | null {
  if (!Number.isFinite(value)) return null
  const rounded = roundDecimal(value, fractionDigits, shift)
  if (!rounded) return null
  const { group, decimal } = separators[locale]
  const grouped = rounded.integer.replace(/\B(?=(\d{3})+(?!\d))/g, group)
  const sign = value < 0 || Object.is(value, -0) ? '-' : ''
  return `${sign}${grouped}${rounded.fraction ? `${decimal}${rounded.fraction}` : ''}`
}

// Intl formatters, built once each: for what the rules above do not cover (exponents, infinities, NaN)
// and for times of day on members' pages.
const intlFormatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function intl<F extends Intl.NumberFormat | Intl.DateTimeFormat> (key: string, build: () => F): F {
  let formatter = intlFormatters.get(key) as F | undefined
  if (!formatter) intlFormatters.set(key, formatter = build())
  return formatter
}
const intlNumber = (locale: Locale, options: Intl.NumberFormatOptions) =>
  intl(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(intlTags[locale], options))

/** "1.234,5" / "1,234.5", with at most `maximumFractionDigits` decimals. */
export function formatNumber (value: number, locale: Locale, maximumFractionDigits = 0): string {
  return formatDecimal(value, locale, maximumFractionDigits, 0)
    ?? intlNumber(locale, { maximumFractionDigits }).format(value)
}

/** A share 0–1 as a whole percentage ("8 %" in German, "8%" in English). */
export function formatShare (share: number, locale: Locale): string {
  const number = formatDecimal(share, locale, 0, 2)
  return number === null ? intlNumber(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share) : `${number}${separators[locale].percent}`
}

/** A percentage 0–100, as the API gives progress. */
export function formatPercent (percent: number, locale: Locale): string {
  return formatShare(percent / 100, locale)
}

/** Joins words as a sentence list: "a, b und c" / "a, b and c". */
export function formatList (items: readonly string[], locale: Locale): string {
  if (items.length < 2) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${separators[locale].and} ${items.at(-1)}`
}

/** A moment (an ISO timestamp) in the reader's time zone: the audit trail, an invitation's expiry. */
export function formatDateTime (iso: string | Date, locale: Locale, dateStyle: 'long' | 'medium' = 'medium', timeStyle: 'medium' | 'short' = 'medium'): string {
  return intl(`moment|${locale}|${dateStyle}|${timeStyle}`, () => new Intl.DateTimeFormat(intlTags[locale], { dateStyle, timeStyle }))
    .format(typeof iso === 'string' ? new Date(iso) : iso)
}

/** The time of day of a moment, as hours and minutes ("14:05"). */
export function formatTime (moment: Date, locale: Locale): string {
  return intl(`time|${locale}`, () => new Intl.DateTimeFormat(intlTags[locale], { hour: '2-digit', minute: '2-digit' })).format(moment)
}
