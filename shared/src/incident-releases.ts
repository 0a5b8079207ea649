import { Type, type Static } from 'typebox'
import { DateSchema, DateTimeSchema, IdSchema, Nullable, SlugSchema } from './common.ts'
import { IncidentCountSchema, IncidentPeriodRefSchema } from './incidents.ts'
import { DiscriminationKindSchema, LifeAreaSchema, ReportingChannelSchema } from './vocabulary-schemas.ts'

/**
 * Incident releases (issue 10): the public sees frozen, audited publications of the counts, never the
 * live table. Endpoints (prefix /api, `:city` is the city slug, `:id` a release id):
 *
 *   GET    /cities/:city/incidents                       raw counts, IncidentTable (admin, incidents role)
 *   PUT    /cities/:city/incidents                       replace one period's counts (admin, incidents role)
 *   GET    /cities/:city/incident-releases               IncidentReleaseList: admin/incidents role every release,
 *                                                        everyone else (anonymous too) the published ones, no `total`
 *   POST   /cities/:city/incident-releases               body PrepareIncidentRelease → 201 IncidentRelease (draft;
 *                                                        the period's counts are frozen into it) (admin, incidents role)
 *   GET    /cities/:city/incident-releases/:id           IncidentRelease with counts and audit (admin, incidents role)
 *   POST   /cities/:city/incident-releases/:id/audit     runs the audit, 200 IncidentRelease in state `checked` with
 *                                                        `audit` filled (admin, incidents role). Synchronous: the
 *                                                        answer comes when the audit is done (< 10 s for 20
 *                                                        half-years); the web shows an indeterminate progress
 *                                                        indicator while the request runs. No progress endpoint.
 *   POST   /cities/:city/incident-releases/:id/publish   200 IncidentRelease `published`, frozen forever (admin only);
 *                                                        only from `checked`; 409 INCIDENT_RELEASE_AUDIT_STALE when
 *                                                        another release was published after the audit (audit again)
 *   DELETE /cities/:city/incident-releases/:id           204; drafts and checked releases only (admin, incidents role)
 *   GET    /cities/:city/incidents/public                PublicIncidents (anonymous); query PublicIncidentQuery
 *
 * Error codes (ApiError.code): INCIDENT_RELEASE_NOT_FOUND 404, INCIDENT_PERIOD_NOT_FOUND 404 (no counts entered
 * for the period), INCIDENT_RELEASE_PERIOD_OPEN 400 (the period has not ended yet), INCIDENT_RELEASE_PENDING 409
 * (the period already has a draft or checked release), INCIDENT_RELEASE_UNCHANGED 409 (the counts equal the
 * newest published version), INCIDENT_RELEASE_STATE 409 (wrong state for the step, e.g. publishing a draft or
 * deleting a published release), INCIDENT_RELEASE_AUDIT_STALE 409, FORBIDDEN 403, CITY_NOT_FOUND 404.
 */

/** Who may read and enter raw counts and prepare releases; only admins publish. */
export const rawIncidentRoles = ['admin', 'incidents'] as const

export const releaseStates = ['draft', 'checked', 'published'] as const
export type ReleaseState = (typeof releaseStates)[number]

/** The views a release publishes: the grand total, three one-way and three two-way tables of one period. */
export const incidentViews = ['total', 'kind', 'area', 'channel', 'kind,area', 'kind,channel', 'area,channel'] as const
export type IncidentView = (typeof incidentViews)[number]

/**
 * Why a figure is withheld (office only): `below-threshold` 1 ≤ count < threshold; `complementary` withheld so
 * that a below-threshold figure cannot be worked out; `view-withheld` its whole view is not published.
 */
export const withheldReasons = ['below-threshold', 'complementary', 'view-withheld'] as const
export type WithheldReason = (typeof withheldReasons)[number]
/** What the public learns about a withheld figure: never whether it is small. */
export const publicWithheldReasons = ['protected', 'view-withheld'] as const
export type PublicWithheldReason = (typeof publicWithheldReasons)[number]

const categoryFields = {
  kind: Type.Optional(DiscriminationKindSchema),
  area: Type.Optional(LifeAreaSchema),
  channel: Type.Optional(ReportingChannelSchema),
}

export const FeasibleRangeSchema = Type.Object({
  min: Type.Integer({ minimum: 0 }),
  max: Nullable(Type.Integer({ minimum: 0 })),
}, { title: 'FeasibleRange', description: 'Smallest and largest value an attacker can prove from everything published; max null: unbounded' })
export type FeasibleRange = Static<typeof FeasibleRangeSchema>

export const AuditFigureSchema = Type.Object({
  ...categoryFields,
  count: Type.Integer({ minimum: 0, description: 'The true value' }),
  withheld: Type.Boolean(),
  reason: Nullable(Type.Enum(withheldReasons)),
  range: Nullable(FeasibleRangeSchema),
}, { title: 'AuditFigure', description: 'One figure of a view; the categories named by the view are present. range: withheld figures only' })
export type AuditFigure = Static<typeof AuditFigureSchema>

export const AuditViewSchema = Type.Object({
  view: Type.Enum(incidentViews),
  published: Type.Boolean({ description: 'false: the view is dropped, all its figures withheld' }),
  figures: Type.Array(AuditFigureSchema, { description: 'Categories in list order (two-way: row by row); margins are in the one-way views' }),
}, { title: 'AuditView' })
export type AuditView = Static<typeof AuditViewSchema>

