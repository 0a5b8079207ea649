import type { RouteRecordRaw } from 'vue-router'
import { publicPages } from './public-pages'

// The city's look, the widgets' snippets and Leichte Sprache (issue 17). Spread into the app's routes in router/index.ts.
export const brandRoutes: RouteRecordRaw[] = [
  {
    path: publicPages['easy-read'].path,
    name: 'easy-read',
    component: () => import('@/views/brand/EasyReadView.vue'),
    alias: '/:city/plans/:planId(\\d+)/easy-read',
    meta: {
      messages: publicPages['easy-read'].messages,
      firstReads: async (route) => (await import('@/stores/easy-read')).useEasyReadStore().loadPublished(Number(route.params.planId)),
    },
  },
  {
    path: '/:city/barrierefreiheit',
    name: 'city-accessibility',
    component: () => import('@/views/AccessibilityView.vue'),
    alias: '/:city/accessibility',
    meta: { messages: ['brand'] },
  },
  {
    path: '/:city/verwaltung/erscheinungsbild',
    name: 'admin-branding',
    component: () => import('@/views/brand/AdminBrandingView.vue'),
    alias: '/:city/admin/branding',
    meta: { requiresRole: 'admin', messages: ['admin', 'brand'] },
  },
  {
    path: '/:city/verwaltung/plaene/:planId(\\d+)/leichte-sprache',
    name: 'admin-easy-read',
    component: () => import('@/views/brand/AdminEasyReadView.vue'),
    alias: '/:city/admin/plans/:planId(\\d+)/easy-read',
    meta: { requiresRole: 'editor', messages: ['admin', 'brand'] },
  },
]
