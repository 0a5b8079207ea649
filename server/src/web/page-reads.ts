import { Limits } from '@eccar/shared'

/** What one page of the web app needs first: its code (Vite manifest keys) and its API reads. */
export interface PageNeeds {
  modules: string[]
  reads: string[]
}

export interface PublicPage {
  name: string
  pattern: RegExp
  /** The route's view, then any text bundles its route loads (web/src/i18n/bundles.ts). */
  modules: string[]
  reads: (params: string[], query: URLSearchParams) => string[]
}

// Mirrors the public routes in web/src/router/index.ts and the requests their views make on arrival.
// A page that drifts from this list only loses its head start; the e2e suite checks that every
// preloaded read is used and that no read is made twice (e2e/preload.test.ts).
export const publicPages: readonly PublicPage[] = [
  { name: 'start', pattern: /^\/$/, modules: ['src/views/StartView.vue'], reads: () => ['/api/cities'] },
  {
    name: 'plan',
    pattern: /^\/([a-z0-9-]+)\/plans\/(\d+)$/,
    modules: ['src/views/PlanView.vue', 'src/i18n/locales/open-data.de.ts', 'src/i18n/locales/open-data.en.ts'],
    reads: ([city, plan]) => [`/api/plans/${plan}`, `/api/plans/${plan}/progress`, `/api/cities/${city}/datasets`],
  },
  {
    name: 'dashboard',
    pattern: /^\/([a-z0-9-]+)\/plans\/(\d+)\/dashboard$/,
    modules: ['src/views/DashboardView.vue', 'src/i18n/locales/reporting.de.ts', 'src/i18n/locales/reporting.en.ts', 'src/i18n/locales/open-data.de.ts', 'src/i18n/locales/open-data.en.ts'],
    reads: ([city, plan]) => [
      `/api/plans/${plan}`, `/api/plans/${plan}/progress`, `/api/plans/${plan}/status-history`,
      `/api/plans/${plan}/indicators`, `/api/cities/${city}/incidents/public`, `/api/cities/${city}/datasets`,
    ],
  },
  {
    name: 'commitment',
    pattern: /^\/([a-z0-9-]+)\/plans\/(\d+)\/commitments\/(\d+)$/,
    modules: ['src/views/CommitmentView.vue'],
    reads: ([city, plan, commitment], query) => [
      `/api/plans/${plan}`, `/api/cities/${city}/organisations`,
      // Filters in the address change the list request; only the unfiltered first page is predictable.
      ...(query.size === 0 ? [`/api/plans/${plan}/measures?commitment=${commitment}&limit=${Limits.listPageDefault}&offset=0`] : []),
    ],
  },
  {
    name: 'measure',
    pattern: /^\/([a-z0-9-]+)\/plans\/(\d+)\/measures\/(\d+)$/,
    modules: ['src/views/MeasureView.vue'],
    reads: ([, , id]) => [`/api/measures/${id}`],
  },
  {
    name: 'organisation',
    pattern: /^\/([a-z0-9-]+)\/organisations\/(\d+)$/,
    modules: ['src/views/OrganisationView.vue'],
    reads: ([, id]) => [`/api/organisations/${id}`],
  },
  {
    name: 'datasets',
    pattern: /^\/([a-z0-9-]+)\/(?:daten|data)$/,
    modules: ['src/views/open-data/DatasetsView.vue', 'src/i18n/locales/open-data.de.ts', 'src/i18n/locales/open-data.en.ts'],
    reads: ([city]) => [`/api/cities/${city}/datasets`],
  },
  {
    name: 'dataset',
    pattern: /^\/([a-z0-9-]+)\/(?:daten|data)\/([a-z0-9-]+)$/,
    modules: ['src/views/open-data/DatasetView.vue', 'src/i18n/locales/open-data.de.ts', 'src/i18n/locales/open-data.en.ts'],
    reads: ([city]) => [`/api/cities/${city}/datasets`],
  },
]

/**
 * The code and API reads of a public page, or null for any other address (the workspace, sign-in,
 * unknown pages): those get the plain shell. Every page asks who is signed in.
 */
export function pageNeeds (pathname: string, query: URLSearchParams): PageNeeds | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  for (const page of publicPages) {
    const match = page.pattern.exec(path)
    if (match) return { modules: page.modules, reads: ['/api/session', ...page.reads(match.slice(1), query)] }
  }
  return null
}
