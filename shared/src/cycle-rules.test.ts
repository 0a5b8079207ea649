import { describe, expect, it } from 'vitest'
import { availableTransitions, mayEditNarratives } from './cycle-rules.ts'

describe('availableTransitions', () => {
  it('lets editors hand in for review and take back, but not approve', () => {
    expect(availableTransitions('open', 'editor')).toEqual(['in_review'])
    expect(availableTransitions('in_review', 'editor')).toEqual(['open'])
    expect(availableTransitions('approved', 'editor')).toEqual([])
  })
  it('lets admins approve, withdraw and submit; nothing follows submission', () => {
    expect(availableTransitions('in_review', 'admin')).toEqual(['open', 'approved'])
    expect(availableTransitions('approved', 'admin')).toEqual(['in_review', 'submitted'])
    expect(availableTransitions('submitted', 'admin')).toEqual([])
  })
  it('gives viewers and strangers no steps', () => {
    expect(availableTransitions('open', 'viewer')).toEqual([])
    expect(availableTransitions('open', null)).toEqual([])
  })
})

describe('mayEditNarratives', () => {
  it('allows editors and admins while open or in review', () => {
    expect(mayEditNarratives('open', 'editor')).toBe(true)
    expect(mayEditNarratives('in_review', 'admin')).toBe(true)
    expect(mayEditNarratives('approved', 'admin')).toBe(false)
    expect(mayEditNarratives('open', 'viewer')).toBe(false)
  })
})
