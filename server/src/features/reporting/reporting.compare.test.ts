import type { ReportIndicator, ReportMeasure, ReportSnapshot } from '@eccar/shared'
import { upgradeSnapshot, type V1Measure } from '../../reports/snapshot-upgrade.ts'
import { describe, expect, it } from 'vitest'
import { compareSnapshots } from './reporting.compare.ts'

const measure = (code: string, status: ReportMeasure['status'], overrides: Partial<V1Measure> = {}): V1Measure => ({
  id: Number(code.replace('.', '')), code, titleDe: `Maßnahme ${code}`, titleEn: null, type: 'implementation', status, progress: 0,
  statusReason: null, secondaryCommitments: [], leadOrganisation: null, involvedOrganisations: [], updates: [], ...overrides,
})

const indicator = (nameDe: string, latestValue: number | null): ReportIndicator => ({
  id: 1, nameDe, nameEn: null, definitionDe: null, definitionEn: null, unit: 'Anzahl', unitEn: null, source: null, direction: 'increase',
  baselineValue: null, baselineDate: null, targetValue: null, targetDate: null, commitments: [], measureCodes: [],
  values: [], latestValue, progressToTarget: null,
})

/** A snapshot whose measures sit under their code's commitment (1.x under 1, …). */
function snapshot (id: number, measures: V1Measure[], indicators: ReportIndicator[] = []): ReportSnapshot {
  return upgradeSnapshot({
    formatVersion: 1,
    takenAt: '2024-01-15T10:00:00.000Z',
    city: { slug: 'jena', name: 'Jena' },
    plan: { id: 7, titleDe: 'Aktionsplan', titleEn: null, periodStart: '2022-01-01', periodEnd: '2025-12-31', resolutionNumber: null, resolutionDate: null },
    cycle: {
      id, title: `Bericht ${id}`, periodStart: '2022-01-01', periodEnd: '2023-12-31', dueDate: null, state: 'submitted',
      approvedAt: null, approvedBy: null, submittedAt: null,
    },
    commitments: Array.from({ length: 10 }, (_, i) => ({
      number: i + 1, titleEn: `C${i + 1}`, titleDe: `V${i + 1}`, localTitleDe: null, localTitleEn: null, narrativeDe: null, narrativeEn: null,
      statusCounts: {} as ReportSnapshot['commitments'][number]['statusCounts'],
      measures: measures.filter((m) => m.code.split('.')[0] === String(i + 1)),
    })),
    indicators,
  })
}

const empty = { statusTransitions: [], newMeasures: [], closedMeasures: [], indicatorChanges: [] }

