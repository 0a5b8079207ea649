import { describe, expect, it } from 'vitest'
import { dayAfter } from './plan-period'
import { emptyNewPlan, initialDecision, newPlanToBody, successorToBody, validateDecisions, validateNewPlan, countDecisions } from './successor-form'

const facts = { ...emptyNewPlan(), titleDe: ' Aktionsplan 2024–2025 ', periodStart: '2024-01-01', periodEnd: '2025-12-31', resolutionNumber: '23/1', resolutionDate: '2023-12-06' }

describe('validateNewPlan', () => {
  it('asks for title and period, and for the resolution only in a plan update', () => {
    expect(validateNewPlan(emptyNewPlan())).toEqual({ titleDe: 'admin.validation.required', periodStart: 'admin.validation.required', periodEnd: 'admin.validation.required' })
    expect(validateNewPlan({ ...facts, resolutionNumber: '', resolutionDate: '' })).toEqual({})
    expect(validateNewPlan({ ...facts, resolutionNumber: ' ', resolutionDate: '' }, { resolutionRequired: true }))
      .toEqual({ resolutionNumber: 'admin.validation.required', resolutionDate: 'admin.validation.required' })
  })

  it('refuses a period that ends before it starts', () => {
    expect(validateNewPlan({ ...facts, periodEnd: '2023-12-31' })).toEqual({ periodEnd: 'errors.PLAN_PERIOD_INVALID' })
  })
})

describe('newPlanToBody', () => {
  it('trims the title, sends blanks as null and the predecessor as a number', () => {
    expect(newPlanToBody({ ...facts, resolutionNumber: '', resolutionDate: '', predecessorId: '7' })).toEqual({
      titleDe: 'Aktionsplan 2024–2025', titleEn: null, periodStart: '2024-01-01', periodEnd: '2025-12-31',
      resolutionNumber: null, resolutionDate: null, predecessorId: 7,
    })
  })
})

describe('validateDecisions', () => {
  it('accepts every measure carried over', () => {
    expect(validateDecisions([initialDecision('1.1'), initialDecision('1.2')])).toEqual({})
  })

  it('asks a closed measure for its final status, and for a reason where the status needs one', () => {
    const close = { ...initialDecision('1.1'), action: 'close' as const }
    expect(validateDecisions([close])).toEqual({ 'd0-finalStatus': 'plansAdmin.update.errors.finalStatus' })
    expect(validateDecisions([{ ...close, finalStatus: 'dropped' }])).toEqual({ 'd0-reason': 'plansAdmin.update.errors.reason' })
    expect(validateDecisions([{ ...close, finalStatus: 'done' }])).toEqual({})
  })

  it('asks a replacement for code and title and refuses a code another measure keeps', () => {
    const replace = { ...initialDecision('1.2'), action: 'replace' as const, newCode: '', newTitleDe: '' }
    expect(validateDecisions([replace])).toEqual({ 'd0-newCode': 'admin.validation.required', 'd0-newTitleDe': 'admin.validation.required' })
    expect(validateDecisions([initialDecision('1.1'), { ...replace, newCode: '1.1', newTitleDe: 'Neu' }])).toEqual({ 'd1-newCode': 'plansAdmin.update.errors.codeTwice' })
    expect(validateDecisions([{ ...replace, newCode: '1 2', newTitleDe: 'Neu' }])).toEqual({ 'd0-newCode': 'admin.validation.code' })
  })
})

describe('successorToBody', () => {
  it('sends one decision per measure in the shape the server expects', () => {
    const body = successorToBody(facts, [
      initialDecision('1.1'),
      { ...initialDecision('1.2'), action: 'close', finalStatus: 'done', reason: ' ' },
      { ...initialDecision('1.3'), action: 'replace', newCode: '1.3a', newTitleDe: ' Neue Kampagne ', newTitleEn: '' },
    ])
    expect(body).toEqual({
      titleDe: 'Aktionsplan 2024–2025', titleEn: null, periodStart: '2024-01-01', periodEnd: '2025-12-31', resolutionNumber: '23/1', resolutionDate: '2023-12-06',
      decisions: [
        { code: '1.1', action: 'carry_over' },
        { code: '1.2', action: 'close', finalStatus: 'done', reason: null },
        { code: '1.3', action: 'replace', reason: null, replacement: { code: '1.3a', titleDe: 'Neue Kampagne', titleEn: null } },
      ],
    })
  })

  it('counts the choices for the summary', () => {
    expect(countDecisions([initialDecision('1'), { ...initialDecision('2'), action: 'close' }])).toEqual({ carry_over: 1, close: 1, replace: 0 })
  })
})

describe('dayAfter', () => {
  it('crosses month and year ends', () => {
    expect(dayAfter('2023-12-31')).toBe('2024-01-01')
    expect(dayAfter('2024-02-28')).toBe('2024-02-29')
  })
})
