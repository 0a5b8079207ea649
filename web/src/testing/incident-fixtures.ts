import { discriminationKinds, type AuditFigure, type IncidentAudit, type IncidentRelease } from '@eccar/shared'

/** A release of the first half of 2024 as the API answers it, with an audit unless `audit: null` is given. */
export function buildRelease (overrides: Partial<IncidentRelease> = {}): IncidentRelease {
  return {
    id: 4,
    periodStart: '2024-01-01',
    periodEnd: '2024-06-30',
    version: 1,
    state: 'checked',
    threshold: 5,
    total: 25,
    preparedAt: '2025-01-10T09:00:00.000Z',
    checkedAt: '2025-01-10T09:01:00.000Z',
    publishedAt: null,
    counts: [
      { kind: 'racism', area: 'work', channel: 'phone', count: 21 },
      { kind: 'age', area: 'health', channel: 'phone', count: 3 },
      { kind: 'gender', area: 'work', channel: 'phone', count: 1 },
    ],
    audit: buildAudit(),
    ...overrides,
  }
}

const kindFigure = (kind: (typeof discriminationKinds)[number]): AuditFigure => {
  if (kind === 'racism') return { kind, count: 21, withheld: true, reason: 'complementary', range: { min: 17, max: 25 } }
  if (kind === 'age') return { kind, count: 3, withheld: true, reason: 'below-threshold', range: { min: 0, max: 7 } }
  if (kind === 'gender') return { kind, count: 1, withheld: true, reason: 'below-threshold', range: { min: 0, max: null } }
  return { kind, count: 0, withheld: false, reason: null, range: null }
}

export function buildAudit (overrides: Partial<IncidentAudit> = {}): IncidentAudit {
  return {
    threshold: 5,
    protection: { lower: 1, upper: 5 },
    views: [
      { view: 'total', published: true, figures: [{ count: 25, withheld: false, reason: null, range: null }] },
      { view: 'kind', published: true, figures: discriminationKinds.map(kindFigure) },
      {
        view: 'area,channel',
        published: false,
        figures: [{ area: 'work', channel: 'phone', count: 22, withheld: true, reason: 'view-withheld', range: { min: 0, max: 25 } }],
      },
    ],
    droppedViews: ['area,channel'],
    releasesConsidered: 2,
    rounds: 3,
    solves: 120,
    durationMs: 2400,
    checkedAt: '2025-01-10T09:01:00.000Z',
    ...overrides,
  }
}
