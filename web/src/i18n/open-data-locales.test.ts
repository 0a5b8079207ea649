import { importRowErrorCodes } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { flattenLocale, itMatchesAcrossLanguages } from '@/testing/locale-pairs'
import adminDe from './locales/admin.de'
import de from './locales/de'
import incidentsDe from './locales/incidents.de'
import openDataDe from './locales/open-data.de'
import openDataEn from './locales/open-data.en'
import reportingDe from './locales/reporting.de'
import spreadsheetsDe from './locales/spreadsheets.de'
import spreadsheetsEn from './locales/spreadsheets.en'

describe('open-data locale files', () => {
  itMatchesAcrossLanguages(flattenLocale(openDataDe), flattenLocale(openDataEn))

  it('use a single top-level key that no other bundle uses (bundles are merged side by side)', () => {
    expect(Object.keys(openDataDe)).toEqual(['openData'])
    for (const other of [de, adminDe, reportingDe, incidentsDe, spreadsheetsDe]) expect(Object.keys(other)).not.toContain('openData')
  })
})

describe('spreadsheet locale files', () => {
  const deFlat = flattenLocale(spreadsheetsDe)
  itMatchesAcrossLanguages(deFlat, flattenLocale(spreadsheetsEn))

  it('use a single top-level key that no other bundle uses', () => {
    expect(Object.keys(spreadsheetsDe)).toEqual(['spreadsheets'])
    for (const other of [de, adminDe, reportingDe, incidentsDe, openDataDe]) expect(Object.keys(other)).not.toContain('spreadsheets')
  })

  it('word every row error code the server may send', () => {
    for (const code of importRowErrorCodes) expect(deFlat[`spreadsheets.import.codes.${code}`], code).toBeTruthy()
  })
})