export const IncidentAuditSchema = Type.Object({
  threshold: Type.Integer(),
  protection: Type.Object({ lower: Type.Integer(), upper: Type.Integer() }, {
    description: 'The rule: a withheld figure below the threshold is safe when its feasible range reaches `upper` (the threshold) and holds at '
      + 'least `upper` values. `lower` is 1: zeros are published, so every withheld figure is known to be at least 1.',
  }),
  views: Type.Array(AuditViewSchema, { description: 'In the order of incidentViews' }),
  droppedViews: Type.Array(Type.Enum(incidentViews)),
  releasesConsidered: Type.Integer({ description: 'Published releases the attacker model included (all periods, all versions)' }),
  rounds: Type.Integer({ description: 'Audit → withhold more → audit rounds until every withheld figure was safe' }),
  solves: Type.Integer({ description: 'MILP solves' }),
  durationMs: Type.Integer(),
  checkedAt: DateTimeSchema,
}, { title: 'IncidentAudit', description: 'What the disclosure audit found; for the office only (it contains true values).' })
export type IncidentAudit = Static<typeof IncidentAuditSchema>

export const IncidentReleaseSummarySchema = Type.Object({
  id: IdSchema,
  periodStart: DateSchema,
  periodEnd: DateSchema,
  version: Type.Integer({ minimum: 1, description: '1 for the first release of the period, 2, 3 … for corrections' }),
  state: Type.Enum(releaseStates),
  threshold: Type.Integer({ description: 'The city\'s threshold when the release was prepared' }),
  total: Type.Optional(Type.Integer({ minimum: 0, description: 'True total (admin, incidents role only)' })),
  preparedAt: DateTimeSchema,
  checkedAt: Nullable(DateTimeSchema),
  publishedAt: Nullable(DateTimeSchema),
}, { title: 'IncidentReleaseSummary' })
export type IncidentReleaseSummary = Static<typeof IncidentReleaseSummarySchema>

export const IncidentReleaseListSchema = Type.Object({
  releases: Type.Array(IncidentReleaseSummarySchema, { description: 'Oldest period first, then by version' }),
}, { title: 'IncidentReleaseList' })
export type IncidentReleaseList = Static<typeof IncidentReleaseListSchema>

export const IncidentReleaseSchema = Type.Object({
  ...IncidentReleaseSummarySchema.properties,
  total: Type.Integer({ minimum: 0 }),
  counts: Type.Array(IncidentCountSchema, { description: 'Frozen at preparation; non-zero cells only' }),
  audit: Nullable(IncidentAuditSchema),
}, { title: 'IncidentRelease', description: 'One release with its frozen counts and audit (admin, incidents role).' })
export type IncidentRelease = Static<typeof IncidentReleaseSchema>

export const PrepareIncidentReleaseSchema = Type.Object({
  ...IncidentPeriodRefSchema.properties,
}, { additionalProperties: false, title: 'PrepareIncidentRelease', description: 'An entered period that has ended' })
export type PrepareIncidentRelease = Static<typeof PrepareIncidentReleaseSchema>

export const IncidentReleaseParamsSchema = Type.Object({
  city: SlugSchema,
  id: IdSchema,
}, { additionalProperties: false })

export const PublicIncidentQuerySchema = Type.Object({
  release: Type.Optional(IdSchema),
  periodStart: Type.Optional(DateSchema),
  periodEnd: Type.Optional(DateSchema),
}, {
  additionalProperties: false,
  description: 'release: that published release; periodStart + periodEnd: the newest version of that period; neither: of the newest period',
})
export type PublicIncidentQuery = Static<typeof PublicIncidentQuerySchema>

export const PublicIncidentFigureSchema = Type.Object({
  ...categoryFields,
  count: Nullable(Type.Integer({ minimum: 0 })),
  suppressed: Type.Boolean(),
  reason: Nullable(Type.Enum(publicWithheldReasons)),
}, { title: 'PublicIncidentFigure', description: 'count null and suppressed true when withheld' })
export type PublicIncidentFigure = Static<typeof PublicIncidentFigureSchema>

export const PublicIncidentViewSchema = Type.Object({
  view: Type.Enum(incidentViews),
  published: Type.Boolean(),
  figures: Type.Array(PublicIncidentFigureSchema, { description: 'Categories in list order (two-way: row by row)' }),
}, { title: 'PublicIncidentView' })
export type PublicIncidentView = Static<typeof PublicIncidentViewSchema>

export const PublicIncidentReleaseRefSchema = Type.Object({
  id: IdSchema,
  periodStart: DateSchema,
  periodEnd: DateSchema,
  version: Type.Integer({ minimum: 1 }),
  publishedAt: DateTimeSchema,
}, { title: 'PublicIncidentReleaseRef' })
export type PublicIncidentReleaseRef = Static<typeof PublicIncidentReleaseRefSchema>

export const PublicIncidentReleaseSchema = Type.Object({
  ...PublicIncidentReleaseRefSchema.properties,
  threshold: Type.Integer({ description: 'No published figure lies between 1 and threshold − 1' }),
  views: Type.Array(PublicIncidentViewSchema, { description: 'In the order of incidentViews' }),
}, { title: 'PublicIncidentRelease' })
export type PublicIncidentRelease = Static<typeof PublicIncidentReleaseSchema>

export const PublicIncidentsSchema = Type.Object({
  releases: Type.Array(PublicIncidentReleaseRefSchema, { description: 'The newest published version of each period, oldest period first' }),
  release: Nullable(PublicIncidentReleaseSchema),
}, { title: 'PublicIncidents', description: 'Published incident releases only; null release when nothing is published' })
export type PublicIncidents = Static<typeof PublicIncidentsSchema>
