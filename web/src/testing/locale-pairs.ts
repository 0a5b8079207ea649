import { expect, it } from 'vitest'

export type LocaleTree = { [key: string]: string | LocaleTree }

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`, the keys `t()` is called with. */
export function flattenLocale (tree: LocaleTree, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flattenLocale(value, `${prefix}${key}.`))))
}

export const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

/**
 * The checks every German/English text bundle must pass, inside the caller's `describe`: the same keys,
 * no empty text, the same placeholders and plural forms, and no character vue-i18n would read as syntax.
 */
export function itMatchesAcrossLanguages (deFlat: Record<string, string>, enFlat: Record<string, string>) {
  it('have exactly the same keys', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(deFlat).sort())
  })

  it('have no empty texts, the same placeholders and plural forms, and no vue-i18n syntax characters', () => {
    for (const [key, text] of Object.entries(deFlat)) {
      const other = enFlat[key] ?? ''
      expect(text.trim(), key).not.toBe('')
      expect(other.trim(), key).not.toBe('')
      expect(placeholdersOf(other), key).toEqual(placeholdersOf(text))
      expect(other.split(' | ').length, key).toBe(text.split(' | ').length)
      for (const t of [text, other]) expect(t, key).not.toMatch(/@|\{\s*'/)
    }
  })
}
