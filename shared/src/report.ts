import { Type, type Static } from 'typebox'
import { CommitmentNumberSchema, DateSchema, DateTimeSchema, IdSchema, Nullable, SlugSchema } from './common.ts'
import { hexColourPattern } from './contrast.ts'
import { StatusCountsSchema } from './progress.ts'
import { CycleComparisonSchema } from './reporting.ts'
import { CycleStateSchema, IndicatorDirectionSchema, MeasureStatusSchema, MeasureTypeSchema } from './vocabulary-schemas.ts'

/**
 * Everything a report shows, in one document. A submitted reporting cycle stores it frozen; an open
 * cycle's preview builds it from the live records. Reports (ECCAR, council; HTML, DOCX, PDF, JSON)
 * are rendered from this alone, so a submitted report can never change.
 */
export const ReportOrganisationSchema = Type.Object({
  name: Type.String({ description: 'German name' }),
  nameEn: Nullable(Type.String({ description: 'English name; null: English reports show the German one, marked' })),
}, { title: 'ReportOrganisation' })
export type ReportOrganisation = Static<typeof ReportOrganisationSchema>

export const ReportStatusUpdateSchema = Type.Object({
  date: DateSchema,
  fromStatus: Nullable(MeasureStatusSchema),
  status: MeasureStatusSchema,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  noteDe: Nullable(Type.String()),
  noteEn: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  organisation: Nullable(ReportOrganisationSchema),
  evidenceLinks: Type.Array(Type.Object({ url: Type.String(), label: Nullable(Type.String()) })),
})

export const ReportMeasureSchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
  descriptionDe: Nullable(Type.String()),
  descriptionEn: Nullable(Type.String()),
  type: MeasureTypeSchema,
  startDate: Nullable(DateSchema),
  endDate: Nullable(DateSchema),
  timeframeNoteDe: Nullable(Type.String()),
  timeframeNoteEn: Nullable(Type.String()),
  fundingNoteDe: Nullable(Type.String()),
  fundingNoteEn: Nullable(Type.String()),
  status: MeasureStatusSchema,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  statusDate: Nullable(DateSchema),
  startedInPeriod: Type.Boolean(),
  closedInPeriod: Type.Boolean(),
  statusReason: Nullable(Type.String()),
  secondaryCommitments: Type.Array(CommitmentNumberSchema),
  leadOrganisation: Nullable(ReportOrganisationSchema),
  involvedOrganisations: Type.Array(ReportOrganisationSchema),
  goodPractice: Type.Boolean(),
  goodPracticeDescriptionDe: Nullable(Type.String()),
  goodPracticeDescriptionEn: Nullable(Type.String()),
  updates: Type.Array(ReportStatusUpdateSchema, { description: 'Timeline entries dated within the cycle\'s period, oldest first' }),
}, {
  description: 'Status, progress and status date are those as of the period\'s end, from the timeline (the latest entry dated on or before it); '
    + 'without such an entry the measure is reported as planned at 0 %. Started/closed: the timeline left "planned" or reached a closing status within the period.',
})
export type ReportMeasure = Static<typeof ReportMeasureSchema>

export const ReportCommitmentSchema = Type.Object({
  number: CommitmentNumberSchema,
  titleEn: Type.String(),
  titleDe: Type.String(),
  localTitleDe: Nullable(Type.String()),
  localTitleEn: Nullable(Type.String()),
  narrativeDe: Nullable(Type.String()),
  narrativeEn: Nullable(Type.String()),
  challengesDe: Nullable(Type.String()),
  challengesEn: Nullable(Type.String()),
  needsDe: Nullable(Type.String()),
  needsEn: Nullable(Type.String()),
  exchangeTopicsDe: Nullable(Type.String()),
  exchangeTopicsEn: Nullable(Type.String()),
  noNarrativeReasonDe: Nullable(Type.String()),
  noNarrativeReasonEn: Nullable(Type.String()),
  statusCounts: StatusCountsSchema,
  measures: Type.Array(ReportMeasureSchema, { description: 'Public measures with this primary commitment, in plan order' }),
  secondaryMeasures: Type.Array(Type.Object({
    id: IdSchema,
    code: Type.String(),
    titleDe: Type.String(),
    titleEn: Nullable(Type.String()),
    primaryCommitment: CommitmentNumberSchema,
    status: MeasureStatusSchema,
  }), { description: 'Public measures that also serve this commitment (their entry is under their primary commitment), in plan order' }),
})
export type ReportCommitment = Static<typeof ReportCommitmentSchema>

