import { Type, type Static } from 'typebox'
import { CommitmentNumberSchema, DateSchema, DateTimeSchema, IdSchema, Nullable, SlugSchema } from './common.ts'
import { StatusCountsSchema } from './progress.ts'
import { CycleStateSchema, IndicatorDirectionSchema, MeasureStatusSchema, MeasureTypeSchema } from './vocabulary-schemas.ts'

/**
 * Everything a report shows, in one document. A submitted reporting cycle stores it frozen; an open
 * cycle's preview builds it from the live records. Reports (ECCAR, council; HTML, DOCX, PDF, JSON)
 * are rendered from this alone, so a submitted report can never change.
 */
export const ReportStatusUpdateSchema = Type.Object({
  date: DateSchema,
  fromStatus: Nullable(MeasureStatusSchema),
  status: MeasureStatusSchema,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  noteDe: Nullable(Type.String()),
  noteEn: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  organisation: Nullable(Type.String()),
})

export const ReportMeasureSchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
  type: MeasureTypeSchema,
  status: MeasureStatusSchema,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  statusReason: Nullable(Type.String()),
  secondaryCommitments: Type.Array(CommitmentNumberSchema),
  leadOrganisation: Nullable(Type.String()),
  involvedOrganisations: Type.Array(Type.String()),
  updates: Type.Array(ReportStatusUpdateSchema, { description: 'Timeline entries dated within the cycle\'s period, oldest first' }),
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
  statusCounts: StatusCountsSchema,
  measures: Type.Array(ReportMeasureSchema, { description: 'Public measures with this primary commitment, in plan order' }),
})
export type ReportCommitment = Static<typeof ReportCommitmentSchema>

export const ReportIndicatorSchema = Type.Object({
  id: IdSchema,
  nameDe: Type.String(),
  nameEn: Nullable(Type.String()),
  definitionDe: Nullable(Type.String()),
  definitionEn: Nullable(Type.String()),
  unit: Type.String(),
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

export const ReportSnapshotSchema = Type.Object({
  formatVersion: Type.Literal(1),
  takenAt: DateTimeSchema,
  city: Type.Object({ slug: SlugSchema, name: Type.String() }),
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
    periodStart: DateSchema,
    periodEnd: DateSchema,
    dueDate: Nullable(DateSchema),
    state: CycleStateSchema,
    approvedAt: Nullable(DateTimeSchema),
    approvedBy: Nullable(Type.String({ description: 'Display name of who recorded the steering group\'s approval' })),
    submittedAt: Nullable(DateTimeSchema),
  }),
  commitments: Type.Array(ReportCommitmentSchema, { description: 'All ten, in order' }),
  indicators: Type.Array(ReportIndicatorSchema),
}, { title: 'ReportSnapshot' })
export type ReportSnapshot = Static<typeof ReportSnapshotSchema>

export const reportKinds = ['eccar', 'council'] as const
export type ReportKind = (typeof reportKinds)[number]
export const reportFormats = ['html', 'docx', 'pdf', 'json'] as const
export type ReportFormat = (typeof reportFormats)[number]
