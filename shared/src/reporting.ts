import { Type, type Static } from 'typebox'
import {
  CodeSchema, CommitmentNumberSchema, DateSchema, DateTimeSchema, IdSchema, LongTextSchema, Nullable, ShortTextSchema, VersionSchema,
} from './common.ts'
import { Limits } from './limits.ts'
import { PlanSummarySchema } from './plans.ts'
import { reportKinds, reportLangs } from './report-options.ts'
import { CycleStateSchema, MeasureOriginSchema, MeasureStatusSchema, MeasureTypeSchema } from './vocabulary-schemas.ts'
import { successorActions } from './vocabulary.ts'

// Reporting cycles (DOMAIN.md §2.2, §6.5) and the plan update that follows a plan (Fortschreibung, §3.4).
//
// Issue 13 (contract between server and web):
// - ReportingCycle(Summary).titleEn: English title of the cycle (null: the German one is shown and marked).
//   POST /api/plans/:id/reporting-cycles and PATCH /api/reporting-cycles/:id accept `titleEn`.
// - Narratives are versioned per commitment: CycleNarrative.version (1 until first written). PUT
//   /api/reporting-cycles/:id/narratives/:number carries the narrative's version (body `version` or If-Match),
//   answers the cycle with ETag = that narrative's version, and no longer bumps the cycle's version;
//   412 only when the same commitment's narrative changed meanwhile.
// - Per commitment and cycle, besides the narrative (DE/EN): challenges, needs, exchangeTopics (topics to exchange
//   on with other cities) and noNarrativeReason (public "comply or explain" explanation why there is no narrative).
// - ReportingCycle.completeness: { complete, missing[] }: the commitments with neither a narrative nor an
//   explanation. Moving a cycle to `approved` (or `submitted`) while any is missing answers 409 CYCLE_INCOMPLETE,
//   with `details` [{ path: '/narratives/<n>', reason }] naming each commitment.
// - GET /api/plans/:id/reports (public): the submitted reports of a plan (anonymous: published plans only).
//   GET /api/plans/:id/reports/:cycleId?kind=eccar|council&lang=en|de (public): that report as standalone HTML.
// - Elsewhere: MeasureDetail/CreateMeasure/UpdateMeasure/PlanFileMeasure get goodPractice (boolean, default false),
//   goodPracticeDescriptionDe/En (measures.ts, plan-file.ts); Indicator/CreateIndicator/UpdateIndicator get unitEn
//   (indicators.ts). The report (ReportSnapshot, report.ts) carries all of it.

const OptionalLongText = () => Type.Optional(Nullable(LongTextSchema))

const UserRefSchema = Type.Object({ id: IdSchema, displayName: Type.String() })

export const CycleKindSchema = Type.Enum([...reportKinds], {
  description: 'The report the cycle leads to: eccar (biennial, to ECCAR/UNESCO) or council (yearly, to the city council)',
})

const ApprovalMeetingSchema = Type.Object({ id: IdSchema, date: DateSchema }, {
  title: 'CycleApprovalMeeting', description: 'The steering-group meeting whose decision the approval records',
})

export const ReportingCycleSummarySchema = Type.Object({
  id: IdSchema,
  planId: IdSchema,
  title: Type.String({ description: 'German title, e.g. "Umsetzungsbericht 2022–2023"' }),
  titleEn: Nullable(Type.String({ description: 'English title; null: reports in English show the German one, marked' })),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  dueDate: Nullable(DateSchema),
  kind: CycleKindSchema,
  state: CycleStateSchema,
  approvedAt: Nullable(DateTimeSchema),
  approvedBy: Nullable(UserRefSchema),
  approvalMeeting: Nullable(ApprovalMeetingSchema),
  submittedAt: Nullable(DateTimeSchema),
  submittedBy: Nullable(UserRefSchema),
  version: VersionSchema,
  createdAt: DateTimeSchema,
}, { title: 'ReportingCycleSummary' })
export type ReportingCycleSummary = Static<typeof ReportingCycleSummarySchema>

