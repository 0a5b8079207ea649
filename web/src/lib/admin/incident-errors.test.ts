import { describe, expect, it } from 'vitest'
import incidentsDe from '@/i18n/locales/incidents.de'
import { incidentErrorCodes, incidentErrorKey } from './incident-errors'

describe('incidentErrorKey', () => {
  it('explains every incident code in its own words and falls back to the general messages', () => {
    for (const code of incidentErrorCodes) {
      expect(incidentErrorKey({ status: 409, code }), code).toBe(`incidents.errorCodes.${code}`)
      expect(incidentsDe.incidents.errorCodes[code], code).toBeTruthy()
    }
    expect(incidentErrorKey({ status: 0, code: 'NETWORK_ERROR' })).toBe('admin.errors.NETWORK_ERROR')
    expect(incidentErrorKey({ status: 409, code: 'SOMETHING_NEW' })).toBe('admin.errors.conflict')
  })
})
