import { describe, expect, it } from 'vitest'
import { flattenLocale, itMatchesAcrossLanguages } from '@/testing/locale-pairs'
import adminDe from './locales/admin.de'
import brandDe from './locales/brand.de'
import brandEn from './locales/brand.en'
import de from './locales/de'
import openDataDe from './locales/open-data.de'
import spreadsheetsDe from './locales/spreadsheets.de'

describe('brand locale files', () => {
  itMatchesAcrossLanguages(flattenLocale(brandDe), flattenLocale(brandEn))

  it('use a single top-level key that no other bundle uses (bundles are merged side by side)', () => {
    expect(Object.keys(brandDe)).toEqual(['brand'])
    for (const other of [de, adminDe, openDataDe, spreadsheetsDe]) expect(Object.keys(other)).not.toContain('brand')
  })
})