/** The texts a cycle holds per commitment, each in German and English; the report shows all of them. */
export const narrativeTextFields = [
  'textDe', 'textEn', 'challengesDe', 'challengesEn', 'needsDe', 'needsEn',
  'exchangeTopicsDe', 'exchangeTopicsEn', 'noNarrativeReasonDe', 'noNarrativeReasonEn',
] as const
export type NarrativeTextField = (typeof narrativeTextFields)[number]

export const CycleNarrativeSchema = Type.Object({
  number: CommitmentNumberSchema,
  textDe: Nullable(Type.String({ description: 'The narrative: what the city did for this commitment in the period' })),
  textEn: Nullable(Type.String()),
  challengesDe: Nullable(Type.String({ description: 'Challenges met in implementing this commitment' })),
  challengesEn: Nullable(Type.String()),
  needsDe: Nullable(Type.String({ description: 'What the city needs (support, resources, knowledge)' })),
  needsEn: Nullable(Type.String()),
  exchangeTopicsDe: Nullable(Type.String({ description: 'Topics the city wants to exchange on with other cities' })),
  exchangeTopicsEn: Nullable(Type.String()),
  noNarrativeReasonDe: Nullable(Type.String({ description: 'Public explanation why there is no narrative (comply or explain)' })),
  noNarrativeReasonEn: Nullable(Type.String()),
  version: VersionSchema,
}, { title: 'CycleNarrative', description: 'Versioned per commitment: 1 until first written. Texts are null until written.' })
export type CycleNarrative = Static<typeof CycleNarrativeSchema>

export const CycleCompletenessSchema = Type.Object({
  complete: Type.Boolean({ description: 'Every commitment has a narrative or an explanation why there is none' }),
  missing: Type.Array(CommitmentNumberSchema, { description: 'Commitments with neither a narrative nor an explanation (in either language), in order' }),
}, { title: 'CycleCompleteness' })
export type CycleCompleteness = Static<typeof CycleCompletenessSchema>

export const ReportingCycleSchema = Type.Object({
  ...ReportingCycleSummarySchema.properties,
  narratives: Type.Array(CycleNarrativeSchema, { description: 'Always all ten commitments, in order; texts are null until written' }),
  completeness: CycleCompletenessSchema,
  nextStates: Type.Array(CycleStateSchema, { description: 'States the cycle may move to from here (roles permitting)' }),
}, { title: 'ReportingCycle', description: 'A reporting period of a plan: open → in review → approved by the steering group → submitted (frozen).' })
export type ReportingCycle = Static<typeof ReportingCycleSchema>

export const ReportingCycleListSchema = Type.Object({
  items: Type.Array(ReportingCycleSummarySchema, { description: 'Oldest period first' }),
}, { title: 'ReportingCycleList' })
export type ReportingCycleList = Static<typeof ReportingCycleListSchema>

export const CreateReportingCycleSchema = Type.Object({
  title: Type.Optional(ShortTextSchema),
  titleEn: Type.Optional(Nullable(ShortTextSchema)),
  periodStart: Type.Optional(DateSchema),
  periodEnd: Type.Optional(DateSchema),
  dueDate: Type.Optional(Nullable(DateSchema)),
  kind: Type.Optional(CycleKindSchema),
}, {
  additionalProperties: false,
  title: 'CreateReportingCycle',
  description: 'Without a period the cycle covers two years from the plan\'s start (or from the end of its latest cycle), '
    + 'never beyond the plan\'s end; for Jena\'s plan that is 2022–2023. The title defaults to "Umsetzungsbericht <years>", '
    + 'the English title (when no title is given) to "Implementation report <years>".',
})
export type CreateReportingCycle = Static<typeof CreateReportingCycleSchema>

export const UpdateReportingCycleSchema = Type.Object({
  title: Type.Optional(ShortTextSchema),
  titleEn: Type.Optional(Nullable(ShortTextSchema)),
  periodStart: Type.Optional(DateSchema),
  periodEnd: Type.Optional(DateSchema),
  dueDate: Type.Optional(Nullable(DateSchema)),
  kind: Type.Optional(CycleKindSchema),
  version: Type.Optional(VersionSchema),
}, {
  additionalProperties: false,
  minProperties: 1,
  title: 'UpdateReportingCycle',
  description: 'Only while the cycle is open or in review. Send the version you read (or an If-Match header).',
})
export type UpdateReportingCycle = Static<typeof UpdateReportingCycleSchema>

