import { measureStatuses, type StatusCounts } from '@eccar/shared'
import type { V1Snapshot } from './snapshot-upgrade.ts'
import { renderReport } from './render-report.ts'

const counts = Object.fromEntries(measureStatuses.map((s) => [s, s === 'in_progress' ? 1 : 0])) as StatusCounts

/** A one-measure snapshot that touches every part of the renderers (text in both languages, lists, tables). */
// Written in the first snapshot format, so warming up also runs the upgrade of stored old snapshots.
const sample: V1Snapshot = {
  formatVersion: 1,
  takenAt: '2024-01-01T00:00:00.000Z',
  city: { slug: 'warm-up', name: 'Warm-up' },
  plan: { id: 1, titleDe: 'Aktionsplan', titleEn: null, periodStart: '2024-01-01', periodEnd: '2024-12-31', resolutionNumber: null, resolutionDate: null },
  cycle: { id: 1, title: 'Zyklus', periodStart: '2024-01-01', periodEnd: '2024-12-31', dueDate: null, state: 'open', approvedAt: null, approvedBy: null, submittedAt: null },
  commitments: [{
    number: 1,
    titleEn: 'Greater Vigilance Against Racism',
    titleDe: 'Verstärkte Wachsamkeit gegenüber Rassismus',
    localTitleDe: null,
    localTitleEn: null,
    narrativeDe: 'Gedenken am Enver-Şimşek-Platz; Maßnahmen für 2024–2025.',
    narrativeEn: null,
    statusCounts: counts,
    measures: [{
      id: 1, code: '1.1', titleDe: 'Maßnahme', titleEn: 'Measure', type: 'implementation', status: 'in_progress', progress: 50,
      statusReason: null, secondaryCommitments: [2], leadOrganisation: 'Büro für Migration und Integration', involvedOrganisations: [],
      updates: [{ date: '2024-06-01', fromStatus: 'planned', status: 'in_progress', progress: 50, noteDe: 'Begonnen.', noteEn: null, reason: null, organisation: null }],
    }],
  }],
  indicators: [{
    id: 1, nameDe: 'Kennzahl', nameEn: null, definitionDe: null, definitionEn: null, unit: '%', source: null, direction: 'increase',
    baselineValue: 1, baselineDate: null, targetValue: 2, targetDate: null, commitments: [1], measureCodes: ['1.1'],
    values: [], latestValue: 1.5, progressToTarget: 0.5,
  }],
}

/**
 * Renders a tiny report once in each binary format. The first PDF of a process otherwise pays
 * about a second for loading the fonts and compiling the PDF and font code paths; call this
 * after the server has started listening so no user waits for it.
 */
export async function warmUpReportRenderers (): Promise<void> {
  await renderReport(sample, { kind: 'eccar', format: 'pdf', lang: 'en' })
  await renderReport(sample, { kind: 'council', format: 'docx', lang: 'de' })
}