describe('compareSnapshots', () => {
  it('finds nothing between two identical reports', () => {
    const report = snapshot(1, [measure('1.1', 'planned'), measure('2.1', 'done')], [indicator('Fälle', 3)])
    expect(compareSnapshots(report, report)).toMatchObject(empty)
  })

  it('names both cycles with their plans', () => {
    const result = compareSnapshots(snapshot(1, []), snapshot(2, []))
    expect(result.from).toEqual({ id: 1, title: 'Bericht 1', periodStart: '2022-01-01', periodEnd: '2023-12-31', planId: 7 })
    expect(result.to.id).toBe(2)
  })

  it('lists exactly the status transitions, in the later report\'s order, with the later titles', () => {
    const from = snapshot(1, [measure('1.1', 'planned'), measure('1.2', 'in_progress'), measure('3.1', 'planned'), measure('2.1', 'ongoing')])
    const to = snapshot(2, [
      measure('1.1', 'in_progress', { titleDe: 'Neuer Titel', titleEn: 'New title' }), measure('1.2', 'in_progress'),
      measure('2.1', 'ongoing'), measure('3.1', 'delayed'),
    ])
    const { from: _from, to: _to, ...changes } = compareSnapshots(from, to)
    expect(changes).toEqual({
      statusTransitions: [
        { code: '1.1', titleDe: 'Neuer Titel', titleEn: 'New title', from: 'planned', to: 'in_progress' },
        { code: '3.1', titleDe: 'Maßnahme 3.1', titleEn: null, from: 'planned', to: 'delayed' },
      ],
      newMeasures: [],
      closedMeasures: [],
      indicatorChanges: [],
    })
  })

  it('lists measures only in the later report as new', () => {
    const result = compareSnapshots(snapshot(1, [measure('1.1', 'planned')]), snapshot(2, [measure('1.1', 'planned'), measure('4.2', 'examining')]))
    expect(result.newMeasures).toEqual([{ code: '4.2', titleDe: 'Maßnahme 4.2', titleEn: null, status: 'examining' }])
    expect(result.statusTransitions).toEqual([])
  })

  it('lists as closed the measures that newly reach a closing status and those missing from the later report', () => {
    const from = snapshot(1, [
      measure('1.1', 'in_progress'), measure('1.2', 'examining'), measure('1.3', 'planned'), measure('1.4', 'in_progress'),
      measure('1.5', 'done'), measure('1.6', 'delayed'), measure('1.7', 'planned'),
    ])
    const to = snapshot(2, [
      measure('1.1', 'done'), measure('1.2', 'exam_done_no'), measure('1.3', 'dropped'), measure('1.4', 'carried_over'),
      measure('1.5', 'done'), measure('1.6', 'ongoing'),
    ])
    expect(compareSnapshots(from, to).closedMeasures).toEqual([
      { code: '1.1', titleDe: 'Maßnahme 1.1', titleEn: null, status: 'done', stillReported: true },
      { code: '1.2', titleDe: 'Maßnahme 1.2', titleEn: null, status: 'exam_done_no', stillReported: true },
      { code: '1.3', titleDe: 'Maßnahme 1.3', titleEn: null, status: 'dropped', stillReported: true },
      { code: '1.4', titleDe: 'Maßnahme 1.4', titleEn: null, status: 'carried_over', stillReported: true },
      { code: '1.7', titleDe: 'Maßnahme 1.7', titleEn: null, status: 'planned', stillReported: false },
    ])
  })

  it('does not count a move between two closing statuses as closing again', () => {
    const result = compareSnapshots(snapshot(1, [measure('1.1', 'done')]), snapshot(2, [measure('1.1', 'carried_over')]))
    expect(result.closedMeasures).toEqual([])
    expect(result.statusTransitions).toEqual([{ code: '1.1', titleDe: 'Maßnahme 1.1', titleEn: null, from: 'done', to: 'carried_over' }])
  })

  it('lists indicators whose latest value changed, appeared or disappeared, matched by German name', () => {
    const from = snapshot(1, [], [indicator('gleich', 5), indicator('gestiegen', 5), indicator('ohne Wert', null), indicator('entfallen', 9), indicator('leer entfallen', null)])
    const to = snapshot(2, [], [indicator('gestiegen', 8), indicator('gleich', 5), indicator('ohne Wert', 2), indicator('neu', 1), indicator('neu ohne Wert', null)])
    expect(compareSnapshots(from, to).indicatorChanges).toEqual([
      { nameDe: 'gestiegen', nameEn: null, unit: 'Anzahl', unitEn: null, from: 5, to: 8 },
      { nameDe: 'ohne Wert', nameEn: null, unit: 'Anzahl', unitEn: null, from: null, to: 2 },
      { nameDe: 'neu', nameEn: null, unit: 'Anzahl', unitEn: null, from: null, to: 1 },
      { nameDe: 'entfallen', nameEn: null, unit: 'Anzahl', unitEn: null, from: 9, to: null },
    ])
  })

  it('matches carried-over measures of a successor plan by their code', () => {
    const from = snapshot(1, [measure('2.3', 'in_progress', { id: 10 })])
    const to = { ...snapshot(2, [measure('2.3', 'done', { id: 99 })]), plan: { ...snapshot(2, []).plan, id: 8 } }
    const result = compareSnapshots(from, to)
    expect(result.newMeasures).toEqual([])
    expect(result.statusTransitions).toEqual([{ code: '2.3', titleDe: 'Maßnahme 2.3', titleEn: null, from: 'in_progress', to: 'done' }])
    expect(result.to.planId).toBe(8)
  })
})
