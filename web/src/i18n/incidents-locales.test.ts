import { describe, expect, it } from 'vitest'
import adminDe from './locales/admin.de'
import de from './locales/de'
import incidentsDe from './locales/incidents.de'
import incidentsEn from './locales/incidents.en'
import reportingDe from './locales/reporting.de'

type Tree = { [key: string]: string | Tree }

function flatten (tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`))))
}

const deFlat = flatten(incidentsDe)
const enFlat = flatten(incidentsEn)
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('incident locale files', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(deFlat).sort())
  })

  it('have no empty texts, the same placeholders and plural forms, and no vue-i18n syntax characters', () => {
    for (const [key, text] of Object.entries(deFlat)) {
      const other = enFlat[key] ?? ''
      expect(text.trim(), key).not.toBe('')
      expect(other.trim(), key).not.toBe('')
      expect(placeholders(other), key).toEqual(placeholders(text))
      expect(other.split(' | ').length, key).toBe(text.split(' | ').length)
      for (const t of [text, other]) expect(t, key).not.toMatch(/@|\{\s*'/)
    }
  })

  it('use a single top-level key that no other bundle uses (bundles are merged side by side)', () => {
    expect(Object.keys(incidentsDe)).toEqual(['incidents'])
    for (const other of [de, adminDe, reportingDe]) expect(Object.keys(other)).not.toContain('incidents')
  })
})
