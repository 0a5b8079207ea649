import type { RouteRecordRaw } from 'vue-router'
import { publicPages } from './public-pages'

// Open data (public) and the spreadsheet imports (signed in). Spread into the app's routes in router/index.ts.
export const openDataRoutes: RouteRecordRaw[] = [
  {
    path: publicPages.datasets.path,
    name: 'datasets',
    component: () => import('@/views/open-data/DatasetsView.vue'),
    alias: '/:city/data',
    meta: { messages: publicPages.datasets.messages },
  },
  {
    path: publicPages.dataset.path,
    name: 'dataset',
    component: () => import('@/views/open-data/DatasetView.vue'),
    alias: '/:city/data/:dataset([a-z0-9-]+)',
    meta: { messages: publicPages.dataset.messages },
  },
  {
    path: '/:city/arbeitsbereich/plaene/:planId(\\d+)/tabelle',
    name: 'status-import',
    component: () => import('@/views/spreadsheets/StatusImportView.vue'),
    alias: '/:city/workspace/plans/:planId(\\d+)/spreadsheet',
    meta: { requiresRole: 'editor', messages: ['admin', 'spreadsheets'] },
  },
  {
    path: '/:city/verwaltung/plaene/:planId(\\d+)/indikatoren/einlesen',
    name: 'admin-indicator-import',
    component: () => import('@/views/admin/AdminIndicatorImportView.vue'),
    meta: { requiresRole: 'editor', messages: ['admin', 'spreadsheets'] },
  },
  {
    path: '/:city/verwaltung/offene-daten',
    name: 'admin-open-data',
    component: () => import('@/views/admin/AdminOpenDataView.vue'),
    alias: '/:city/admin/open-data',
    meta: { requiresRole: 'admin', messages: ['admin', 'spreadsheets'] },
  },
]
