import type { RouteRecordRaw } from 'vue-router'

// The city administrators' pages (helper W3 fills this list); spread into the app's routes in router/index.ts.
export const adminRoutes: RouteRecordRaw[] = []
