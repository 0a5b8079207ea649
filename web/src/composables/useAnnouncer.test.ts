import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAnnouncer } from './useAnnouncer'

describe('useAnnouncer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('puts a message into the live region and clears it later', () => {
    const { message, announce } = useAnnouncer()
    announce('Wird geladen …')
    vi.advanceTimersByTime(60)
    expect(message.value).toBe('Wird geladen …')
    vi.advanceTimersByTime(5000)
    expect(message.value).toBe('')
  })

  it('reads out a page title only after a page change', () => {
    const { message, expectPageTitle, pageTitleKnown } = useAnnouncer()
    pageTitleKnown('Start')
    vi.advanceTimersByTime(60)
    expect(message.value).toBe('')
    expectPageTitle()
    pageTitleKnown('Verpflichtung 2: Bewertung')
    pageTitleKnown('something later')
    vi.advanceTimersByTime(60)
    expect(message.value).toBe('Verpflichtung 2: Bewertung')
  })
})
