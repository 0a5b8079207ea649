import type { RouteRecordRaw } from 'vue-router'

// The reports of a city's current plan (members of the city). Spread into the app's routes in router/index.ts.
export const reportingRoutes: RouteRecordRaw[] = [
  {
    path: '/:city/berichte',
    name: 'reports',
    component: () => import('@/views/reporting/ReportsView.vue'),
    alias: '/:city/reports',
    meta: { requiresRole: 'viewer', messages: ['reporting'] },
  },
  {
    path: '/:city/berichte/:cycleId(\\d+)',
    name: 'report-cycle',
    component: () => import('@/views/reporting/ReportCycleView.vue'),
    alias: '/:city/reports/:cycleId(\\d+)',
    meta: { requiresRole: 'viewer', messages: ['reporting'] },
  },
]
