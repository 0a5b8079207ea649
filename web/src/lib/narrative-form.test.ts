import type { CycleNarrative, ReportingCycle } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import {
  cycleTitleChangesToBody, groupWritten, incompleteCommitments, narrativeChangesToBody, narrativeComplete, narrativeConflict,
  narrativeToForm, validateCycleTitle,
} from './narrative-form'

const narrative = (number: number, texts: Partial<CycleNarrative> = {}): CycleNarrative => ({
  number, textDe: null, textEn: null, challengesDe: null, challengesEn: null, needsDe: null, needsEn: null,
  exchangeTopicsDe: null, exchangeTopicsEn: null, noNarrativeReasonDe: null, noNarrativeReasonEn: null, version: 1, ...texts,
})

describe('narrative form', () => {
  it('holds every text as a string and sends blank ones as null', () => {
    const values = narrativeToForm(narrative(2, { textDe: 'Bericht', needsEn: 'Funding' }))
    expect(values.textDe).toBe('Bericht')
    expect(values.challengesDe).toBe('')
    expect(Object.keys(values)).toHaveLength(10)
    expect(narrativeChangesToBody({ textDe: '  ', needsEn: 'Funding' })).toEqual({ textDe: null, needsEn: 'Funding' })
  })

  it('counts a commitment complete with a narrative or a reason in either language, not with challenges alone', () => {
    expect(narrativeComplete(narrative(1))).toBe(false)
    expect(narrativeComplete(narrative(1, { challengesDe: 'Personal fehlt' }))).toBe(false)
    expect(narrativeComplete(narrative(1, { textEn: 'Report' }))).toBe(true)
    expect(narrativeComplete(narrative(1, { noNarrativeReasonDe: 'Keine Maßnahme in diesem Zeitraum.' }))).toBe(true)
    expect(narrativeComplete(narrative(1, { textDe: '   ' }))).toBe(false)
  })

  it('knows which groups hold text', () => {
    const values = narrativeToForm(narrative(1, { exchangeTopicsEn: 'Data' }))
    expect(groupWritten(values, 'exchangeTopics')).toBe(true)
    expect(groupWritten(values, 'needs')).toBe(false)
  })

  it('turns a 412 carrying the cycle into one carrying that commitment\'s narrative', () => {
    const current = { narratives: [narrative(1), narrative(2, { textDe: 'Neu', version: 4 })] } as ReportingCycle
    const mapped = narrativeConflict(new ApiError(412, 'VERSION_CONFLICT', 'changed', 'r1', { code: 'VERSION_CONFLICT', current }), 2)
    expect(mapped).toBeInstanceOf(ApiError)
    expect((mapped as ApiError).body).toMatchObject({ current: { number: 2, textDe: 'Neu', version: 4 } })
    const other = new ApiError(409, 'CYCLE_LOCKED', 'locked')
    expect(narrativeConflict(other, 2)).toBe(other)
  })

  it('reads the commitments a refused approval names', () => {
    const body = { details: [{ path: '/narratives/7', reason: 'missing' }, { path: '/narratives/3' }, { path: '/other' }] }
    expect(incompleteCommitments({ code: 'CYCLE_INCOMPLETE', body })).toEqual([3, 7])
    expect(incompleteCommitments({ code: 'CYCLE_LOCKED', body })).toEqual([])
    expect(incompleteCommitments({ code: 'CYCLE_INCOMPLETE', body: null })).toEqual([])
  })
})

describe('cycle title form', () => {
  it('requires the German title and sends a blank English one as null', () => {
    const period = { periodStart: '2024-01-01', periodEnd: '2024-12-31', dueDate: '' }
    expect(validateCycleTitle({ title: ' ', titleEn: '', ...period })).toEqual({ title: 'admin.validation.required' })
    expect(validateCycleTitle({ title: 'Bericht', titleEn: '', ...period })).toEqual({})
    expect(cycleTitleChangesToBody({ titleEn: '  ' })).toEqual({ titleEn: null })
    expect(cycleTitleChangesToBody({ title: ' Bericht 2022 ', titleEn: 'Report 2022' })).toEqual({ title: 'Bericht 2022', titleEn: 'Report 2022' })
  })

  it('requires a period that ends after it starts and sends a blank due date as none', () => {
    expect(validateCycleTitle({ title: 'Bericht', titleEn: '', periodStart: '2024-01-01', periodEnd: '2023-12-31', dueDate: '' }))
      .toEqual({ periodEnd: 'reporting.createForm.periodOrder' })
    expect(validateCycleTitle({ title: 'Bericht', titleEn: '', periodStart: '', periodEnd: '', dueDate: '' }))
      .toEqual({ periodStart: 'admin.validation.required', periodEnd: 'admin.validation.required' })
    expect(cycleTitleChangesToBody({ periodEnd: '2024-06-30', dueDate: '' })).toEqual({ periodEnd: '2024-06-30', dueDate: null })
  })
})
