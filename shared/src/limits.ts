import { discriminationKinds, lifeAreas, reportingChannels } from './vocabulary.ts'

/** Validation limits shared by the API schemas and the web forms. */
export const Limits = {
  shortText: 300,
  longText: 20_000,
  code: 20,
  slug: 60,
  url: 2_000,
  linksPerMeasure: 100,
  listPageMax: 100,
  listPageDefault: 50,
  searchText: 200,
  measuresPerPlan: 2_000,
  organisationsPerPlanFile: 2_000,
  historyPerMeasure: 500,
  /** Timeline entries a measure's answer carries; older ones come page by page. */
  timelinePage: 20,
  timelinePageMax: 100,
} as const

/** Body size limit of ordinary JSON writes, and of plan-file imports (which carry a whole plan). */
export const BodyLimits = {
  json: 256 * 1024,
  planImport: 16 * 1024 * 1024,
} as const

// The limits below sit here, not beside their schemas, because the web's forms check them too: this module
// has no TypeBox, so importing a limit does not pull the schema modules (and TypeBox) into a page.

/** Length of a password (long passphrases welcome). */
export const PasswordLimits = { min: 12, max: 256 } as const

/** How long a measure may go without a status update before it is "stale", in months. */
export const AttentionLimits = { staleMonthsMin: 1, staleMonthsMax: 60 } as const

/** Lengths and counts of a city's single sign-on settings. */
export const IdentityProviderLimits = { url: 500, clientId: 200, clientSecret: 500, claim: 100, group: 200, groupRoles: 50 } as const

/**
 * Limits of the incident counts (aggregates per period × kind × area of life × reporting channel).
 */
export const IncidentLimits = {
  maxCount: 1_000_000,
  cellsPerPeriod: discriminationKinds.length * lifeAreas.length * reportingChannels.length,
  /** Periods are at least a half-year, so a count cannot be tied to a date. */
  minPeriodMonths: 6,
  /** What a city may set as its suppression threshold k (issue 10: never below 3; the default is 5). */
  threshold: { min: 3, max: 20, default: 5 },
} as const

/** Limits of the steering group's records, shared by the API schemas and the web forms. */
export const SteeringLimits = {
  attendeesPerMeeting: 100,
  decisionsPerMeeting: 100,
  measuresPerDecision: 100,
  cadenceMonths: { min: 1, max: 60 },
} as const
