import { describe, expect, it } from 'vitest'
import { buildProgress } from '@/testing/fixtures'
import { distributionChartData, distributionSummary } from './distributionChartData'

const progress = buildProgress([
  { planned: 3, done: 1, ongoing: 1 },
  { planned: 4, done: 1 },
  { planned: 2 },
])

describe('distributionChartData', () => {
  it('makes one bar per commitment and one segment per status that occurs, settled first', () => {
    const data = distributionChartData(progress, (n) => `C${n}`, (s) => s.toUpperCase())
    expect(data.labels).toEqual(['C1', 'C2', 'C3'])
    expect(data.statuses).toEqual(['done', 'ongoing', 'planned'])
    expect(data.datasets).toEqual([
      { status: 'done', label: 'DONE', data: [1, 1, 0] },
      { status: 'ongoing', label: 'ONGOING', data: [1, 0, 0] },
      { status: 'planned', label: 'PLANNED', data: [3, 4, 2] },
    ])
  })
})

describe('distributionSummary', () => {
  it('names the settled share, the most common status and the leading commitment', () => {
    expect(distributionSummary(progress)).toEqual({
      total: 12, settled: 3, settledShare: 3 / 12, topStatus: 'planned', topCount: 9, leader: { number: 1, share: 0.4 },
    })
  })

  it('has no leader and no top status for an empty plan', () => {
    const summary = distributionSummary(buildProgress([{}, {}]))
    expect(summary).toMatchObject({ total: 0, settled: 0, settledShare: 0, topStatus: null, leader: null })
  })
})
