import { describe, expect, it } from 'vitest'
import { flattenLocale, itMatchesAcrossLanguages } from '@/testing/locale-pairs'
import adminDe from './locales/admin.de'
import de from './locales/de'
import incidentsDe from './locales/incidents.de'
import incidentsEn from './locales/incidents.en'
import reportingDe from './locales/reporting.de'

const deFlat = flattenLocale(incidentsDe)
const enFlat = flattenLocale(incidentsEn)

describe('incident locale files', () => {
  itMatchesAcrossLanguages(deFlat, enFlat)

  it('use a single top-level key that no other bundle uses (bundles are merged side by side)', () => {
    expect(Object.keys(incidentsDe)).toEqual(['incidents'])
    for (const other of [de, adminDe, reportingDe]) expect(Object.keys(other)).not.toContain('incidents')
  })
})
