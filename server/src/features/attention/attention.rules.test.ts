import { measureStatuses, type MeasureStatus } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { addMonths, attentionReasons, groupByLead, isoDate, type AttentionFacts } from './attention.rules.ts'

const horizon = { today: '2025-06-15', staleMonths: 6 }
const fresh: AttentionFacts = { status: 'in_progress', endDate: '2025-12-31', lastUpdate: '2025-06-01', createdAt: new Date('2024-01-10T09:00:00Z') }
const reasons = (change: Partial<AttentionFacts>, options = horizon) => attentionReasons({ ...fresh, ...change }, options)

describe('addMonths', () => {
  it.each([
    ['2025-01-15', 6, '2025-07-15'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-12-01', 1, '2025-01-01'],
    ['2020-02-29', 60, '2025-02-28'],
    ['1999-08-31', 6, '2000-02-29'],
    ['2099-08-31', 6, '2100-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-01-15', -13, '2023-12-15'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected)
  })
})

describe('isoDate', () => {
  it('takes the calendar date in UTC', () => {
    expect(isoDate(new Date('2025-06-15T23:30:00-02:00'))).toBe('2025-06-16')
  })
})

describe('attentionReasons', () => {
  it('lists nothing for a measure on time and recently reported', () => {
    expect(reasons({})).toEqual([])
  })

  it('flags a delayed measure as delayed, whatever its dates', () => {
    expect(reasons({ status: 'delayed' })).toEqual(['delayed'])
  })

  it('flags a measure as overdue from the day after its end date', () => {
    expect(reasons({ endDate: '2025-06-15' })).toEqual([])
    expect(reasons({ endDate: '2025-06-14' })).toEqual(['overdue'])
  })

  it('flags a measure as stale when the newest update is exactly staleMonths old or older', () => {
    expect(reasons({ lastUpdate: '2024-12-16' })).toEqual([])
    expect(reasons({ lastUpdate: '2024-12-15' })).toEqual(['stale'])
    expect(reasons({ lastUpdate: '2024-12-15' }, { ...horizon, staleMonths: 7 })).toEqual([])
  })

  it('counts from the creation date when there is no update at all', () => {
    expect(reasons({ lastUpdate: null, createdAt: new Date('2024-12-15T12:00:00Z') })).toEqual(['stale'])
    expect(reasons({ lastUpdate: null, createdAt: new Date('2025-01-02T12:00:00Z') })).toEqual([])
  })

  it('gives every reason that applies, in a fixed order', () => {
    expect(reasons({ status: 'delayed', endDate: '2025-01-31', lastUpdate: '2024-01-01' })).toEqual(['delayed', 'overdue', 'stale'])
  })

  it.each(['done', 'ongoing', 'dropped', 'exam_done_no', 'carried_over'] as MeasureStatus[])('never flags a settled measure (%s)', (status) => {
    expect(reasons({ status, endDate: '2020-01-01', lastUpdate: null, createdAt: new Date('2019-01-01') })).toEqual([])
  })

  it.each(measureStatuses.filter((status) => !['done', 'ongoing', 'dropped', 'exam_done_no', 'carried_over', 'delayed'].includes(status)))(
    'flags an open measure (%s) as overdue and stale', (status) => {
      expect(reasons({ status, endDate: '2020-01-01', lastUpdate: '2020-01-01' })).toEqual(['overdue', 'stale'])
    })
})

describe('groupByLead', () => {
  const amt = { id: 1, name: 'Amt für Soziales', nameEn: null }
  const aerzte = { id: 2, name: 'Ärztlicher Dienst', nameEn: null }
  const buero = { id: 3, name: 'bürgerbüro', nameEn: null }
  const zentrum = { id: 4, name: 'Zentrum', nameEn: null }

  it('sorts bodies in German order, keeps item order inside a group and puts measures without a lead last', () => {
    const items = [
      { code: '1.1', lead: null }, { code: '1.2', lead: zentrum }, { code: '1.3', lead: aerzte },
      { code: '2.1', lead: amt }, { code: '2.2', lead: zentrum }, { code: '3.1', lead: buero }, { code: '3.2', lead: null },
    ]
    const groups = groupByLead(items, (item) => item.lead)
    expect(groups.map((group) => [group.organisation?.name ?? null, group.items.map((item) => item.code)])).toEqual([
      ['Amt für Soziales', ['2.1']],
      ['Ärztlicher Dienst', ['1.3']],
      ['bürgerbüro', ['3.1']],
      ['Zentrum', ['1.2', '2.2']],
      [null, ['1.1', '3.2']],
    ])
  })

  it('returns no groups for no items', () => {
    expect(groupByLead([], () => null)).toEqual([])
  })
})
