import { describe, expect, it } from 'vitest'
import { flattenLocale, placeholdersOf } from '@/testing/locale-pairs'
import reportingDe from './locales/reporting.de'
import reportingEn from './locales/reporting.en'

const deFlat = flattenLocale(reportingDe)
const enFlat = flattenLocale(reportingEn)
const placeholders = placeholdersOf

describe('reporting locale files', () => {
  it('have one top-level key and exactly the same keys', () => {
    expect(Object.keys(reportingDe)).toEqual(['reporting'])
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(deFlat).sort())
  })
  it('have no empty texts, the same placeholders and no vue-i18n syntax characters', () => {
    for (const [key, text] of Object.entries(deFlat)) {
      const other = enFlat[key] ?? ''
      expect(text.trim(), key).not.toBe('')
      expect(other.trim(), key).not.toBe('')
      expect(placeholders(other), key).toEqual(placeholders(text))
      expect(`${text}${other}`, key).not.toMatch(/@[:.]|\{\s*'/)
    }
  })
})
