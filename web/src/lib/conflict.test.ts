import type { StatusEntry } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { diffMeasure, newestFirst, type MeasureState } from './conflict'

const entry = (id: number, date: string, overrides: Partial<StatusEntry> = {}): StatusEntry => ({
  id, date, fromStatus: null, status: 'in_progress', fromProgress: null, progress: 50, noteDe: null, noteEn: null, reason: null,
  evidenceLinks: [], organisation: { id: 5, name: 'ADS', nameEn: null }, recordedAt: `${date}T10:00:00.000Z`, ...overrides,
})
const base: MeasureState = { version: 3, status: 'in_progress', progress: 50, statusReason: null, statusHistory: [entry(1, '2022-01-01')] }

describe('diffMeasure', () => {
  it('lists the changed status, progress and reason, and the entries added meanwhile', () => {
    const added = entry(7, '2024-03-01', { status: 'delayed', progress: 40, reason: 'Staff left', organisation: { id: 9, name: 'Amt', nameEn: null } })
    const current: MeasureState = { version: 4, status: 'delayed', progress: 40, statusReason: 'Staff left', statusHistory: [...base.statusHistory, added] }
    const diff = diffMeasure(base, current)
    expect(diff.changes).toEqual([
      { field: 'status', before: 'in_progress', after: 'delayed' },
      { field: 'progress', before: 50, after: 40 },
      { field: 'reason', before: null, after: 'Staff left' },
    ])
    expect(diff.newEntries.map((e) => e.id)).toEqual([7])
    expect(diff.newestEntry?.organisation?.name).toBe('Amt')
    expect(diff.otherFieldsOnly).toBe(false)
  })

  it('notices a new entry that left status and progress as they were', () => {
    const current: MeasureState = { ...base, version: 4, statusHistory: [...base.statusHistory, entry(8, '2024-05-02')] }
    const diff = diffMeasure(base, current)
    expect(diff.changes).toEqual([])
    expect(diff.newEntries.map((e) => e.id)).toEqual([8])
    expect(diff.otherFieldsOnly).toBe(false)
  })

  it('says when only other fields changed', () => {
    const diff = diffMeasure(base, { ...base, version: 5 })
    expect(diff).toMatchObject({ changes: [], newEntries: [], otherFieldsOnly: true })
    expect(diff.newestEntry?.id).toBe(1)
  })

  it('has no newest entry for an empty timeline', () => {
    const empty = { ...base, statusHistory: [] }
    expect(diffMeasure(empty, { ...empty, version: 4 }).newestEntry).toBeNull()
  })
})

describe('newestFirst', () => {
  it('orders by date, then by the time recorded, then by id', () => {
    const entries = [
      entry(1, '2024-01-01'),
      entry(2, '2024-02-01'),
      entry(3, '2024-02-01', { recordedAt: '2024-02-01T12:00:00.000Z' }),
      entry(4, '2024-02-01', { recordedAt: '2024-02-01T12:00:00.000Z' }),
    ]
    expect(newestFirst(entries).map((e) => e.id)).toEqual([4, 3, 2, 1])
  })
})
