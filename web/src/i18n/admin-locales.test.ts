import { describe, expect, it } from 'vitest'
import { flattenLocale, itMatchesAcrossLanguages } from '@/testing/locale-pairs'
import { knownAuditActions, knownEntityTypes, auditActionPrefixes, actionLabelKey, actionPrefixLabelKey, entityLabelKey } from '@/lib/admin/audit'
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
