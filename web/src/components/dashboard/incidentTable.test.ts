import { discriminationKinds, type IncidentFigure, type PublicIncidentTable } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { incidentKindTable, latestPeriod } from './incidentTable'

const period = { periodStart: '2024-01-01', periodEnd: '2024-06-30' }
const shown = (count: number): Pick<IncidentFigure, 'count' | 'suppressed'> => ({ count, suppressed: false })
const hidden: Pick<IncidentFigure, 'count' | 'suppressed'> = { count: null, suppressed: true }

function answer (cells: Partial<Record<(typeof discriminationKinds)[number], Pick<IncidentFigure, 'count' | 'suppressed'>>>, total: Pick<IncidentFigure, 'count' | 'suppressed'>): PublicIncidentTable {
  return {
    threshold: 5,
    period,
    periods: [period],
    dimensions: ['kind'],
    figures: [
      ...discriminationKinds.map((kind) => ({ kind, ...(cells[kind] ?? shown(0)) })),
      { kind: null, ...total },
    ],
  }
}

describe('incidentKindTable', () => {
  it('keeps the kinds in list order, with the total apart', () => {
    const source = answer({ racism: shown(12), gender: shown(7) }, shown(19))
    source.figures.reverse()
    const table = incidentKindTable(source)!
    expect(table.rows.map((row) => row.kind)).toEqual([...discriminationKinds])
    expect(table.rows[0]).toEqual({ kind: 'racism', count: 12, suppressed: false })
    expect(table.total).toEqual({ count: 19, suppressed: false })
    expect(table.period).toEqual(period)
    expect(table.threshold).toBe(5)
    expect(table.anySuppressed).toBe(false)
  })

  it('marks suppressed cells and totals and never carries a count for them', () => {
    const source = answer({ racism: shown(12), age: hidden, other: { count: 3, suppressed: true } }, hidden)
    const table = incidentKindTable(source)!
    expect(table.rows.find((row) => row.kind === 'age')).toEqual({ kind: 'age', count: null, suppressed: true })
    expect(table.rows.find((row) => row.kind === 'other')).toEqual({ kind: 'other', count: null, suppressed: true })
    expect(table.total).toEqual({ count: null, suppressed: true })
    expect(table.anySuppressed).toBe(true)
  })

  it('names the kind with the most published cases, the first on a tie, and none when all are zero or withheld', () => {
    expect(incidentKindTable(answer({ gender: shown(8), disability: shown(8), racism: hidden }, shown(20)))!.mostFrequent?.kind).toBe('gender')
    expect(incidentKindTable(answer({ racism: hidden }, hidden))!.mostFrequent).toBeNull()
  })

  it('has nothing to show without periods, without a total or for another breakdown', () => {
    expect(incidentKindTable({ ...answer({}, shown(0)), periods: [] })).toBeNull()
    const noTotal = answer({}, shown(0))
    expect(incidentKindTable({ ...noTotal, figures: noTotal.figures.slice(0, -1) })).toBeNull()
    expect(incidentKindTable({ ...answer({}, shown(0)), dimensions: ['area'] })).toBeNull()
  })
})

describe('latestPeriod', () => {
  it('picks the period that starts last, or null when there is none', () => {
    const periods = [{ periodStart: '2024-07-01', periodEnd: '2024-12-31' }, period, { periodStart: '2023-01-01', periodEnd: '2023-12-31' }]
    expect(latestPeriod({ periods })).toEqual(periods[0])
    expect(latestPeriod({ periods: [] })).toBeNull()
  })
})
