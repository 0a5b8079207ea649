import { describe, expect, it } from 'vitest'
import de from './locales/de'
import en from './locales/en'

type Tree = { [key: string]: string | Tree }

function flatten (tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`))))
}

const deFlat = flatten(de)
const enFlat = flatten(en)
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

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
