import { IncidentLimits } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { cellKey, channelTotals, countsFromGrid, gridErrors, gridFromCounts, isClosed, overlaps, parseCount, periodOf, periodTotals } from './incident-grid'

describe('incident grid', () => {
  it('has a cell for every kind, area and channel, empty unless a count was entered', () => {
    const values = gridFromCounts([{ kind: 'racism', area: 'work', channel: 'phone', count: 7 }, { kind: 'age', area: 'health', channel: 'email', count: 0 }])
    expect(Object.keys(values)).toHaveLength(IncidentLimits.cellsPerPeriod)
    expect(values[cellKey('racism', 'work', 'phone')]).toBe('7')
    expect(values[cellKey('age', 'health', 'email')]).toBe('')
  })

  it('reads empty as 0 and refuses anything but digits up to the limit', () => {
    expect(parseCount('')).toBe(0)
    expect(parseCount(' 12 ')).toBe(12)
    for (const text of ['-1', '1.5', '1e3', 'drei', '0x10']) expect(parseCount(text), text).toBeNull()
    expect(parseCount(String(IncidentLimits.maxCount))).toBe(IncidentLimits.maxCount)
    expect(parseCount(String(IncidentLimits.maxCount + 1))).toBeNull()
  })

  it('names each wrong cell with why, and sends only non-zero counts', () => {
    const values = gridFromCounts([])
    values[cellKey('racism', 'work', 'phone')] = '3'
    values[cellKey('gender', 'housing', 'email')] = 'x'
    values[cellKey('age', 'health', 'mail')] = '2000000'
    values[cellKey('other', 'other', 'other')] = '0'
    expect(gridErrors(values)).toEqual([
      { key: cellKey('gender', 'housing', 'email'), error: 'notCount' },
      { key: cellKey('age', 'health', 'mail'), error: 'tooLarge' },
    ])
    values[cellKey('gender', 'housing', 'email')] = ''
    values[cellKey('age', 'health', 'mail')] = '4'
    expect(countsFromGrid(values)).toEqual([
      { kind: 'racism', area: 'work', channel: 'phone', count: 3 },
      { kind: 'age', area: 'health', channel: 'mail', count: 4 },
    ])
  })

  it('adds up rows, columns and the channel, and every channel for the period', () => {
    const values = gridFromCounts([
      { kind: 'racism', area: 'work', channel: 'phone', count: 3 },
      { kind: 'racism', area: 'housing', channel: 'phone', count: 4 },
      { kind: 'gender', area: 'work', channel: 'phone', count: 5 },
      { kind: 'gender', area: 'work', channel: 'email', count: 6 },
    ])
    values[cellKey('age', 'work', 'phone')] = 'oops'
    const phone = channelTotals(values, 'phone')
    expect(phone.byKind.racism).toBe(7)
    expect(phone.byArea.work).toBe(8)
    expect(phone.total).toBe(12)
    expect(periodTotals(values)).toMatchObject({ total: 18, byChannel: { phone: 12, email: 6, in_person: 0 } })
  })

  it('makes half-years and years, tells overlaps and closed periods', () => {
    expect(periodOf(2024, 'firstHalf')).toEqual({ periodStart: '2024-01-01', periodEnd: '2024-06-30' })
    expect(periodOf(2024, 'secondHalf')).toEqual({ periodStart: '2024-07-01', periodEnd: '2024-12-31' })
    expect(periodOf(2023, 'year')).toEqual({ periodStart: '2023-01-01', periodEnd: '2023-12-31' })
    expect(overlaps(periodOf(2024, 'year'), periodOf(2024, 'secondHalf'))).toBe(true)
    expect(overlaps(periodOf(2024, 'firstHalf'), periodOf(2024, 'secondHalf'))).toBe(false)
    expect(isClosed(periodOf(2024, 'firstHalf'), '2024-07-01')).toBe(true)
    expect(isClosed(periodOf(2024, 'firstHalf'), '2024-06-30')).toBe(false)
  })
})
