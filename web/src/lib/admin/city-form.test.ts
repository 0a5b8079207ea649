import { describe, expect, it } from 'vitest'
import {
  citySettingsChangesToBody, filterTimeZones, slugFromName, validateCitySettings, validateNewCity,
} from './city-form'

describe('slugFromName', () => {
  it('spells out umlauts and joins words with single hyphens', () => {
    expect(slugFromName('Halle (Saale)')).toBe('halle-saale')
    expect(slugFromName('Mönchengladbach')).toBe('moenchengladbach')
    expect(slugFromName('  Frankfurt am Main ')).toBe('frankfurt-am-main')
  })
})

describe('validateNewCity', () => {
  it('requires a name and a valid slug nobody has yet', () => {
    expect(validateNewCity({ name: '', slug: '' })).toEqual({ name: 'admin.validation.required', slug: 'admin.validation.required' })
    expect(validateNewCity({ name: 'Jena', slug: 'Jena!' }).slug).toBe('cityAdmin.cities.validation.slug')
    expect(validateNewCity({ name: 'Jena', slug: 'jena' }, ['jena']).slug).toBe('cityAdmin.cities.validation.slugTaken')
    expect(validateNewCity({ name: 'Erfurt', slug: 'erfurt' }, ['jena'])).toEqual({})
  })
})

describe('validateCitySettings', () => {
  const zones = ['Europe/Berlin', 'Europe/Vienna', 'UTC']
  const valid = { steeringCadenceMonths: 6, attentionStaleMonths: 4, incidentThreshold: 5, timeZone: 'Europe/Berlin' } as const

  it('accepts whole months from 1 to 60, a threshold from 3 to 20 and a listed zone', () => {
    expect(validateCitySettings({ ...valid }, zones)).toEqual({})
  })

  it('names every field out of range, and a zone the list does not know', () => {
    expect(validateCitySettings({ steeringCadenceMonths: 0, attentionStaleMonths: '', incidentThreshold: 2, timeZone: 'Europe/Jena' }, zones)).toEqual({
      steeringCadenceMonths: 'cityAdmin.settings.validation.months',
      attentionStaleMonths: 'cityAdmin.settings.validation.months',
      incidentThreshold: 'cityAdmin.settings.validation.threshold',
      timeZone: 'cityAdmin.settings.validation.timeZone',
    })
  })

  it('sends only what changed', () => {
    expect(citySettingsChangesToBody({ timeZone: 'Europe/Vienna' })).toEqual({ timeZone: 'Europe/Vienna' })
    expect(citySettingsChangesToBody({ incidentThreshold: 7, steeringCadenceMonths: '' })).toEqual({ incidentThreshold: 7 })
  })
})

describe('filterTimeZones', () => {
  const zones = ['America/New_York', 'Europe/Berlin', 'Europe/Vienna', 'UTC']
  it('keeps the zones containing every word, and always the chosen one', () => {
    expect(filterTimeZones(zones, 'new york', 'Europe/Berlin')).toEqual(['America/New_York', 'Europe/Berlin'])
    expect(filterTimeZones(zones, 'VIENNA', 'UTC')).toEqual(['Europe/Vienna', 'UTC'])
    expect(filterTimeZones(zones, '  ', 'UTC')).toEqual(zones)
  })
})
