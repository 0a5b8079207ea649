import { describe, expect, it } from 'vitest'
import { createCycleBody, suggestPeriod, validateCreateCycle } from './cycle-form'

const plan = { periodStart: '2022-01-01', periodEnd: '2026-12-31' }

describe('the new cycle form', () => {
  it('suggests each kind\'s next period after that kind\'s latest cycle', () => {
    const cycles = [{ kind: 'eccar' as const, periodEnd: '2023-12-31' }, { kind: 'council' as const, periodEnd: '2024-12-31' }]
    expect(suggestPeriod(plan, [], 'eccar')).toEqual({ periodStart: '2022-01-01', periodEnd: '2023-12-31' })
    expect(suggestPeriod(plan, cycles, 'eccar')).toEqual({ periodStart: '2024-01-01', periodEnd: '2025-12-31' })
    expect(suggestPeriod(plan, cycles, 'council')).toEqual({ periodStart: '2025-01-01', periodEnd: '2025-12-31' })
  })

  it('ends a suggestion with the plan, and still suggests a period once the plan is covered', () => {
    expect(suggestPeriod(plan, [{ kind: 'eccar', periodEnd: '2025-12-31' }], 'eccar')).toEqual({ periodStart: '2026-01-01', periodEnd: '2026-12-31' })
    expect(suggestPeriod(plan, [{ kind: 'eccar', periodEnd: '2026-12-31' }], 'eccar')).toEqual({ periodStart: '2027-01-01', periodEnd: '2028-12-31' })
  })

  it('sends the kind, the period and a blank title or due date as the server\'s default', () => {
    const values = { title: ' ', kind: 'council' as const, periodStart: '2025-01-01', periodEnd: '2025-12-31', dueDate: '' }
    expect(createCycleBody(values)).toEqual({ kind: 'council', periodStart: '2025-01-01', periodEnd: '2025-12-31', dueDate: null })
    expect(createCycleBody({ ...values, title: 'Sachstand 2025', dueDate: '2026-03-31' })).toMatchObject({ title: 'Sachstand 2025', dueDate: '2026-03-31' })
    expect(validateCreateCycle({ ...values, periodEnd: '2024-12-31' })).toEqual({ periodEnd: 'reporting.createForm.periodOrder' })
  })
})
