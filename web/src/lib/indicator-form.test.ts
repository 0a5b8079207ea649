import { describe, expect, it } from 'vitest'
import { emptyIndicatorForm, indicatorChangesToBody, indicatorToBody, parseNumber, validateIndicator, validateValue, valueToBody } from './indicator-form'

describe('indicator form', () => {
  it('reads numbers with a decimal comma or point and refuses other text', () => {
    expect(parseNumber('12,5')).toBe(12.5)
    expect(parseNumber(' 1 000 ')).toBe(1000)
    expect(parseNumber('')).toBeNull()
    expect(parseNumber('zwölf')).toBeNaN()
  })

  it('requires name and unit and sends blanks as none', () => {
    expect(validateIndicator(emptyIndicatorForm())).toEqual({ nameDe: 'admin.validation.required', unit: 'admin.validation.required' })
    const values = { ...emptyIndicatorForm(), nameDe: ' Beratungen ', unit: 'Anzahl', baselineValue: '40', targetValue: '80,5', commitment: '3' }
    expect(validateIndicator({ ...values, targetValue: 'viel' })).toEqual({ targetValue: 'reporting.indicatorsAdmin.notANumber' })
    expect(indicatorToBody(values)).toEqual({
      nameDe: 'Beratungen', nameEn: null, definitionDe: null, definitionEn: null, unit: 'Anzahl', unitEn: null, direction: 'increase',
      baselineValue: 40, baselineDate: null, targetValue: 80.5, targetDate: null, commitments: [3],
    })
    expect(indicatorChangesToBody({ commitment: '', targetValue: '' })).toEqual({ commitments: [], targetValue: null })
  })

  it('needs a period in order and a number for a value', () => {
    expect(validateValue({ periodStart: '2024-01-01', periodEnd: '2023-01-01', category: '', value: '' }))
      .toEqual({ periodEnd: 'reporting.createForm.periodOrder', value: 'admin.validation.required' })
    expect(valueToBody({ periodStart: '2024-01-01', periodEnd: '2024-12-31', category: ' Arbeit ', value: '7,5' }))
      .toEqual({ periodStart: '2024-01-01', periodEnd: '2024-12-31', category: 'Arbeit', value: 7.5 })
  })
})
