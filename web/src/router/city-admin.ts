import type { RouteRecordRaw } from 'vue-router'

// The platform's cities (platform administrators) and a city's settings (its administrators).
// Spread into the app's routes in router/index.ts.
export const cityAdminRoutes: RouteRecordRaw[] = [
  {
    path: '/verwaltung/staedte',
    name: 'platform-cities',
    component: () => import('@/views/admin/PlatformCitiesView.vue'),
    alias: '/admin/cities',
    meta: { requiresPlatformAdmin: true, messages: ['admin', 'city-admin'] },
  },
  {
    path: '/:city/verwaltung/einstellungen',
    name: 'admin-city-settings',
    component: () => import('@/views/admin/AdminCitySettingsView.vue'),
    alias: '/:city/admin/settings',
    meta: { requiresRole: 'admin', messages: ['admin', 'city-admin'] },
  },
]
