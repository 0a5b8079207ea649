import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatDate, formatDateTime, formatList, formatMonth, formatNumber, formatPercent, formatShare, formatTime, formatYearlyDay,
} from './format'
import { intlTags, locales } from './locale'

// The formatters follow the UI languages' rules by hand (see format.ts); Intl is the reference they must equal.
const intlDate = (locale: 'de' | 'en', options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intlTags[locale], { timeZone: 'UTC', ...options })
const isoDay = (date: Date) => date.toISOString().slice(0, 10)

describe('formatDate', () => {
  it('formats a calendar date per locale without shifting the day', () => {
    expect(formatDate('2020-07-16', 'de')).toBe('16. Juli 2020')
    expect(formatDate('2020-07-16', 'en')).toBe('16 July 2020')
    expect(formatDate('2022-01-01', 'de', 'medium')).toBe('01.01.2022')
    expect(formatDate('2023-09-11', 'en', 'medium')).toBe('11 Sept 2023')
  })

  it('equals Intl for every day of eight years, in both languages and both styles', () => {
    for (const locale of locales) {
      const long = intlDate(locale, { dateStyle: 'long' })
      const medium = intlDate(locale, { dateStyle: 'medium' })
      for (let day = Date.UTC(2019, 0, 1); day <= Date.UTC(2026, 11, 31); day += 86_400_000) {
        const date = new Date(day)
        expect(formatDate(isoDay(date), locale)).toBe(long.format(date))
        expect(formatDate(isoDay(date), locale, 'medium')).toBe(medium.format(date))
      }
    }
  })

  it('returns anything that is not a date unchanged', () => {
    expect(formatDate('soon', 'de')).toBe('soon')
  })
})

describe('formatYearlyDay and formatMonth', () => {
  it('name a fixed yearly day without a year, and a month with its year, as Intl does', () => {
    expect(formatYearlyDay('09-11', 'de')).toBe('11. September')
    expect(formatYearlyDay('09-11', 'en')).toBe('11 September')
    expect(formatMonth(2023, 1, 'de')).toBe('Jan. 2023')
    expect(formatMonth(2023, 1, 'en')).toBe('Jan 2023')
    for (const locale of locales) {
      const dayMonth = intlDate(locale, { day: 'numeric', month: 'long' })
      for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2001, 0, 1); day += 86_400_000) {
        expect(formatYearlyDay(isoDay(new Date(day)).slice(5), locale)).toBe(dayMonth.format(new Date(day)))
      }
      const month = intlDate(locale, { month: 'short', year: 'numeric' })
      for (let m = 1; m <= 12; m++) expect(formatMonth(2024, m, locale)).toBe(month.format(new Date(Date.UTC(2024, m - 1, 1))))
    }
  })
})

describe('number formats', () => {
  it('uses the locale\'s separators and percent style', () => {
    expect(formatNumber(1234.5, 'de', 1)).toBe('1.234,5')
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5')
    expect(formatShare(0.0816, 'de')).toBe('8\u00a0%')
    expect(formatShare(0.0816, 'en')).toBe('8%')
    expect(formatPercent(40, 'en')).toBe('40%')
  })

  it('rounds on the decimal digits, as Intl does, not on the binary value', () => {
    expect(formatNumber(2.25, 'de', 1)).toBe('2,3')
    expect(formatNumber(1.005, 'en', 2)).toBe('1.01')
    expect(formatShare(0.145, 'de')).toBe('15\u00a0%')
    expect(formatNumber(999.5, 'de')).toBe('1.000')
    expect(formatNumber(-0.4, 'en')).toBe('-0')
  })

  it('equals Intl for whole numbers, decimals and shares', () => {
    const value = fc.oneof(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000))
    fc.assert(fc.property(value, fc.integer({ min: 0, max: 3 }), fc.constantFrom(...locales), (n, digits, locale) => {
      expect(formatNumber(n, locale, digits)).toBe(new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: digits }).format(n))
    }), { numRuns: 5_000 })
    const share = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000))
    fc.assert(fc.property(share, fc.constantFrom(...locales), (s, locale) => {
      expect(formatShare(s, locale)).toBe(new Intl.NumberFormat(intlTags[locale], { style: 'percent', maximumFractionDigits: 0 }).format(s))
    }), { numRuns: 5_000 })
  })

  it('leaves what the rules do not cover to Intl', () => {
    expect(formatNumber(1e21, 'de')).toBe(new Intl.NumberFormat('de-DE').format(1e21))
    expect(formatNumber(Number.POSITIVE_INFINITY, 'en')).toBe('∞')
  })
})

describe('lists', () => {
  it('join as a sentence, as Intl does', () => {
    expect(formatList(['a', 'b', 'c'], 'de')).toBe('a, b und c')
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c')
    for (const locale of locales) {
      const intl = new Intl.ListFormat(intlTags[locale], { style: 'long', type: 'conjunction' })
      for (const items of [[], ['Jena'], ['Jena', 'Erfurt'], ['a', 'b', 'c', 'd', 'e']]) expect(formatList(items, locale)).toBe(intl.format(items))
    }
  })
})

describe('moments', () => {
  it('formats times of day and moments per locale', () => {
    const moment = new Date(2024, 2, 5, 14, 7, 9)
    expect(formatTime(moment, 'de')).toBe('14:07')
    expect(formatDateTime(moment, 'de')).toBe('05.03.2024, 14:07:09')
    expect(formatDateTime(moment, 'en', 'long', 'short')).toBe('5 March 2024 at 14:07')
  })
})
