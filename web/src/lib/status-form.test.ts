import { describe, expect, it } from 'vitest'
import { fieldId, initialFormState, needsReason, serverToday, toRequestBody, validateStatusForm, type StatusFormState } from './status-form'

const today = '2024-06-15'
const form = (overrides: Partial<StatusFormState> = {}): StatusFormState => ({
  ...initialFormState({ status: 'in_progress', progress: 40, statusReason: null }, 5, today),
  ...overrides,
})
const fields = (state: StatusFormState) => validateStatusForm(state, today).map((e) => `${e.field}:${e.key}`)

describe('initialFormState', () => {
  it('starts from the measure\'s status, progress and reason, dated today', () => {
    expect(initialFormState({ status: 'delayed', progress: 20, statusReason: 'Staff' }, null, today)).toEqual({
      status: 'delayed', progress: 20, date: today, noteDe: '', noteEn: '', reason: 'Staff', evidenceLinks: [], organisationId: null,
    })
  })

  it('uses the server\'s (UTC) date as today', () => {
    expect(serverToday(new Date('2024-06-15T23:30:00.000Z'))).toBe('2024-06-15')
  })
})

describe('toRequestBody', () => {
  it('trims texts, leaves out empty ones and blank link rows, and sends the version', () => {
    const body = toRequestBody(form({
      noteDe: '  Erste Fälle dokumentiert ', noteEn: '   ',
      evidenceLinks: [{ url: ' https://jena.de/a ', label: '' }, { url: '', label: '' }, { url: 'https://jena.de/b', label: ' Bericht ' }],
    }), 7)
    expect(body).toEqual({
      status: 'in_progress', progress: 40, date: today, version: 7, noteDe: 'Erste Fälle dokumentiert',
      evidenceLinks: [{ url: 'https://jena.de/a' }, { url: 'https://jena.de/b', label: 'Bericht' }], organisationId: 5,
    })
  })

  it('sends a reason only for statuses that need one, and no organisation when none is chosen', () => {
    expect(toRequestBody(form({ reason: 'old reason' }), 1)).not.toHaveProperty('reason')
    expect(toRequestBody(form({ status: 'dropped', reason: ' No funding ' }), 1)).toMatchObject({ reason: 'No funding' })
    expect(toRequestBody(form({ organisationId: null }), 1)).not.toHaveProperty('organisationId')
  })
})

describe('validateStatusForm', () => {
  it('accepts a complete form', () => {
    expect(fields(form({ noteDe: 'ok', evidenceLinks: [{ url: 'https://jena.de/x', label: 'x' }] }))).toEqual([])
  })

  it('requires a reason for delayed, dropped and exam_done_no', () => {
    for (const status of ['delayed', 'dropped', 'exam_done_no'] as const) {
      expect(needsReason(status)).toBe(true)
      expect(fields(form({ status, reason: '  ' }))).toEqual(['reason:reasonRequired'])
      expect(fields(form({ status, reason: 'Because' }))).toEqual([])
    }
    expect(needsReason('done')).toBe(false)
    expect(fields(form({ status: 'done', reason: '' }))).toEqual([])
  })

  it('checks progress: a whole number from 0 to 100', () => {
    expect(fields(form({ progress: '' }))).toEqual(['progress:progress'])
    expect(fields(form({ progress: 101 }))).toEqual(['progress:progress'])
    expect(fields(form({ progress: -1 }))).toEqual(['progress:progress'])
    expect(fields(form({ progress: 12.5 }))).toEqual(['progress:progress'])
    expect(fields(form({ progress: 0 }))).toEqual([])
  })

  it('refuses a date in the future or not a date', () => {
    expect(fields(form({ date: '2024-06-16' }))).toEqual(['date:dateFuture'])
    expect(fields(form({ date: '' }))).toEqual(['date:date'])
    expect(fields(form({ date: '2024-02-30x' }))).toEqual(['date:date'])
    expect(fields(form({ date: '2020-02-29' }))).toEqual([])
  })

  it('accepts only https links, pointing at the row of the form', () => {
    const state = form({ evidenceLinks: [{ url: '', label: '' }, { url: 'http://jena.de', label: '' }, { url: '', label: 'Only a label' }, { url: 'https://ok.example', label: '' }] })
    expect(fields(state)).toEqual(['evidenceLinks.1.url:url', 'evidenceLinks.2.url:url'])
  })

  it('reports texts that are too long, with the limit', () => {
    const errors = validateStatusForm(form({ noteEn: 'x'.repeat(20_001) }), today)
    expect(errors).toEqual([{ field: 'noteEn', key: 'tooLong', params: { max: 20_000 } }])
  })

  it('orders several errors as the form does', () => {
    expect(fields(form({ status: 'delayed', reason: '', progress: 200, date: '2099-01-01' })))
      .toEqual(['progress:progress', 'date:dateFuture', 'reason:reasonRequired'])
  })

  it('names the inputs', () => {
    expect(fieldId('evidenceLinks.2.url')).toBe('status-evidenceLinks-2-url')
  })
})
