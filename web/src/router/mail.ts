import type { RouteRecordRaw } from 'vue-router'

// The mail pages: everyone's notification choices, the unsubscribe link's page (no sign-in: the token
// from the mail authenticates), and the city administrators' outbox and reminder settings.
// Spread into the app's routes in router/index.ts.
const base = '/:city/verwaltung'

export const mailRoutes: RouteRecordRaw[] = [
  {
    path: '/konto/benachrichtigungen',
    name: 'notifications',
    component: () => import('@/views/NotificationsView.vue'),
    alias: '/account/notifications',
    meta: { requiresSignIn: true, messages: ['admin', 'mail'] },
  },
  {
    path: '/abmelden/:token',
    name: 'unsubscribe',
    component: () => import('@/views/UnsubscribeView.vue'),
    alias: '/unsubscribe/:token',
    meta: { messages: ['mail'] },
  },
  {
    path: `${base}/postausgang`,
    name: 'admin-outbox',
    component: () => import('@/views/admin/AdminOutboxView.vue'),
    alias: '/:city/admin/outbox',
    meta: { requiresRole: 'admin', messages: ['admin', 'mail'] },
  },
  {
    path: `${base}/postausgang/:id(\\d+)`,
    name: 'admin-outbox-mail',
    component: () => import('@/views/admin/AdminOutboxMailView.vue'),
    meta: { requiresRole: 'admin', messages: ['admin', 'mail'] },
  },
  {
    path: `${base}/erinnerungen`,
    name: 'admin-reminders',
    component: () => import('@/views/admin/AdminRemindersView.vue'),
    alias: '/:city/admin/reminders',
    meta: { requiresRole: 'admin', messages: ['admin', 'mail'] },
  },
]
