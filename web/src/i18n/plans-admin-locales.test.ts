import { describe, expect, it } from 'vitest'
import { flattenLocale, itMatchesAcrossLanguages } from '@/testing/locale-pairs'
import adminDe from './locales/admin.de'
import de from './locales/de'
import plansAdminDe from './locales/plans-admin.de'
import plansAdminEn from './locales/plans-admin.en'

describe('plans-admin locale files', () => {
  itMatchesAcrossLanguages(flattenLocale(plansAdminDe), flattenLocale(plansAdminEn))

  it('use a single top-level key that no other bundle uses (bundles are merged side by side)', () => {
    expect(Object.keys(plansAdminDe)).toEqual(['plansAdmin'])
    for (const other of [de, adminDe]) expect(Object.keys(other)).not.toContain('plansAdmin')
  })
})
