import type { MeasureDetail } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { buildMeasureSummary } from '@/testing/fixtures'
import { changedFields } from './form-diff'
import { emptyMeasureForm, measureChangesToBody, measureToCreateBody, measureToForm, validateMeasure } from './measure-form'

const detail = (overrides: Partial<MeasureDetail> = {}): MeasureDetail => ({
  ...buildMeasureSummary({ id: 4, code: '3.2', primaryCommitment: 3, secondaryCommitments: [7, 2] }),
  citySlug: 'jena',
  planTitleDe: 'Plan',
  planTitleEn: null,
  descriptionDe: 'Beschreibung',
  descriptionEn: null,
  recurrenceOn: '09-11',
  timeframeNoteDe: null,
  timeframeNoteEn: null,
  fundingNoteDe: null,
  fundingNoteEn: null,
  goodPractice: false,
  goodPracticeDescriptionDe: null,
  goodPracticeDescriptionEn: null,
  statusReason: null,
  internalNote: 'intern',
  relatedMeasures: [{ id: 9, code: '3.1', titleDe: 'x', titleEn: null, noteDe: 'siehe', noteEn: null }],
  referencedBy: [],
  exampleActions: [{ key: '3.b', commitmentNumber: 3, textDe: 'b', textEn: 'b' }],
  statusHistory: [],
  statusHistoryTotal: 0,
  statusHistoryNext: null,
  origin: 'new',
  predecessor: null,
  ...overrides,
})

describe('measureToForm', () => {
  it('turns the record into input values (null → empty text, ids sorted)', () => {
    const form = measureToForm(detail())
    expect(form).toMatchObject({
      code: '3.2', primaryCommitment: 3, secondaryCommitments: [2, 7], descriptionEn: '', leadOrganisationId: 5, recurrenceOn: '09-11',
      relatedMeasures: [{ measureId: 9, noteDe: 'siehe', noteEn: '' }], exampleActions: ['3.b'], internalNote: 'intern',
      goodPractice: false, goodPracticeDescriptionDe: '',
    })
  })
})

describe('validateMeasure', () => {
  it('asks for a description of a good practice in either language', () => {
    const flagged = { ...measureToForm(detail()), goodPractice: true }
    expect(validateMeasure(flagged)).toEqual({ goodPracticeDescriptionDe: 'admin.validation.goodPracticeDescription' })
    expect(validateMeasure({ ...flagged, goodPracticeDescriptionEn: 'Co-designed with those affected' })).toEqual({})
  })

  it('names every required field that is missing', () => {
    expect(validateMeasure(emptyMeasureForm())).toEqual({
      code: 'admin.validation.required', primaryCommitment: 'admin.validation.choose', titleDe: 'admin.validation.required', type: 'admin.validation.choose',
    })
  })

  it('checks the code, commitments, dates, the yearly day and the links', () => {
    const form = {
      ...measureToForm(detail()),
      code: '3 2',
      secondaryCommitments: [3],
      startDate: '2023-05-01',
      endDate: '2023-01-01',
      recurrenceOn: '13-01',
      relatedMeasures: [{ measureId: null, noteDe: '', noteEn: '' }],
    }
    expect(validateMeasure(form)).toEqual({
      code: 'admin.validation.code',
      secondaryCommitments: 'errors.SECONDARY_COMMITMENT_INVALID',
      endDate: 'errors.MEASURE_DATES_INVALID',
      recurrenceOn: 'admin.validation.monthDay',
      relatedMeasures: 'admin.validation.relatedMissing',
    })
  })
})

describe('measure bodies', () => {
  it('send only the changed fields in the API\'s shape', () => {
    const original = measureToForm(detail())
    const draft = { ...original, titleEn: ' Campaign ', descriptionDe: '', relatedMeasures: [...original.relatedMeasures, { measureId: 12, noteDe: '', noteEn: '' }] }
    expect(measureChangesToBody(changedFields(original, draft))).toEqual({
      titleEn: 'Campaign',
      descriptionDe: null,
      relatedMeasures: [{ measureId: 9, noteDe: 'siehe', noteEn: null }, { measureId: 12, noteDe: null, noteEn: null }],
    })
  })

  it('send the good-practice flag and its description', () => {
    const original = measureToForm(detail())
    const draft = { ...original, goodPractice: true, goodPracticeDescriptionDe: 'Von Betroffenen mitgestaltet' }
    expect(measureChangesToBody(changedFields(original, draft))).toEqual({ goodPractice: true, goodPracticeDescriptionDe: 'Von Betroffenen mitgestaltet' })
    const created = measureToCreateBody({ ...emptyMeasureForm(7), code: 'E.2', titleDe: 'Neu', type: 'implementation', goodPractice: true, goodPracticeDescriptionEn: 'Co-designed' })
    expect(created).toMatchObject({ goodPractice: true, goodPracticeDescriptionEn: 'Co-designed' })
    expect(created).not.toHaveProperty('goodPracticeDescriptionDe')
  })

  it('create a new measure with what is filled in, internal unless chosen otherwise', () => {
    const body = measureToCreateBody({ ...emptyMeasureForm(7), code: ' E.1 ', titleDe: 'Neu', type: 'implementation' })
    expect(body).toEqual({ code: 'E.1', primaryCommitment: 7, titleDe: 'Neu', type: 'implementation', recurrence: 'once', isPublic: false })
  })
})
