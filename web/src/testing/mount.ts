import { createTestingPinia } from '@pinia/testing'
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import type { Component } from 'vue'
import { createAppI18n } from '@/i18n'
import { allMessageBundles } from './all-messages'
import type { Locale } from '@/lib/locale'
import { createAppRouter } from '@/router'

/** Mounts a component with the app's i18n, a memory router and a testing Pinia (actions stubbed). */
export function mountWithApp<C extends Component> (
  component: C,
  options: ComponentMountingOptions<C> & { locale?: Locale, initialState?: Record<string, unknown>, realActions?: boolean, realStores?: readonly string[] } = {},
) {
  const { locale = 'de', initialState = {}, realActions = false, realStores = [], ...rest } = options
  const i18n = createAppI18n(locale, allMessageBundles)
  const router = createAppRouter(createMemoryHistory())
  // realActions: the stores' actions run (against the mocked API or fetch), for components that load through one;
  // realStores: only those stores' actions run (a form that writes through its store, the rest stubbed).
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState, stubActions: (_action, store) => !realActions && !realStores.includes(store.$id) })
  const wrapper = mount(component, { ...rest, global: { plugins: [i18n, router, pinia], ...rest.global } } as ComponentMountingOptions<C>)
  return { wrapper, i18n, router, pinia }
}

/** Mounts a route component at `path`, with store state given as the testing Pinia's initialState. */
export async function mountView<C extends Component> (
  component: C,
  { path, locale = 'de', initialState = {} }: { path: string, locale?: Locale, initialState?: Record<string, unknown> },
) {
  // The store first: the router's session guard reads it on members' pages.
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState })
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const i18n = createAppI18n(locale, allMessageBundles)
  const wrapper = mount(component, { global: { plugins: [i18n, router, pinia] } })
  return { wrapper, router, pinia }
}
