import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import { adminRoutes } from './admin'
import { brandRoutes } from './brand'
import { cityAdminRoutes } from './city-admin'
import { installSessionGuard } from './guard'
import { mailRoutes } from './mail'
import { openDataRoutes } from './open-data'
import { plansAdminRoutes } from './plans-admin'
import { publicPages } from './public-pages'
import { reportingRoutes } from './reporting'

// Route components are lazy: a visitor downloads a page's code (and chart.js, for the dashboard) only when needed.
// The public pages' addresses, text bundles and first reads are declared in public-pages.ts; a route named
// after one of them must use that page's view (router/public-pages.test.ts).
export const routes: RouteRecordRaw[] = [
  { path: publicPages.start.path, name: 'start', component: () => import('@/views/StartView.vue') },
  { path: '/barrierefreiheit', name: 'accessibility', component: () => import('@/views/AccessibilityView.vue'), alias: '/accessibility' },
  {
    path: publicPages.plan.path,
    name: 'plan',
    component: () => import('@/views/PlanView.vue'),
    meta: {
      messages: publicPages.plan.messages,
      firstReads: async (route) => (await import('@/stores/plans')).usePlansStore().loadOverview(Number(route.params.planId)),
    },
  },
  {
    path: publicPages.dashboard.path,
    name: 'dashboard',
    component: () => import('@/views/DashboardView.vue'),
    meta: {
      messages: publicPages.dashboard.messages,
      firstReads: async (route) => (await import('@/stores/plans')).usePlansStore().loadDashboard(Number(route.params.planId)),
    },
  },
  {
    path: publicPages.commitment.path,
    name: 'commitment',
    component: () => import('@/views/CommitmentView.vue'),
    // The plan with its context texts and the organisations (the filter's choices); the measure list, one page, follows with the page.
    meta: {
      firstReads: async (route) => {
        const [{ usePlansStore }, { useOrganisationsStore }] = await Promise.all([import('@/stores/plans'), import('@/stores/organisations')])
        return Promise.all([usePlansStore().loadPlanWithContexts(Number(route.params.planId)), useOrganisationsStore().loadCityOrganisations(String(route.params.city))])
      },
    },
  },
  {
    path: publicPages.measure.path,
    name: 'measure',
    component: () => import('@/views/MeasureView.vue'),
    meta: { firstReads: async (route) => (await import('@/stores/measures')).useMeasuresStore().loadMeasure(Number(route.params.id)) },
  },
  { path: publicPages.organisation.path, name: 'organisation', component: () => import('@/views/OrganisationView.vue') },
  // The steering group's pages (signed in); the password and invitation pages belong to no city.
  { path: '/anmelden', name: 'sign-in', component: () => import('@/views/SignInView.vue'), alias: '/sign-in' },
  { path: '/invitation/:token', name: 'invitation', component: () => import('@/views/InvitationView.vue') },
  { path: '/passwort-vergessen', name: 'password-forgotten', component: () => import('@/views/PasswordForgottenView.vue'), alias: '/forgot-password' },
  { path: '/passwort-vergessen/:token', name: 'password-reset', component: () => import('@/views/PasswordResetView.vue') },
  { path: '/setup/:token', name: 'setup', component: () => import('@/views/SetupView.vue') },
  {
    path: '/konto/passwort',
    name: 'password',
    component: () => import('@/views/PasswordView.vue'),
    alias: '/account/password',
    meta: { requiresSignIn: true },
  },
  {
    path: '/konto/zweiter-faktor',
    name: 'second-factor',
    component: () => import('@/views/SecondFactorView.vue'),
    alias: '/account/second-factor',
    meta: { requiresSignIn: true },
  },
  {
    path: '/:city/arbeitsbereich',
    name: 'workspace',
    component: () => import('@/views/WorkspaceView.vue'),
    alias: '/:city/workspace',
    meta: { requiresRole: 'viewer', messages: ['admin', 'reporting', 'spreadsheets', 'city-admin'] },
  },
  ...adminRoutes,
  ...cityAdminRoutes,
  ...reportingRoutes,
  ...mailRoutes,
  ...openDataRoutes,
  ...plansAdminRoutes,
  ...brandRoutes,
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue') },
  // Reached only by name, from the session guard: the address stays, the page says the role is too low.
  { path: '/:pathMatch(.*)*', name: 'no-access', component: () => import('@/views/NoAccessView.vue') },
]

export function createAppRouter (history: RouterHistory = createWebHistory(), initialRoutes: readonly RouteRecordRaw[] = routes) {
  const router = createRouter({
    history,
    routes: initialRoutes,
    scrollBehavior (to, from, saved) {
      if (saved) return saved
      // Filter changes only touch the query: keep the reader where they are.
      if (to.path === from.path) return false
      if (to.hash) return { el: to.hash }
      // A page just loaded is at the top already; scrolling there would only force an early layout.
      if (!from.matched.length) return false
      return { top: 0 }
    },
  })
  installSessionGuard(router)
  return router
}

/** Routes added per task by `createAppRouterInTurns`: about 12 ms of a slow phone's CPU. */
const routesPerTurn = 10

/**
 * The app's router for main.ts, its routes added in groups, each in a task of its own (`nextTask`
 * between them): compiling about a hundred addresses in one task blocked a slow phone for 125 ms
 * (issue 17, total blocking time). The order is `routes`' own, as `createRouter` adds them, and
 * nothing navigates before the last group is in, so matching is exactly as with `createAppRouter`.
 */
export async function createAppRouterInTurns (nextTask: () => Promise<void>) {
  const router = createAppRouter(createWebHistory(), [])
  for (let start = 0; start < routes.length; start += routesPerTurn) {
    await nextTask()
    for (const route of routes.slice(start, start + routesPerTurn)) router.addRoute(route)
  }
  return router
}
