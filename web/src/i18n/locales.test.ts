import { describe, expect, it } from 'vitest'
import { flattenLocale, placeholdersOf } from '@/testing/locale-pairs'
import de from './locales/de'
import en from './locales/en'

const deFlat = flattenLocale(de)
const enFlat = flattenLocale(en)
const placeholders = placeholdersOf

describe('locale files', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(deFlat).sort())
  })

  it('have no empty texts', () => {
    for (const [key, text] of [...Object.entries(deFlat), ...Object.entries(enFlat)]) expect(text.trim(), key).not.toBe('')
  })

  it('use the same placeholders and plural forms in both languages', () => {
    for (const key of Object.keys(deFlat)) {
      expect(placeholders(enFlat[key] ?? ''), key).toEqual(placeholders(deFlat[key] ?? ''))
      expect((enFlat[key] ?? '').split(' | ').length, key).toBe((deFlat[key] ?? '').split(' | ').length)
    }
  })

  it('avoid characters vue-i18n would read as syntax', () => {
    for (const [key, text] of [...Object.entries(deFlat), ...Object.entries(enFlat)]) expect(text, key).not.toMatch(/@[:.]|\{\s*'/)
  })
})
