import type { MeasureSummary, PlanDetail, PlanProgress, StatusCounts } from '@eccar/shared'
import { zeroCounts } from '@/components/dashboard/statusTrend'

/** Test data builders with overrides (the factories pattern, for the web's side of the contracts). */
export function counts (overrides: Partial<StatusCounts> = {}): StatusCounts {
  return { ...zeroCounts(), ...overrides }
}

export function buildMeasureSummary (overrides: Partial<MeasureSummary> = {}): MeasureSummary {
  return {
    id: 1,
    planId: 1,
    code: '1.1',
    primaryCommitment: 1,
    secondaryCommitments: [],
    titleDe: 'Antidiskriminierungsstelle weiter betreiben',
    titleEn: 'Keep running the anti-discrimination office',
    type: 'ongoing',
    status: 'planned',
    progress: 0,
    leadOrganisation: { id: 5, name: 'Antidiskriminierungsstelle', nameEn: null },
    involvedOrganisations: [],
    startDate: null,
    endDate: null,
    recurrence: 'once',
    isPublic: true,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

export function buildProgress (perCommitment: Partial<StatusCounts>[]): PlanProgress {
  const commitments = perCommitment.map((c, i) => {
    const byStatus = counts(c)
    const measureCount = Object.values(byStatus).reduce((a, b) => a + b, 0)
    const settled = byStatus.done + byStatus.ongoing
    return {
      number: i + 1,
      titleEn: `Commitment ${i + 1}`,
      titleDe: `Verpflichtung ${i + 1}`,
      localTitleDe: null,
      localTitleEn: null,
      measureCount,
      byStatus,
      settledShare: measureCount ? settled / measureCount : 0,
      averageProgress: 0,
    }
  })
  const total = counts()
  for (const c of commitments) for (const [s, n] of Object.entries(c.byStatus)) total[s as keyof StatusCounts] += n
  const measureCount = Object.values(total).reduce((a, b) => a + b, 0)
  return {
    planId: 1,
    total: { measureCount, byStatus: total, settledShare: measureCount ? (total.done + total.ongoing) / measureCount : 0, averageProgress: 0 },
    latestUpdate: '2024-05-17',
    commitments,
  }
}

export function buildPlan (overrides: Partial<PlanDetail> = {}): PlanDetail {
  return {
    id: 1,
    citySlug: 'jena',
    cityName: 'Jena',
    titleDe: '10-Punkte-Aktionsplan der Stadt Jena',
    titleEn: null,
    periodStart: '2022-01-01',
    periodEnd: '2023-12-31',
    resolutionNumber: '20/0372-BV',
    resolutionDate: '2020-07-16',
    state: 'adopted',
    predecessorId: null,
    successorId: null,
    measureCount: 9,
    version: 1,
    introDe: null,
    introEn: null,
    commitments: Array.from({ length: 10 }, (_, i) => ({
      number: i + 1,
      titleEn: `Commitment ${i + 1}`,
      titleDe: `Verpflichtung ${i + 1}`,
      localTitleDe: null,
      localTitleEn: null,
      hasContext: i === 0,
      contextDe: i === 0 ? 'Erster Absatz.\n\nZweiter Absatz.' : null,
      contextEn: null,
      measureCount: 1,
    })),
    ...overrides,
  }
}
