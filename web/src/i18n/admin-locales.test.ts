import { describe, expect, it } from 'vitest'
import { knownAuditActions, knownEntityTypes, auditActionPrefixes, actionLabelKey, actionPrefixLabelKey, entityLabelKey } from '@/lib/admin/audit'
import { errorMessageKey, knownErrorCodes } from '@/lib/admin/errors'
import adminDe from './locales/admin.de'
import adminEn from './locales/admin.en'
import de from './locales/de'

type Tree = { [key: string]: string | Tree }

function flatten (tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`))))
}

const deFlat = flatten(adminDe)
const enFlat = flatten(adminEn)
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('administration locale files', () => {
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

  it('use a single top-level key that the public texts do not use', () => {
    expect(Object.keys(adminDe)).toEqual(['admin'])
    expect(Object.keys(de)).not.toContain('admin')
  })
})

describe('error code messages', () => {
  it('exist in both languages for every known code and every fallback', () => {
    const keys = [
      ...knownErrorCodes.map((code) => errorMessageKey({ status: 400, code })),
      ...[0, 401, 403, 404, 409, 500, 418].map((status) => errorMessageKey({ status, code: 'SOMETHING_NEW' })),
    ]
    for (const key of keys) {
      expect(deFlat[key], key).toBeTruthy()
      expect(enFlat[key], key).toBeTruthy()
    }
  })
})

describe('audit labels', () => {
  it('exist in both languages for every known action, action group and entity type', () => {
    const keys = [
      ...knownAuditActions.map((a) => actionLabelKey(a)),
      ...auditActionPrefixes.map((p) => actionPrefixLabelKey(p)),
      ...knownEntityTypes.map((e) => entityLabelKey(e)),
    ]
    for (const key of keys) {
      expect(key).not.toBeNull()
      expect(deFlat[key!], key!).toBeTruthy()
      expect(enFlat[key!], key!).toBeTruthy()
    }
  })
})
