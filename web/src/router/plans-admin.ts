import type { RouteRecordRaw } from 'vue-router'

// The city administrators' plan screens: the list of plans (create, delete a draft, adopt, close, plan
// file download), importing a plan file, and the plan update (Fortschreibung). Spread into the app's
// routes in router/index.ts.
const base = '/:city/verwaltung/plaene'
const meta = { requiresRole: 'admin', messages: ['admin', 'plans-admin'] } as const

export const plansAdminRoutes: RouteRecordRaw[] = [
  { path: base, name: 'admin-plans', component: () => import('@/views/admin/AdminPlansView.vue'), alias: '/:city/admin/plans', meta: { ...meta, messages: [...meta.messages] } },
  {
    path: `${base}/einlesen`,
    name: 'admin-plan-import',
    component: () => import('@/views/admin/AdminPlanImportView.vue'),
    alias: '/:city/admin/plans/import',
    meta: { ...meta, messages: [...meta.messages] },
  },
  {
    path: `${base}/:planId(\\d+)/fortschreibung`,
    name: 'admin-plan-update',
    component: () => import('@/views/admin/AdminPlanUpdateView.vue'),
    alias: '/:city/admin/plans/:planId(\\d+)/update',
    meta: { ...meta, messages: [...meta.messages] },
  },
]
