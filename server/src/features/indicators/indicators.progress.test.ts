import { describe, expect, it } from 'vitest'
import { latestTotal, progressToTarget, type ValuePoint } from './indicators.progress.ts'

const total = (periodStart: string, periodEnd: string, value: number): ValuePoint => ({ periodStart, periodEnd, category: null, value })

describe('latestTotal', () => {
  it('takes the total of the period that ends last, whatever order the values come in', () => {
    expect(latestTotal([total('2023-01-01', '2023-12-31', 7), total('2022-01-01', '2022-12-31', 3)])).toBe(7)
  })

  it('prefers the later start when two periods end on the same day', () => {
    expect(latestTotal([total('2022-01-01', '2023-12-31', 20), total('2023-07-01', '2023-12-31', 4)])).toBe(4)
  })

  it('ignores values broken down by category', () => {
    expect(latestTotal([total('2022-01-01', '2022-12-31', 3), { ...total('2023-01-01', '2023-12-31', 9), category: 'Wohnen' }])).toBe(3)
  })

  it('is null without a total', () => {
    expect(latestTotal([])).toBeNull()
    expect(latestTotal([{ ...total('2023-01-01', '2023-12-31', 9), category: 'Arbeit' }])).toBeNull()
  })
})

describe('progressToTarget', () => {
  it.each([
    ['half way up', 10, 20, 15, 0.5],
    ['half way down (direction "decrease")', 40, 20, 30, 0.5],
    ['at the baseline', 10, 20, 10, 0],
    ['at the target', 40, 20, 20, 1],
    ['beyond the target', 10, 20, 25, 1.5],
    ['moving away from the target', 10, 20, 5, -0.5],
    ['a third of the way, rounded to four places', 0, 3, 1, 0.3333],
  ])('is the share of the way from baseline to target: %s', (_case, baselineValue, targetValue, latest, expected) => {
    expect(progressToTarget({ baselineValue, targetValue }, latest)).toBe(expected)
  })

  it.each([
    ['without a baseline', null, 20, 15],
    ['without a target', 10, null, 15],
    ['without a latest total', 10, 20, null],
    ['when target equals baseline', 10, 10, 12],
  ])('is null %s', (_case, baselineValue, targetValue, latest) => {
    expect(progressToTarget({ baselineValue, targetValue }, latest)).toBeNull()
  })
})
