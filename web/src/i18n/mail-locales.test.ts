import { describe, expect, it } from 'vitest'
import { flattenLocale, itMatchesAcrossLanguages } from '@/testing/locale-pairs'
import adminDe from './locales/admin.de'
import de from './locales/de'
import incidentsDe from './locales/incidents.de'
import mailDe from './locales/mail.de'
import mailEn from './locales/mail.en'
import reportingDe from './locales/reporting.de'

describe('mail locale files', () => {
  itMatchesAcrossLanguages(flattenLocale(mailDe), flattenLocale(mailEn))

  it('use a single top-level key that no other bundle uses (bundles are merged side by side)', () => {
    expect(Object.keys(mailDe)).toEqual(['mail'])
    for (const other of [de, adminDe, reportingDe, incidentsDe]) expect(Object.keys(other)).not.toContain('mail')
  })
})
