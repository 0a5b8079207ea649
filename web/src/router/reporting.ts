import type { RouteRecordRaw } from 'vue-router'

// The reports of a city's current plan (members of the city). Spread into the app's routes in router/index.ts.
export const reportingRoutes: RouteRecordRaw[] = [
  {
    path: '/:city/berichte',
    name: 'reports',
    component: () => import('@/views/reporting/ReportsView.vue'),
    alias: '/:city/reports',
    // The new-cycle form uses the administration's form frame and its texts.
    meta: { requiresRole: 'viewer', messages: ['admin', 'reporting', 'errors'] },
  },
  {
    path: '/:city/berichte/:cycleId(\\d+)',
    name: 'report-cycle',
    component: () => import('@/views/reporting/ReportCycleView.vue'),
    alias: '/:city/reports/:cycleId(\\d+)',
    // The editing forms share the administration's frame (error summary, conflict comparison) and its texts.
    meta: { requiresRole: 'viewer', messages: ['admin', 'reporting'] },
  },
  {
    // A plan's indicators for the city's admins (definitions, publication, values).
    path: '/:city/verwaltung/plaene/:planId(\\d+)/indikatoren',
    name: 'admin-indicators',
    component: () => import('@/views/reporting/IndicatorsAdminView.vue'),
    alias: '/:city/admin/plans/:planId(\\d+)/indicators',
    meta: { requiresRole: 'admin', messages: ['admin', 'reporting'] },
  },
]
