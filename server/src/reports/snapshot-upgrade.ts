import type { ReportCommitment, ReportMeasure, ReportSnapshot } from '@eccar/shared'

/**
 * Snapshots submitted before issue 13 (format 1) lack the fields added since: they are read as
 * what they recorded, with the new fields empty, so old reports still render and compare. Their
 * statuses stay those recorded on submission; nothing is recomputed.
 */
export type V1Update = Omit<ReportMeasure['updates'][number], 'organisation' | 'evidenceLinks'> & { organisation: string | null }
export type V1Measure = Pick<ReportMeasure, 'id' | 'code' | 'titleDe' | 'titleEn' | 'type' | 'status' | 'progress' | 'statusReason' | 'secondaryCommitments'>
  & { leadOrganisation: string | null, involvedOrganisations: string[], updates: V1Update[] }
export type V1Commitment = Pick<ReportCommitment, 'number' | 'titleEn' | 'titleDe' | 'localTitleDe' | 'localTitleEn' | 'narrativeDe' | 'narrativeEn' | 'statusCounts'>
  & { measures: V1Measure[] }
export type V1Snapshot = Omit<ReportSnapshot, 'formatVersion' | 'commitments' | 'cycle' | 'indicators' | 'previous'> & {
  formatVersion: 1
  cycle: Omit<ReportSnapshot['cycle'], 'titleEn'>
  commitments: V1Commitment[]
  indicators: Omit<ReportSnapshot['indicators'][number], 'unitEn'>[]
}
export type StoredSnapshot = V1Snapshot | ReportSnapshot

const named = (name: string | null) => (name === null ? null : { name, nameEn: null })

function upgradeMeasure (m: V1Measure): ReportMeasure {
  return {
    ...m,
    descriptionDe: null,
    descriptionEn: null,
    startDate: null,
    endDate: null,
    timeframeNoteDe: null,
    timeframeNoteEn: null,
    fundingNoteDe: null,
    fundingNoteEn: null,
    statusDate: null,
    startedInPeriod: false,
    closedInPeriod: false,
    leadOrganisation: named(m.leadOrganisation),
    involvedOrganisations: m.involvedOrganisations.map((name) => ({ name, nameEn: null })),
    goodPractice: false,
    goodPracticeDescriptionDe: null,
    goodPracticeDescriptionEn: null,
    updates: m.updates.map((u) => ({ ...u, organisation: named(u.organisation), evidenceLinks: [] })),
  }
}

/**
 * Reports made before the city's look was frozen with them (issue 17) have no `brand`; it stays absent and
 * they render as they always did, neutral. Their look is not taken from the city's settings now: that would
 * give a submitted report a logo it was never submitted with.
 */
export function upgradeSnapshot (stored: StoredSnapshot): ReportSnapshot {
  if (stored.formatVersion === 2) return stored
  return {
    ...stored,
    formatVersion: 2,
    cycle: { ...stored.cycle, titleEn: null },
    commitments: stored.commitments.map((c) => ({
      ...c,
      challengesDe: null,
      challengesEn: null,
      needsDe: null,
      needsEn: null,
      exchangeTopicsDe: null,
      exchangeTopicsEn: null,
      noNarrativeReasonDe: null,
      noNarrativeReasonEn: null,
      measures: c.measures.map(upgradeMeasure),
      secondaryMeasures: [],
    })),
    indicators: stored.indicators.map((i) => ({ ...i, unitEn: null })),
    previous: null,
  }
}
