import { describe, expect, it } from 'vitest'
import { flattenLocale, itMatchesAcrossLanguages } from '@/testing/locale-pairs'
import { knownAuditActions, knownEntityTypes, auditActionPrefixes, actionLabelKey, actionPrefixLabelKey, entityLabelKey } from '@/lib/admin/audit'
import { errorMessageKey, knownErrorCodes } from '@/lib/admin/errors'
import adminDe from './locales/admin.de'
import adminEn from './locales/admin.en'
import de from './locales/de'

const deFlat = flattenLocale(adminDe)
const enFlat = flattenLocale(adminEn)

describe('administration locale files', () => {
  itMatchesAcrossLanguages(deFlat, enFlat)

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
