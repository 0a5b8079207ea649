import { describe, expect, it } from 'vitest'
import { formatDate, formatList, formatNumber, formatPercent, formatShare, formatYearlyDay } from './format'

describe('formatDate', () => {
  it('formats a calendar date per locale without shifting the day', () => {
    expect(formatDate('2020-07-16', 'de')).toBe('16. Juli 2020')
    expect(formatDate('2020-07-16', 'en')).toBe('16 July 2020')
    expect(formatDate('2022-01-01', 'de', 'medium')).toBe('01.01.2022')
  })

  it('returns anything that is not a date unchanged', () => {
    expect(formatDate('soon', 'de')).toBe('soon')
  })
})

describe('formatYearlyDay', () => {
  it('names a fixed yearly day without a year', () => {
    expect(formatYearlyDay('09-11', 'de')).toBe('11. September')
    expect(formatYearlyDay('09-11', 'en')).toBe('11 September')
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

  it('joins lists as a sentence', () => {
    expect(formatList(['a', 'b', 'c'], 'de')).toBe('a, b und c')
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c')
  })
})