export const UpdateCycleNarrativeSchema = Type.Object({
  textDe: OptionalLongText(),
  textEn: OptionalLongText(),
  challengesDe: OptionalLongText(),
  challengesEn: OptionalLongText(),
  needsDe: OptionalLongText(),
  needsEn: OptionalLongText(),
  exchangeTopicsDe: OptionalLongText(),
  exchangeTopicsEn: OptionalLongText(),
  noNarrativeReasonDe: OptionalLongText(),
  noNarrativeReasonEn: OptionalLongText(),
  version: Type.Optional(VersionSchema),
}, {
  additionalProperties: false,
  minProperties: 1,
  title: 'UpdateCycleNarrative',
  description: 'The report\'s texts on one commitment; only the fields sent change, an empty text counts as none. Only while the cycle is open or in review. '
    + 'Carries this narrative\'s version (or an If-Match header), not the cycle\'s: people writing different commitments do not collide.',
})
export type UpdateCycleNarrative = Static<typeof UpdateCycleNarrativeSchema>

export const CycleNarrativeParamsSchema = Type.Object({ id: IdSchema, number: CommitmentNumberSchema }, { additionalProperties: false })

export const CycleTransitionSchema = Type.Object({
  to: CycleStateSchema,
  approvalMeetingId: Type.Optional(Nullable(Type.Integer({
    minimum: 1,
    maximum: 2_147_483_647,
    description: 'Only when approving: the steering-group meeting (of the cycle\'s city) whose decision the approval records',
  }))),
  version: Type.Optional(VersionSchema),
}, {
  additionalProperties: false,
  title: 'CycleTransition',
  description: 'open → in_review → approved → submitted; in_review → open reopens, approved → in_review withdraws the approval. '
    + 'Approving and submitting need every commitment to have a narrative or an explanation (409 CYCLE_INCOMPLETE otherwise). '
    + 'Approving and submitting (and withdrawing an approval) need the admin role. Nothing follows submission. Send the cycle\'s version (or If-Match).',
})
export type CycleTransition = Static<typeof CycleTransitionSchema>

export const CycleCompareQuerySchema = Type.Object({
  from: IdSchema,
  to: IdSchema,
}, { additionalProperties: false })

const ComparedMeasureSchema = {
  code: Type.String(),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
}

const ComparedCycleSchema = Type.Object({ id: IdSchema, title: Type.String(), periodStart: DateSchema, periodEnd: DateSchema, planId: IdSchema })

export const CycleComparisonSchema = Type.Object({
  from: ComparedCycleSchema,
  to: ComparedCycleSchema,
  statusTransitions: Type.Array(Type.Object({ ...ComparedMeasureSchema, from: MeasureStatusSchema, to: MeasureStatusSchema }), {
    description: 'Measures (matched by code) whose status differs, in the later report\'s order',
  }),
  newMeasures: Type.Array(Type.Object({ ...ComparedMeasureSchema, status: MeasureStatusSchema }), {
    description: 'Codes in the later report only',
  }),
  closedMeasures: Type.Array(Type.Object({
    ...ComparedMeasureSchema,
    status: MeasureStatusSchema,
    stillReported: Type.Boolean({ description: 'false: the measure is missing from the later report (status is its last reported one)' }),
  }), { description: 'Measures newly done, dropped, examined – not feasible or carried over, or missing from the later report' }),
  indicatorChanges: Type.Array(Type.Object({
    nameDe: Type.String(),
    nameEn: Nullable(Type.String()),
    unit: Type.String(),
    unitEn: Type.Optional(Nullable(Type.String())),
    from: Nullable(Type.Number()),
    to: Nullable(Type.Number()),
  }), { description: 'Indicators (matched by German name) whose latest total value differs; null where there was none' }),
}, { title: 'CycleComparison', description: 'What changed between two reports, computed from their snapshots alone.' })
export type CycleComparison = Static<typeof CycleComparisonSchema>

export const PlanReportParamsSchema = Type.Object({ id: IdSchema, cycleId: IdSchema }, { additionalProperties: false })

