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
