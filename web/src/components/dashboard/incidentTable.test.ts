import type { PublicIncidentFigure, PublicIncidentView } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { axesOf, cellOf, mostFrequentKind, newestRelease, viewTable } from './incidentTable'

const shown = (count: number) => ({ count, suppressed: false, reason: null })
const hidden = { count: null, suppressed: true, reason: 'protected' as const }

describe('viewTable', () => {
  it('reads the axes of a view', () => {
    expect(axesOf('total')).toEqual([])
    expect(axesOf('kind')).toEqual(['kind'])
    expect(axesOf('area,channel')).toEqual(['area', 'channel'])
  })

  it('puts a one-way view in list order, whatever order the answer has', () => {
    const figures: PublicIncidentFigure[] = [{ kind: 'gender', ...shown(7) }, { kind: 'racism', ...shown(12) }, { kind: 'age', ...hidden }]
    const table = viewTable({ view: 'kind', published: true, figures })
    expect(table.rows.slice(0, 4).map((r) => [r.key, r.cells[0]?.count ?? 'missing'])).toEqual([['racism', 12], ['antisemitism', 'missing'], ['religion', 'missing'], ['gender', 7]])
    expect(table.rows.find((r) => r.key === 'age')!.cells[0]).toMatchObject({ suppressed: true })
  })

  it('lays a two-way view out as rows × columns', () => {
    const figures: PublicIncidentFigure[] = [{ area: 'work', channel: 'phone', ...shown(9) }, { area: 'housing', channel: 'email', ...hidden }]
    const table = viewTable({ view: 'area,channel', published: true, figures })
    expect(table.axes).toEqual(['area', 'channel'])
    expect(table.columns[0]).toBe('in_person')
    const work = table.rows.find((r) => r.key === 'work')!
    expect(work.cells).toHaveLength(7)
    expect(work.cells[1]).toMatchObject({ count: 9 })
    expect(table.rows.find((r) => r.key === 'housing')!.cells[3]).toMatchObject({ suppressed: true })
  })

  it('has one row for the total', () => {
    const total: PublicIncidentFigure = { ...shown(40) }
    expect(viewTable({ view: 'total', published: true, figures: [total] }).rows).toEqual([{ key: 'total', cells: [total] }])
  })
})

describe('cellOf', () => {
  it('never carries a count for a withheld or missing figure', () => {
    expect(cellOf({ count: 3, suppressed: true })).toEqual({ count: null, suppressed: true })
    expect(cellOf(null)).toEqual({ count: null, suppressed: true })
    expect(cellOf({ count: 0, suppressed: false })).toEqual({ count: 0, suppressed: false })
  })
})

describe('mostFrequentKind', () => {
  const view = (figures: PublicIncidentFigure[], published = true): PublicIncidentView => ({ view: 'kind', published, figures })
  it('names the kind with the most published cases, the first on a tie', () => {
    expect(mostFrequentKind(view([{ kind: 'disability', ...shown(8) }, { kind: 'gender', ...shown(8) }, { kind: 'racism', ...hidden }]))).toEqual({ kind: 'gender', count: 8 })
  })
  it('names none when all are zero or withheld, or the view is not published', () => {
    expect(mostFrequentKind(view([{ kind: 'racism', ...hidden }, { kind: 'age', ...shown(0) }]))).toBeNull()
    expect(mostFrequentKind(view([{ kind: 'racism', ...shown(9) }], false))).toBeNull()
    expect(mostFrequentKind(null)).toBeNull()
  })
})

describe('newestRelease', () => {
  it('picks the latest period, its newest version', () => {
    const ref = (id: number, periodStart: string, version = 1) => ({ id, periodStart, periodEnd: periodStart, version, publishedAt: '2025-01-01T00:00:00.000Z' })
    expect(newestRelease([ref(1, '2024-07-01'), ref(2, '2023-01-01'), ref(3, '2024-07-01', 2)])?.id).toBe(3)
    expect(newestRelease([])).toBeNull()
  })
})
