import { Limits } from '@eccar/shared'
import type { MessageBundle } from '@/i18n/bundle-names'

/**
 * A public page: its address, its view, its text bundles and the API reads its view makes on arrival.
 * Declared once here; the router builds its routes from it (router/index.ts), the web build writes it
 * for the server (`.vite/page-reads.json`, build/page-reads-manifest.ts) so that index.html announces the
 * page's code and reads, and the e2e suite visits every page it lists (e2e/preload.test.ts).
 *
 * A read is an API path with the route's `:params`; the e2e suite checks that every announced read is
 * made exactly once, so a view that changes its first requests must change them here too.
 */
export interface PublicPage {
  path: string
  /** The view module (Vite's manifest key); a unit test checks it is the route's component. */
  view: string
  messages?: MessageBundle[]
  reads: string[]
  /** Reads made only when the address has no query: filters in the query change those requests. */
  readsWithoutQuery?: string[]
}

/** Cities per page of the start page (each with its plans and their progress). */
export const startPageCities = 10

export const publicPages = {
  start: {
    path: '/',
    view: 'src/views/StartView.vue',
    reads: [],
    // Another page (`?seite=2`) asks for another window of the list.
    readsWithoutQuery: [`/api/cities?limit=${startPageCities}&offset=0`],
  },
  plan: {
    path: '/:city/plans/:planId(\\d+)',
    view: 'src/views/PlanView.vue',
    messages: ['open-data'],
    reads: ['/api/plans/:planId', '/api/plans/:planId/progress', '/api/cities/:city/datasets'],
  },
  dashboard: {
    path: '/:city/plans/:planId(\\d+)/dashboard',
    view: 'src/views/DashboardView.vue',
    messages: ['reporting', 'open-data'],
    reads: [
      '/api/plans/:planId', '/api/plans/:planId/progress', '/api/plans/:planId/status-history',
      '/api/plans/:planId/indicators', '/api/cities/:city/incidents/public', '/api/cities/:city/datasets',
    ],
  },
  commitment: {
    path: '/:city/plans/:planId(\\d+)/commitments/:number(\\d+)',
    view: 'src/views/CommitmentView.vue',
    reads: ['/api/plans/:planId', '/api/cities/:city/organisations'],
    readsWithoutQuery: [`/api/plans/:planId/measures?commitment=:number&limit=${Limits.listPageDefault}&offset=0`],
  },
  measure: { path: '/:city/plans/:planId(\\d+)/measures/:id(\\d+)', view: 'src/views/MeasureView.vue', reads: ['/api/measures/:id'] },
  // Leichte Sprache (issue 17): the checked texts and the plan, whose commitments' titles head them.
  'easy-read': {
    path: '/:city/plans/:planId(\\d+)/leichte-sprache',
    view: 'src/views/brand/EasyReadView.vue',
    messages: ['brand'],
    reads: ['/api/plans/:planId/easy-read', '/api/plans/:planId'],
  },
  organisation: { path: '/:city/organisations/:id(\\d+)', view: 'src/views/OrganisationView.vue', reads: ['/api/organisations/:id'] },
  datasets: { path: '/:city/daten', view: 'src/views/open-data/DatasetsView.vue', messages: ['open-data'], reads: ['/api/cities/:city/datasets'] },
  dataset: {
    path: '/:city/daten/:dataset([a-z0-9-]+)',
    view: 'src/views/open-data/DatasetView.vue',
    messages: ['open-data'],
    reads: ['/api/cities/:city/datasets'],
  },
} satisfies Record<string, PublicPage>

export type PublicPageName = keyof typeof publicPages