export const PublicReportQuerySchema = Type.Object({
  kind: Type.Optional(Type.Enum([...reportKinds], { default: 'eccar', description: 'ECCAR/UNESCO report or council report' })),
  lang: Type.Optional(Type.Enum([...reportLangs], { description: 'Default: English for ECCAR, German for the council' })),
}, { additionalProperties: false })

export const PublicReportSchema = Type.Object({
  cycleId: IdSchema,
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  submittedAt: DateTimeSchema,
  htmlUrl: Type.String({ description: 'The ECCAR report in English as HTML; add ?kind=council&lang=de for the council report' }),
}, { title: 'PublicReport' })
export type PublicReport = Static<typeof PublicReportSchema>

export const PublicReportListSchema = Type.Object({
  items: Type.Array(PublicReportSchema, { description: 'Submitted reports only, latest period first' }),
}, { title: 'PublicReportList', description: 'The reports a city sent to ECCAR, as submitted (frozen).' })
export type PublicReportList = Static<typeof PublicReportListSchema>

export const ReplacementMeasureSchema = Type.Object({
  code: CodeSchema,
  titleDe: ShortTextSchema,
  titleEn: Type.Optional(Nullable(ShortTextSchema)),
  descriptionDe: Type.Optional(Nullable(LongTextSchema)),
  descriptionEn: Type.Optional(Nullable(LongTextSchema)),
  primaryCommitment: Type.Optional(CommitmentNumberSchema),
  type: Type.Optional(MeasureTypeSchema),
  leadOrganisationId: Type.Optional(Nullable(IdSchema)),
}, { additionalProperties: false, title: 'ReplacementMeasure', description: 'Commitment, type and lead body default to the old measure\'s' })

export const SuccessorDecisionSchema = Type.Object({
  code: CodeSchema,
  action: Type.Enum(successorActions, {
    description: 'carry_over: same code in the new plan, linked to this one; close: this one ends with `finalStatus`; replace: a new measure takes its place',
  }),
  finalStatus: Type.Optional(MeasureStatusSchema),
  reason: Type.Optional(Nullable(LongTextSchema)),
  replacement: Type.Optional(ReplacementMeasureSchema),
}, {
  additionalProperties: false,
  title: 'SuccessorDecision',
  description: '`close` needs a final status (done, ongoing, dropped, exam_done_no; dropped and exam_done_no with a reason). '
    + '`replace` needs a replacement; the old measure ends as carried_over unless a final status is given.',
})
export type SuccessorDecision = Static<typeof SuccessorDecisionSchema>

export const CreatePlanSuccessorSchema = Type.Object({
  titleDe: ShortTextSchema,
  titleEn: Type.Optional(Nullable(ShortTextSchema)),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  resolutionNumber: ShortTextSchema,
  resolutionDate: DateSchema,
  introDe: Type.Optional(Nullable(LongTextSchema)),
  introEn: Type.Optional(Nullable(LongTextSchema)),
  decisions: Type.Array(SuccessorDecisionSchema, { maxItems: Limits.measuresPerPlan, description: 'Exactly one per measure of the old plan' }),
}, {
  additionalProperties: false,
  title: 'CreatePlanSuccessor',
  description: 'Starts the plan update (Fortschreibung) the council resolved: a draft plan continuing this one.',
})
export type CreatePlanSuccessor = Static<typeof CreatePlanSuccessorSchema>

export const PlanSuccessorResultSchema = Type.Object({
  plan: PlanSummarySchema,
  measures: Type.Array(Type.Object({
    code: Type.String({ description: 'Code in the old plan' }),
    action: Type.Enum(successorActions),
    oldMeasureId: IdSchema,
    oldStatus: MeasureStatusSchema,
    finalStatus: MeasureStatusSchema,
    newMeasureId: Nullable(IdSchema),
    newCode: Nullable(Type.String()),
    origin: Nullable(MeasureOriginSchema),
  }), { description: 'What became of each measure of the old plan, in its order' }),
}, { title: 'PlanSuccessorResult' })
export type PlanSuccessorResult = Static<typeof PlanSuccessorResultSchema>
