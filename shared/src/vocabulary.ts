/**
 * Controlled vocabularies of the domain (DOMAIN.md §3.2, §3.3). Keys are stable API values;
 * the labels travel with them so the web app, exports and reports say the same thing.
 *
 * Plain data only: the web app bundles these lists and labels on every public page, and their TypeBox
 * schemas (vocabulary-schemas.ts) would bring most of TypeBox along.
 */

export const measureStatuses = [
  'planned', 'examining', 'exam_done_go', 'exam_done_no', 'in_progress',
  'done', 'ongoing', 'delayed', 'dropped', 'carried_over',
] as const
export type MeasureStatus = (typeof measureStatuses)[number]

/** A status that only makes sense with an explanation; the API refuses it without one. */
export const statusesRequiringReason: readonly MeasureStatus[] = ['delayed', 'dropped', 'exam_done_no']

/** Statuses that count as "completed or ongoing" in progress summaries. */
export const settledStatuses: readonly MeasureStatus[] = ['done', 'ongoing']

export const statusLabels: Record<MeasureStatus, { de: string, en: string }> = {
  planned: { de: 'geplant', en: 'planned' },
  examining: { de: 'in Prüfung', en: 'under examination' },
  exam_done_go: { de: 'Prüfung abgeschlossen – wird umgesetzt', en: 'examined – go' },
  exam_done_no: { de: 'Prüfung abgeschlossen – nicht umsetzbar', en: 'examined – not feasible' },
  in_progress: { de: 'in Umsetzung', en: 'in progress' },
  done: { de: 'umgesetzt', en: 'completed' },
  ongoing: { de: 'verstetigt / fortlaufend', en: 'ongoing / embedded' },
  delayed: { de: 'verzögert', en: 'delayed' },
  dropped: { de: 'nicht weiterverfolgt', en: 'discontinued' },
  carried_over: { de: 'in Fortschreibung übernommen', en: 'carried into next plan' },
}

export const measureTypes = ['implementation', 'examination', 'aspiration', 'ongoing', 'advocacy'] as const
export type MeasureType = (typeof measureTypes)[number]

export const measureTypeLabels: Record<MeasureType, { de: string, en: string }> = {
  implementation: { de: 'Umsetzung', en: 'implementation' },
  examination: { de: 'Prüfauftrag', en: 'examination' },
  aspiration: { de: 'Absichtserklärung', en: 'aspiration' },
  ongoing: { de: 'Daueraufgabe', en: 'ongoing task' },
  advocacy: { de: 'Hinwirken', en: 'advocacy' },
}

export const organisationKinds = [
  'municipal_unit', 'municipal_enterprise', 'advisory_council', 'civil_society', 'state_body', 'external',
] as const
export type OrganisationKind = (typeof organisationKinds)[number]

export const organisationKindLabels: Record<OrganisationKind, { de: string, en: string }> = {
  municipal_unit: { de: 'städtische Stelle', en: 'municipal unit' },
  municipal_enterprise: { de: 'Eigenbetrieb', en: 'municipal enterprise' },
  advisory_council: { de: 'Beirat', en: 'advisory council' },
  civil_society: { de: 'Zivilgesellschaft', en: 'civil society' },
  state_body: { de: 'Landes- oder Bundesstelle', en: 'state body' },
  external: { de: 'extern', en: 'external' },
}

export const planStates = ['draft', 'adopted', 'closed'] as const
export type PlanState = (typeof planStates)[number]

export const recurrences = ['once', 'half_yearly', 'yearly', 'biennial', 'regular', 'continuous', 'on_request'] as const
export type Recurrence = (typeof recurrences)[number]

export type StatusCounts = Record<MeasureStatus, number>

/**
 * Roles within a city: admin (the plan's owner), editor (steering-group member), viewer (reads drafts),
 * incidents (the anti-discrimination office: a viewer that also enters raw incident counts and prepares releases).
 */
export const roles = ['admin', 'editor', 'viewer', 'incidents'] as const
export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, { de: string, en: string }> = {
  admin: { de: 'Verwaltung des Plans', en: 'plan administrator' },
  editor: { de: 'Mitglied der Lenkungsgruppe', en: 'steering-group member' },
  viewer: { de: 'Lesezugriff', en: 'viewer' },
  incidents: { de: 'Antidiskriminierungsstelle', en: 'anti-discrimination office' },
}

/** Which way an indicator should move to show success. */
export const indicatorDirections = ['increase', 'decrease', 'maintain'] as const
export type IndicatorDirection = (typeof indicatorDirections)[number]

/**
 * Closed lists for the anti-discrimination office's aggregate counts (DOMAIN.md §5.1): no free
 * text, nothing about persons. Grounds follow the General Equal Treatment Act (AGG § 1).
 */
export const discriminationKinds = [
  'racism', 'antisemitism', 'religion', 'gender', 'disability', 'age', 'sexual_identity', 'social_status', 'other',
] as const
export type DiscriminationKind = (typeof discriminationKinds)[number]

export const lifeAreas = [
  'work', 'education', 'housing', 'public_authorities', 'goods_services', 'health', 'leisure', 'public_space',
  'police_justice', 'media_internet', 'other',
] as const
export type LifeArea = (typeof lifeAreas)[number]

export const reportingChannels = ['in_person', 'phone', 'mail', 'email', 'online_form', 'social_media', 'other'] as const
export type ReportingChannel = (typeof reportingChannels)[number]

/** A reporting cycle: open → in review → approved by the steering group → submitted (frozen). */
export const cycleStates = ['open', 'in_review', 'approved', 'submitted'] as const
export type CycleState = (typeof cycleStates)[number]

/** How a measure entered a plan update (Fortschreibung). */
export const measureOrigins = ['new', 'carried_over', 'replacement'] as const
export type MeasureOrigin = (typeof measureOrigins)[number]

/** What may happen to a measure of the old plan when the plan is updated. */
export const successorActions = ['carry_over', 'close', 'replace'] as const
export type SuccessorAction = (typeof successorActions)[number]
