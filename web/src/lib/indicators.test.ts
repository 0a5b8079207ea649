import { describe, expect, it } from 'vitest'
import { indicatorProgress, publishedIndicators } from './indicators'

describe('indicatorProgress', () => {
  it('is nothing without a computable share', () => {
    expect(indicatorProgress({ progressToTarget: null })).toBeNull()
  })
  it('gives the bar a clamped percentage and keeps the raw share', () => {
    expect(indicatorProgress({ progressToTarget: 0.456 })).toEqual({ bar: 46, share: 0.456 })
    expect(indicatorProgress({ progressToTarget: 1.3 })).toEqual({ bar: 100, share: 1.3 })
    expect(indicatorProgress({ progressToTarget: -0.2 })).toEqual({ bar: 0, share: -0.2 })
  })
})

describe('publishedIndicators', () => {
  it('keeps published ones in order', () => {
    expect(publishedIndicators([{ isPublic: true, n: 1 }, { isPublic: false, n: 2 }, { isPublic: true, n: 3 }]).map((i) => i.n)).toEqual([1, 3])
  })
})
