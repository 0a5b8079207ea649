import { describe, expect, it } from 'vitest'
import { counts } from '@/testing/fixtures'
import type { TrendPoint } from './statusTrend'
import { trendChartData, trendSummary } from './trendChartData'

const points: TrendPoint[] = [
  { year: 2022, index: 1, date: '2022-03-31', counts: counts({ planned: 4, in_progress: 1 }) },
  { year: 2022, index: 2, date: '2022-06-30', counts: counts({ planned: 3, in_progress: 1, done: 1 }) },
  { year: 2022, index: 3, date: '2022-09-15', counts: counts({ planned: 3, done: 1, ongoing: 1 }) },
]

describe('trendChartData', () => {
  it('labels each period and follows completed, ongoing and in-progress measures as shares of all in percent', () => {
    const data = trendChartData(points, (p) => `Q${p.index}`, (s) => s)
    expect(data.labels).toEqual(['Q1', 'Q2', 'Q3'])
    expect(data.datasets.map((d) => [d.status, d.data])).toEqual([
      ['done', [0, 20, 20]],
      ['ongoing', [0, 0, 20]],
      ['in_progress', [20, 20, 0]],
    ])
    expect(data.totals).toEqual([5, 5, 5])
    expect(data.counts[1]).toMatchObject({ planned: 3, in_progress: 1, done: 1 })
  })

  it('rounds shares to one decimal and gives an empty plan 0 %', () => {
    const thirds: TrendPoint[] = [
      { year: 2022, index: 1, date: '2022-03-31', counts: counts({ planned: 2, done: 1 }) },
      { year: 2022, index: 2, date: '2022-06-30', counts: counts({}) },
    ]
    expect(trendChartData(thirds, String, String).datasets[0]!.data).toEqual([33.3, 0])
  })
})

describe('trendSummary', () => {
  it('compares settled measures at the first and the last period', () => {
    expect(trendSummary(points)).toMatchObject({ settledFirst: 0, settledLast: 2, total: 5, first: points[0], last: points[2] })
  })

  it('is null without periods', () => {
    expect(trendSummary([])).toBeNull()
  })
})
