import type { RouteRecordRaw } from 'vue-router'
import { rawIncidentRoles } from '@/lib/roles'

// The city administrators' pages (role admin in the route's city). The steering group's pages only
// read for viewers and editors; their forms are for admins. Spread into the app's routes in router/index.ts.
const base = '/:city/verwaltung'
const plan = `${base}/plaene/:planId(\\d+)`

export const adminRoutes: RouteRecordRaw[] = [
  { path: base, name: 'admin-start', component: () => import('@/views/admin/AdminStartView.vue'), alias: '/:city/admin', meta: { requiresRole: 'admin', messages: ['admin', 'spreadsheets', 'brand'] } },
  { path: plan, name: 'admin-plan', component: () => import('@/views/admin/AdminPlanView.vue'), meta: { requiresRole: 'admin', messages: ['admin'] } },
  {
    path: `${plan}/verpflichtungen/:number(\\d+)`,
    name: 'admin-commitment',
    component: () => import('@/views/admin/AdminCommitmentView.vue'),
    meta: { requiresRole: 'admin', messages: ['admin'] },
  },
  { path: `${plan}/massnahmen`, name: 'admin-measures', component: () => import('@/views/admin/AdminMeasuresView.vue'), meta: { requiresRole: 'admin', messages: ['admin'] } },
  {
    path: `${plan}/massnahmen/neu`,
    name: 'admin-measure-new',
    component: () => import('@/views/admin/AdminMeasureNewView.vue'),
    meta: { requiresRole: 'admin', messages: ['admin'] },
  },
  {
    path: `${plan}/massnahmen/:id(\\d+)`,
    name: 'admin-measure',
    component: () => import('@/views/admin/AdminMeasureEditView.vue'),
    meta: { requiresRole: 'admin', messages: ['admin'] },
  },
  {
    path: `${base}/organisationen`,
    name: 'admin-organisations',
    component: () => import('@/views/admin/AdminOrganisationsView.vue'),
    meta: { requiresRole: 'admin', messages: ['admin'] },
  },
  {
    path: `${base}/organisationen/:id(\\d+)`,
    name: 'admin-organisation',
    component: () => import('@/views/admin/AdminOrganisationView.vue'),
    meta: { requiresRole: 'admin', messages: ['admin'] },
  },
  {
    path: `${base}/anmeldung`,
    name: 'admin-identity-provider',
    component: () => import('@/views/admin/AdminIdentityProviderView.vue'),
    alias: '/:city/admin/sign-in',
    meta: { requiresRole: 'admin', messages: ['admin'] },
  },
  { path: `${base}/personen`, name: 'admin-users', component: () => import('@/views/admin/AdminUsersView.vue'), meta: { requiresRole: 'admin', messages: ['admin'] } },
  {
    path: `${base}/lenkungsgruppe`,
    name: 'admin-steering',
    component: () => import('@/views/admin/AdminSteeringView.vue'),
    meta: { requiresRole: 'viewer', messages: ['admin'] },
  },
  {
    path: `${base}/lenkungsgruppe/sitzungen/neu`,
    name: 'admin-meeting-new',
    component: () => import('@/views/admin/AdminMeetingNewView.vue'),
    meta: { requiresRole: 'admin', messages: ['admin'] },
  },
  {
    path: `${base}/lenkungsgruppe/sitzungen/:id(\\d+)`,
    name: 'admin-meeting',
    component: () => import('@/views/admin/AdminMeetingView.vue'),
    meta: { requiresRole: 'viewer', messages: ['admin'] },
  },
  // The anti-discrimination office's counts and their releases: administrators and the office only.
  {
    path: `${base}/fallzahlen`,
    name: 'admin-incidents',
    component: () => import('@/views/admin/AdminIncidentsView.vue'),
    meta: { requiresAnyRole: rawIncidentRoles, messages: ['admin', 'incidents'] },
  },
  {
    path: `${base}/fallzahlen/veroeffentlichungen`,
    name: 'admin-incident-releases',
    component: () => import('@/views/admin/AdminIncidentReleasesView.vue'),
    meta: { requiresAnyRole: rawIncidentRoles, messages: ['admin', 'incidents'] },
  },
  { path: `${base}/protokoll`, name: 'admin-audit', component: () => import('@/views/admin/AdminAuditView.vue'), meta: { requiresRole: 'admin', messages: ['admin'] } },
]
