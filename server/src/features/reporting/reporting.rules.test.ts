import { cycleStates } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { defaultPeriod, defaultTitle, nextStates, transitionRole } from './reporting.rules.ts'

const jena = { periodStart: '2022-01-01', periodEnd: '2023-12-31' }
const long = { periodStart: '2024-01-01', periodEnd: '2028-06-30' }

describe('defaultPeriod', () => {
  it('covers a two-year plan as a whole (Jena: 2022–2023)', () => {
    expect(defaultPeriod(jena, null, {})).toEqual(jena)
  })

  it('takes two years at a time from a longer plan, the last cycle ending with the plan', () => {
    expect(defaultPeriod(long, null, {})).toEqual({ periodStart: '2024-01-01', periodEnd: '2025-12-31' })
    expect(defaultPeriod(long, '2025-12-31', {})).toEqual({ periodStart: '2026-01-01', periodEnd: '2027-12-31' })
    expect(defaultPeriod(long, '2027-12-31', {})).toEqual({ periodStart: '2028-01-01', periodEnd: '2028-06-30' })
  })

  it('is null once the cycles cover the plan, unless a period is given', () => {
    expect(defaultPeriod(jena, '2023-12-31', {})).toBeNull()
    expect(defaultPeriod(jena, '2023-12-31', { periodStart: '2024-01-01' })).toEqual({ periodStart: '2024-01-01', periodEnd: '2025-12-31' })
  })

  it('keeps what is given and fills in the rest', () => {
    expect(defaultPeriod(jena, null, { periodEnd: '2022-12-31' })).toEqual({ periodStart: '2022-01-01', periodEnd: '2022-12-31' })
    expect(defaultPeriod(jena, null, { periodStart: '2023-01-01' })).toEqual({ periodStart: '2023-01-01', periodEnd: '2023-12-31' })
  })
})

describe('defaultTitle', () => {
  it('names the years covered', () => {
    expect(defaultTitle(jena)).toBe('Umsetzungsbericht 2022–2023')
    expect(defaultTitle({ periodStart: '2024-01-01', periodEnd: '2024-12-31' })).toBe('Umsetzungsbericht 2024')
  })
})

describe('transitionRole', () => {
  const legal = { 'open>in_review': 'editor', 'in_review>open': 'editor', 'in_review>approved': 'admin', 'approved>in_review': 'admin', 'approved>submitted': 'admin' }
  it('allows exactly the five steps of the cycle, each with its role, and nothing after submission', () => {
    const table = Object.fromEntries(cycleStates.flatMap((from) => cycleStates.map((to) => [`${from}>${to}`, transitionRole(from, to)]))
      .filter(([, role]) => role !== null))
    expect(table).toEqual(legal)
    expect(nextStates('submitted')).toEqual([])
    expect(nextStates('in_review')).toEqual(['open', 'approved'])
  })
})
