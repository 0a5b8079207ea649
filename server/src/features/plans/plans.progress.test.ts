import { describe, expect, it } from 'vitest'
import { summariseProgress } from './plans.progress.ts'

const titles = [1, 2].map((number) => ({ number, titleEn: `C${number}`, titleDe: `V${number}`, localTitleDe: null, localTitleEn: null }))

describe('summariseProgress', () => {
  it('gives every commitment every status, zero when nothing is there', () => {
    const summary = summariseProgress(7, titles, [])
    expect(summary.total).toEqual({ measureCount: 0, byStatus: expect.objectContaining({ planned: 0, carried_over: 0 }), settledShare: 0, averageProgress: 0 })
    expect(Object.keys(summary.commitments[0]!.byStatus)).toHaveLength(10)
  })

  it('counts done and ongoing as settled and averages progress over all measures', () => {
    const summary = summariseProgress(7, titles, [
      { commitment: 1, status: 'done', count: 1, progressSum: 100 },
      { commitment: 1, status: 'planned', count: 2, progressSum: 0 },
      { commitment: 2, status: 'ongoing', count: 3, progressSum: 210 },
    ])
    expect(summary.commitments[0]).toMatchObject({ measureCount: 3, settledShare: 0.3333, averageProgress: 33.3 })
    expect(summary.commitments[1]).toMatchObject({ measureCount: 3, settledShare: 1, averageProgress: 70 })
    expect(summary.total).toMatchObject({ measureCount: 6, settledShare: 0.6667, averageProgress: 51.7 })
  })
})
