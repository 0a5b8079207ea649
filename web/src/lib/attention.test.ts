import type { AttentionMeasure, PlanAttention } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { mergeAttention, monthsBetween, reasonTexts } from './attention'

const measure = (id: number, code: string, overrides: Partial<AttentionMeasure> = {}): AttentionMeasure => ({
  id, code, titleDe: `M ${code}`, titleEn: null, status: 'planned', progress: 0, endDate: '2023-12-31', lastUpdate: null, reasons: ['overdue'], ...overrides,
})
const org = (id: number, name: string) => ({ id, name, nameEn: null })
const answer = (groups: PlanAttention['groups']): PlanAttention => ({
  planId: 1, today: '2024-06-15', staleMonths: 6, total: groups.reduce((n, g) => n + g.measures.length, 0), groups,
})

describe('monthsBetween', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2024-01-15', '2024-06-15')).toBe(5)
    expect(monthsBetween('2024-01-16', '2024-06-15')).toBe(4)
    expect(monthsBetween('2022-07-01', '2024-06-15')).toBe(23)
    expect(monthsBetween('2024-06-20', '2024-06-15')).toBe(0)
  })
})

describe('reasonTexts', () => {
  it('words every reason with its figures', () => {
    const m = measure(1, '1.1', { reasons: ['delayed', 'overdue', 'stale'], lastUpdate: '2023-01-10', endDate: '2023-12-31' })
    expect(reasonTexts(m, '2024-06-15', 6)).toEqual([
      { key: 'delayed', params: {} },
      { key: 'overdue', params: { date: '2023-12-31' } },
      { key: 'stale', params: { months: 17, date: '2023-01-10' } },
    ])
  })

  it('says "never updated" for a stale measure without any update', () => {
    expect(reasonTexts(measure(1, '1.1', { reasons: ['stale'] }), '2024-06-15', 6)).toEqual([{ key: 'neverUpdated', params: { months: 6 } }])
  })
})

describe('mergeAttention', () => {
  it('returns a single answer as it is, and null for none', () => {
    const one = answer([{ organisation: org(5, 'ADS'), measures: [measure(1, '1.1')] }])
    expect(mergeAttention([one])).toBe(one)
    expect(mergeAttention([])).toBeNull()
  })

  it('joins the answers per organisation: each measure once, groups by lead body, plan order', () => {
    const a = answer([
      { organisation: org(9, 'Stadtverwaltung'), measures: [measure(10, '10.1'), measure(2, '2.1')] },
      { organisation: null, measures: [measure(4, '4.4')] },
    ])
    const b = answer([
      { organisation: org(5, 'Antidiskriminierungsstelle'), measures: [measure(3, '3.1')] },
      { organisation: org(9, 'Stadtverwaltung'), measures: [measure(2, '2.1'), measure(11, '2.10')] },
    ])
    const merged = mergeAttention([a, b])!
    expect(merged.total).toBe(5)
    expect(merged.groups.map((g) => g.organisation?.name ?? null)).toEqual(['Antidiskriminierungsstelle', 'Stadtverwaltung', null])
    expect(merged.groups[1]!.measures.map((m) => m.code)).toEqual(['2.1', '2.10', '10.1'])
  })
})
