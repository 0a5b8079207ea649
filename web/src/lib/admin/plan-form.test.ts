import { describe, expect, it } from 'vitest'
import { buildPlan } from '@/testing/fixtures'
import { changedFields } from './form-diff'
import { commitmentChangesToBody, commitmentToForm, planChangesToBody, planToForm, validatePlan } from './plan-form'

describe('plan facts', () => {
  it('send only what changed, blank optional facts as null', () => {
    const original = planToForm(buildPlan())
    expect(planChangesToBody(changedFields(original, { ...original, resolutionNumber: '', state: 'closed' }))).toEqual({ resolutionNumber: null, state: 'closed' })
  })

  it('need a German title and a period that does not end before it starts', () => {
    expect(validatePlan({ ...planToForm(buildPlan()), titleDe: ' ', periodEnd: '2021-01-01' })).toEqual({
      titleDe: 'admin.validation.required', periodEnd: 'errors.PLAN_PERIOD_INVALID',
    })
  })
})

describe('commitment texts', () => {
  it('are read from the plan and sent as changed fields', () => {
    const form = commitmentToForm(buildPlan(), 1)
    expect(form.contextDe).toBe('Erster Absatz.\n\nZweiter Absatz.')
    expect(commitmentChangesToBody({ contextDe: 'Neu\n\nZwei ', localTitleEn: '' })).toEqual({ contextDe: 'Neu\n\nZwei', localTitleEn: null })
  })
})
