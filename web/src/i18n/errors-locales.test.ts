import { errorCodes } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { clientErrorCodes, errorMessageKey } from '@/lib/error-messages'
import { flattenLocale, itMatchesAcrossLanguages } from '@/testing/locale-pairs'
import adminDe from './locales/admin.de'
import de from './locales/de'
import errorsDe from './locales/errors.de'
import errorsEn from './locales/errors.en'
import incidentsDe from './locales/incidents.de'
import reportingDe from './locales/reporting.de'

const deFlat = flattenLocale(errorsDe)
const enFlat = flattenLocale(errorsEn)

describe('error locale files', () => {
  itMatchesAcrossLanguages(deFlat, enFlat)

  it('use a single top-level key that no other bundle uses (bundles are merged side by side)', () => {
    expect(Object.keys(errorsDe)).toEqual(['errors'])
    for (const other of [de, adminDe, reportingDe, incidentsDe]) expect(Object.keys(other)).not.toContain('errors')
  })

  it('explain every code the API can answer, and every fallback, in German and English', () => {
    const keys = [
      ...[...errorCodes, ...clientErrorCodes].map((code) => errorMessageKey({ status: 400, code })),
      ...[0, 401, 403, 404, 409, 412, 429, 500, 418].map((status) => errorMessageKey({ status, code: 'SOMETHING_NEW' })),
    ]
    for (const key of keys) {
      expect(deFlat[key], key).toBeTruthy()
      expect(enFlat[key], key).toBeTruthy()
    }
    expect(keys).toContain('errors.EXPORT_BUSY')
  })

  it('have no text for a code the API no longer knows', () => {
    const codes = new Set<string>([...errorCodes, ...clientErrorCodes, 'notFound', 'conflict', 'unknown'])
    expect(Object.keys(errorsDe.errors).filter((code) => !codes.has(code))).toEqual([])
  })
})
