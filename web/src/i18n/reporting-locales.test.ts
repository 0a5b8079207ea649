import { describe, expect, it } from 'vitest'
import { reportingErrorCodes } from '@/lib/report-export'
import reportingDe from './locales/reporting.de'
import reportingEn from './locales/reporting.en'

type Tree = { [key: string]: string | Tree }

function flatten (tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`))))
}

const deFlat = flatten(reportingDe)
const enFlat = flatten(reportingEn)
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

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
  it('explain every error code they map', () => {
    for (const code of reportingErrorCodes) expect(deFlat[`reporting.errors.${code}`], code).toBeTruthy()
  })
})
