import { importRowErrorCodes, openDataLicences } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { flattenLocale, itMatchesAcrossLanguages } from '@/testing/locale-pairs'
import adminDe from './locales/admin.de'
import de from './locales/de'
import incidentsDe from './locales/incidents.de'
import openDataDe from './locales/open-data.de'
import openDataEn from './locales/open-data.en'
import reportingDe from './locales/reporting.de'

const deFlat = flattenLocale(openDataDe)
const enFlat = flattenLocale(openDataEn)

describe('open-data locale files', () => {
  itMatchesAcrossLanguages(deFlat, enFlat)

  it('use a single top-level key that no other bundle uses (bundles are merged side by side)', () => {
    expect(Object.keys(openDataDe)).toEqual(['openData'])
    for (const other of [de, adminDe, reportingDe, incidentsDe]) expect(Object.keys(other)).not.toContain('openData')
  })

  it('word every row error code the server may send', () => {
    for (const code of importRowErrorCodes) expect(deFlat[`openData.import.codes.${code}`], code).toBeTruthy()
    expect(openDataLicences.length).toBe(4)
  })
})
