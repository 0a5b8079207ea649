import type { Me, Role } from '@eccar/shared'
import { createTestingPinia } from '@pinia/testing'
import { mount } from '@vue/test-utils'
import { vi } from 'vitest'
import type { Component } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { createAppI18n } from '@/i18n'
import { allMessageBundles } from './all-messages'
import type { Locale } from '@/lib/locale'
import { createAppRouter } from '@/router'

/** A signed-in person with one role in Jena. */
export function buildMe (role: Role = 'admin'): Me {
  return {
    id: 1,
    email: 'admin@jena.example',
    displayName: 'Büro für Migration und Integration',
    isPlatformAdmin: false,
    memberships: [{ citySlug: 'jena', cityName: 'Jena', role, organisations: [] }],
  }
}

/**
 * Mounts an administration page at `path` for a signed-in person: the testing Pinia exists before
 * the router's session guard runs (store actions are stubbed; state comes from `initialState`).
 * `realStores`: the ids of stores whose actions run (against the mocked API module), for pages and forms
 * that write through a store.
 */
export async function mountAdminView<C extends Component> (
  component: C,
  { path, locale = 'de', role = 'admin', initialState = {}, realStores = [] }:
  { path: string, locale?: Locale, role?: Role, initialState?: Record<string, unknown>, realStores?: readonly string[] },
) {
  const pinia = createTestingPinia({
    createSpy: vi.fn,
    initialState: { session: { user: buildMe(role), loaded: true }, ...initialState },
    stubActions: (_action, store) => !realStores.includes(store.$id),
  })
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const i18n = createAppI18n(locale, allMessageBundles)
  const wrapper = mount(component, { global: { plugins: [i18n, router, pinia] } })
  return { wrapper, router, pinia }
}