export const ReportIndicatorSchema = Type.Object({
  id: IdSchema,
  nameDe: Type.String(),
  nameEn: Nullable(Type.String()),
  definitionDe: Nullable(Type.String()),
  definitionEn: Nullable(Type.String()),
  unit: Type.String(),
  unitEn: Nullable(Type.String()),
  source: Nullable(Type.String()),
  direction: IndicatorDirectionSchema,
  baselineValue: Nullable(Type.Number()),
  baselineDate: Nullable(DateSchema),
  targetValue: Nullable(Type.Number()),
  targetDate: Nullable(DateSchema),
  commitments: Type.Array(CommitmentNumberSchema),
  measureCodes: Type.Array(Type.String()),
  values: Type.Array(Type.Object({
    periodStart: DateSchema, periodEnd: DateSchema, category: Nullable(Type.String()), value: Type.Number(),
  }), { description: 'Values up to the end of the cycle\'s period' }),
  latestValue: Nullable(Type.Number()),
  progressToTarget: Nullable(Type.Number({ description: 'Share of the way from baseline to target reached by the latest total value (may exceed 1 or fall below 0)' })),
})
export type ReportIndicator = Static<typeof ReportIndicatorSchema>

/**
 * The city's look as it was when the report was made: frozen with a submitted report like everything else, so a
 * later logo or colour does not change what was submitted. The logo is kept as PNG bytes because all three
 * formats can embed a PNG; a WebP logo (which PDF cannot carry) is not taken into the report. Reports made before
 * this existed have no `brand` and keep the neutral look.
 */
export const ReportBrandSchema = Type.Object({
  accentColour: Nullable(Type.String({ pattern: hexColourPattern, description: 'The city\'s accent colour (#rrggbb); null: the report\'s own blue' })),
  logo: Nullable(Type.Object({
    mediaType: Type.Literal('image/png'),
    data: Type.String({ description: 'The PNG file, base64-encoded' }),
    width: Type.Integer({ minimum: 1, description: 'Pixels' }),
    height: Type.Integer({ minimum: 1, description: 'Pixels' }),
  })),
}, { title: 'ReportBrand' })
export type ReportBrand = Static<typeof ReportBrandSchema>

export const ReportSnapshotSchema = Type.Object({
  formatVersion: Type.Literal(2, { description: '2 since issue 13; stored version-1 snapshots are upgraded when read' }),
  takenAt: DateTimeSchema,
  city: Type.Object({ slug: SlugSchema, name: Type.String() }),
  brand: Type.Optional(ReportBrandSchema),
  plan: Type.Object({
    id: IdSchema,
    titleDe: Type.String(),
    titleEn: Nullable(Type.String()),
    periodStart: DateSchema,
    periodEnd: DateSchema,
    resolutionNumber: Nullable(Type.String()),
    resolutionDate: Nullable(DateSchema),
  }),
  cycle: Type.Object({
    id: IdSchema,
    title: Type.String(),
    titleEn: Nullable(Type.String()),
    periodStart: DateSchema,
    periodEnd: DateSchema,
    dueDate: Nullable(DateSchema),
    state: CycleStateSchema,
    approvedAt: Nullable(DateTimeSchema),
    approvedBy: Nullable(Type.String({ description: 'Display name of who recorded the steering group\'s approval' })),
    approvalMeetingDate: Type.Optional(Nullable(Type.String({ format: 'date', description: 'Date of the steering-group meeting whose decision the approval records (absent in older reports)' }))),
    submittedAt: Nullable(DateTimeSchema),
  }),
  commitments: Type.Array(ReportCommitmentSchema, { description: 'All ten, in order' }),
  indicators: Type.Array(ReportIndicatorSchema),
  previous: Nullable(Type.Object({
    title: Type.String(),
    titleEn: Nullable(Type.String()),
    comparison: CycleComparisonSchema,
  }, { description: 'Changes since the latest report the city submitted before this period (null: none)' })),
}, { title: 'ReportSnapshot' })
export type ReportSnapshot = Static<typeof ReportSnapshotSchema>

