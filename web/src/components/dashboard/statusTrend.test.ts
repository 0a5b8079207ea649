import type { PlanStatusHistory } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { counts } from '@/testing/fixtures'
import { periodsBetween, statusCountsOverTime, statusesPresent, trendRange } from './statusTrend'

type Item = PlanStatusHistory['items'][number]
const item = (measureId: number, date: string, fromStatus: Item['fromStatus'], status: Item['status']): Item =>
  ({ measureId, code: `1.${measureId}`, primaryCommitment: 1, date, fromStatus, status, progress: 0 })

describe('periodsBetween', () => {
  it('lists month ends, the last one capped at the end date', () => {
    expect(periodsBetween('2024-01-15', '2024-03-10', 'month').map((p) => p.date))
      .toEqual(['2024-01-31', '2024-02-29', '2024-03-10'])
  })

  it('lists quarter ends from the quarter containing the start, across a year boundary', () => {
    expect(periodsBetween('2021-08-01', '2022-06-30', 'quarter'))
      .toEqual([
        { year: 2021, index: 3, date: '2021-09-30' },
        { year: 2021, index: 4, date: '2021-12-31' },
        { year: 2022, index: 1, date: '2022-03-31' },
        { year: 2022, index: 2, date: '2022-06-30' },
      ])
  })

  it('gives one period when start and end fall in the same month', () => {
    expect(periodsBetween('2024-05-02', '2024-05-20', 'month')).toEqual([{ year: 2024, index: 5, date: '2024-05-20' }])
  })
})

describe('statusCountsOverTime', () => {
  const history = [
    item(1, '2021-07-01', null, 'in_progress'),
    item(2, '2022-05-31', null, 'done'),
    item(1, '2022-07-01', 'in_progress', 'ongoing'),
  ]
  // Today: measure 1 ongoing, measure 2 done, 3 more never changed and planned.
  const current = counts({ planned: 3, done: 1, ongoing: 1 })

  it('counts each measure by its last status up to each period end', () => {
    const points = statusCountsOverTime({ history, current, from: '2021-07-01', to: '2022-09-30', interval: 'quarter' })
    expect(points.map((p) => [p.date, p.counts.planned, p.counts.in_progress, p.counts.done, p.counts.ongoing])).toEqual([
      ['2021-09-30', 4, 1, 0, 0],
      ['2021-12-31', 4, 1, 0, 0],
      ['2022-03-31', 4, 1, 0, 0],
      ['2022-06-30', 3, 1, 1, 0],
      ['2022-09-30', 3, 0, 1, 1],
    ])
  })

  it('keeps the total constant and ends at today\'s counts', () => {
    const points = statusCountsOverTime({ history, current, from: '2021-01-01', to: '2026-11-21', interval: 'month' })
    for (const p of points) expect(Object.values(p.counts).reduce((a, b) => a + b, 0)).toBe(5)
    expect(points[points.length - 1]!.counts).toEqual(current)
  })

  it('uses the first entry\'s previous status before the first change', () => {
    const points = statusCountsOverTime({
      history: [item(7, '2023-02-10', 'examining', 'exam_done_go')],
      current: counts({ exam_done_go: 1 }),
      from: '2023-01-01',
      to: '2023-02-28',
      interval: 'month',
    })
    expect(points.map((p) => p.counts.examining)).toEqual([1, 0])
    expect(points.map((p) => p.counts.exam_done_go)).toEqual([0, 1])
  })

  it('sorts entries by date even when the input is not in order', () => {
    const points = statusCountsOverTime({
      history: [item(1, '2022-07-01', 'in_progress', 'done'), item(1, '2022-01-10', 'planned', 'in_progress')],
      current: counts({ done: 1 }),
      from: '2022-01-01',
      to: '2022-12-31',
      interval: 'quarter',
    })
    expect(points.map((p) => p.counts.in_progress)).toEqual([1, 1, 0, 0])
    expect(points.map((p) => p.counts.done)).toEqual([0, 0, 1, 1])
  })

  it('never counts below zero when current counts and history disagree', () => {
    const points = statusCountsOverTime({
      history: [item(1, '2022-01-10', null, 'done')], current: counts(), from: '2022-01-01', to: '2022-01-31', interval: 'month',
    })
    expect(points[0]!.counts.done).toBe(1)
    expect(Object.values(points[0]!.counts).every((n) => n >= 0)).toBe(true)
  })
})

describe('trendRange', () => {
  it('runs from the plan start, never before even when a change was recorded earlier, until today for an adopted plan', () => {
    const plan = { periodStart: '2022-01-01', periodEnd: '2023-12-31', state: 'adopted' }
    expect(trendRange(plan, [item(1, '2021-07-01', null, 'in_progress')], '2026-11-21')).toEqual({ from: '2022-01-01', to: '2026-11-21' })
  })

  it('ends a closed plan at its period end or its last recorded change', () => {
    const plan = { periodStart: '2022-01-01', periodEnd: '2023-12-31', state: 'closed' }
    expect(trendRange(plan, [], '2026-11-21')).toEqual({ from: '2022-01-01', to: '2023-12-31' })
    expect(trendRange(plan, [item(1, '2024-03-12', null, 'done')], '2026-11-21')).toEqual({ from: '2022-01-01', to: '2024-03-12' })
  })

  it('never ends before it starts (a plan that has not begun yet)', () => {
    const plan = { periodStart: '2030-01-01', periodEnd: '2031-12-31', state: 'adopted' }
    expect(trendRange(plan, [], '2026-11-21')).toEqual({ from: '2030-01-01', to: '2030-01-01' })
  })
})

describe('statusesPresent', () => {
  it('lists statuses that occur anywhere, settled ones first', () => {
    expect(statusesPresent([{ counts: counts({ planned: 2 }) }, { counts: counts({ planned: 1, done: 1 }) }])).toEqual(['done', 'planned'])
  })
})
