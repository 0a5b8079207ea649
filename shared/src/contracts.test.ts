import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { CodeSchema, HttpsUrlSchema, SlugSchema } from './common.ts'
import { CreateMeasureSchema, MeasureListQuerySchema, UpdateMeasureSchema } from './measures.ts'
import { PlanFileMeasureSchema } from './plan-file.ts'
import { measureStatuses, statusesRequiringReason, statusLabels } from './vocabulary.ts'

const measure = { code: '3.2', primaryCommitment: 3, titleDe: 'Solidaritätsfonds prüfen', type: 'examination' }

describe('vocabulary', () => {
  it('labels every status in German and English', () => {
    for (const status of measureStatuses) {
      expect(statusLabels[status].de.length).toBeGreaterThan(0)
      expect(statusLabels[status].en.length).toBeGreaterThan(0)
    }
  })

  it('requires a reason for delayed, discontinued and examined – not feasible', () => {
    expect([...statusesRequiringReason].sort()).toEqual(['delayed', 'dropped', 'exam_done_no'])
  })
})

describe('CreateMeasureSchema', () => {
  it('accepts a minimal measure', () => {
    expect(Value.Check(CreateMeasureSchema, measure)).toBe(true)
  })

  it.each([
    ['an empty title', { titleDe: '' }],
    ['commitment 11', { primaryCommitment: 11 }],
    ['progress over 100', { progress: 101 }],
    ['a fractional progress', { progress: 50.5 }],
    ['an unknown status', { status: 'finished' }],
    ['an unknown field', { colour: 'red' }],
    ['a title over 300 characters', { titleDe: 'x'.repeat(301) }],
    ['an impossible yearly date', { recurrenceOn: '02-31x' }],
    ['a secondary commitment twice', { secondaryCommitments: [2, 2] }],
  ])('refuses %s', (_case, change) => {
    expect(Value.Check(CreateMeasureSchema, { ...measure, ...change })).toBe(false)
  })
})

describe('UpdateMeasureSchema', () => {
  it('refuses an empty change', () => {
    expect(Value.Check(UpdateMeasureSchema, {})).toBe(false)
    expect(Value.Check(UpdateMeasureSchema, { status: 'done' })).toBe(true)
  })
})

describe('MeasureListQuerySchema', () => {
  it('caps the page size at 100', () => {
    expect(Value.Check(MeasureListQuerySchema, { limit: 100 })).toBe(true)
    expect(Value.Check(MeasureListQuerySchema, { limit: 101 })).toBe(false)
  })
})

describe('common formats', () => {
  it('accepts measure codes like 4.0 and 10.7 but not text with spaces', () => {
    expect(Value.Check(CodeSchema, '4.0')).toBe(true)
    expect(Value.Check(CodeSchema, '10.7')).toBe(true)
    expect(Value.Check(CodeSchema, '1 2')).toBe(false)
  })

  it('accepts only https evidence links', () => {
    expect(Value.Check(HttpsUrlSchema, 'https://rathaus.jena.de/x')).toBe(true)
    expect(Value.Check(HttpsUrlSchema, 'http://127.0.0.1:8080/')).toBe(false)
    expect(Value.Check(HttpsUrlSchema, 'javascript:alert(1)')).toBe(false)
  })

  it('keeps city identifiers URL-safe', () => {
    expect(Value.Check(SlugSchema, 'bad-homburg')).toBe(true)
    expect(Value.Check(SlugSchema, 'Bad Homburg')).toBe(false)
  })
})

describe('PlanFileMeasureSchema', () => {
  it('takes organisations by name and related measures by code', () => {
    expect(Value.Check(PlanFileMeasureSchema, {
      ...measure, leadOrganisation: 'Antidiskriminierungsstelle der Stadt Jena', relatedMeasures: [{ code: '1.1' }],
    })).toBe(true)
    expect(Value.Check(PlanFileMeasureSchema, { ...measure, leadOrganisationId: 4 })).toBe(false)
  })
})
