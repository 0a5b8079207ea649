import { describe, expect, it } from 'vitest'
import { flattenLocale, itMatchesAcrossLanguages } from '@/testing/locale-pairs'
import adminDe from './locales/admin.de'
import cityAdminDe from './locales/city-admin.de'
import cityAdminEn from './locales/city-admin.en'
import de from './locales/de'
import mailDe from './locales/mail.de'

describe('city-admin locale files', () => {
  itMatchesAcrossLanguages(flattenLocale(cityAdminDe), flattenLocale(cityAdminEn))

  it('use a single top-level key that no other bundle uses (bundles are merged side by side)', () => {
    expect(Object.keys(cityAdminDe)).toEqual(['cityAdmin'])
    for (const other of [de, adminDe, mailDe]) expect(Object.keys(other)).not.toContain('cityAdmin')
  })
})
