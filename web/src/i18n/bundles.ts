import type { Router } from 'vue-router'
import { withDependencies, type MessageBundle } from './bundle-names'
import type { AppI18n } from './index'

/**
 * Texts only some pages need, loaded with those pages: the administration's (admin.*) and the
 * reports' (reporting.*, also the dashboard's indicators and incident counts) and the incident
 * counts' entry and releases (incidents.*), and the explanations of the API's error codes (errors.*),
 * which every page that writes shows. A visitor's first page
 * then carries none, which keeps a phone's first load small. Both languages of a bundle come
 * together, so switching the language never waits for the network.
 */

declare module 'vue-router' {
  interface RouteMeta {
    /** Text bundles the page's components use, loaded before the page shows. */
    messages?: MessageBundle[]
  }
}

type BundleMessages = Record<'de' | 'en', Record<string, unknown>>

const loaders: Record<MessageBundle, () => Promise<BundleMessages>> = {
  admin: async () => {
    const [de, en] = await Promise.all([import('./locales/admin.de'), import('./locales/admin.en')])
    return { de: de.default, en: en.default }
  },
  reporting: async () => {
    const [de, en] = await Promise.all([import('./locales/reporting.de'), import('./locales/reporting.en')])
    return { de: de.default, en: en.default }
  },
  incidents: async () => {
    const [de, en] = await Promise.all([import('./locales/incidents.de'), import('./locales/incidents.en')])
    return { de: de.default, en: en.default }
  },
  mail: async () => {
    const [de, en] = await Promise.all([import('./locales/mail.de'), import('./locales/mail.en')])
    return { de: de.default, en: en.default }
  },
  // Downloads on the public pages and the open-data pages.
  'open-data': async () => {
    const [de, en] = await Promise.all([import('./locales/open-data.de'), import('./locales/open-data.en')])
    return { de: de.default, en: en.default }
  },
  // The members' spreadsheet imports and the open-data settings: kept apart so public pages never carry them.
  spreadsheets: async () => {
    const [de, en] = await Promise.all([import('./locales/spreadsheets.de'), import('./locales/spreadsheets.en')])
    return { de: de.default, en: en.default }
  },
  // The plans' list, plan files and the plan update (administrators).
  'plans-admin': async () => {
    const [de, en] = await Promise.all([import('./locales/plans-admin.de'), import('./locales/plans-admin.en')])
    return { de: de.default, en: en.default }
  },
  // The city's look, the widgets' snippets and Leichte Sprache (issue 17).
  brand: async () => {
    const [de, en] = await Promise.all([import('./locales/brand.de'), import('./locales/brand.en')])
    return { de: de.default, en: en.default }
  },
  // The platform's cities and a city's settings.
  'city-admin': async () => {
    const [de, en] = await Promise.all([import('./locales/city-admin.de'), import('./locales/city-admin.en')])
    return { de: de.default, en: en.default }
  },
  errors: async () => {
    const [de, en] = await Promise.all([import('./locales/errors.de'), import('./locales/errors.en')])
    return { de: de.default, en: en.default }
  },
}

// Per i18n instance (tests create many); each bundle is fetched once and merged once.
const loading = new WeakMap<object, Map<MessageBundle, Promise<void>>>()

export function loadMessageBundles (i18n: AppI18n, bundles: readonly MessageBundle[]): Promise<void> {
  let started = loading.get(i18n)
  if (!started) loading.set(i18n, started = new Map())
  const pending = withDependencies(bundles).map((bundle) => {
    let promise = started.get(bundle)
    if (!promise) {
      promise = loaders[bundle]().then((messages) => {
        for (const locale of ['de', 'en'] as const) i18n.global.mergeLocaleMessage(locale, messages[locale])
      })
      // A failed download may be retried by the next navigation.
      promise.catch(() => started.delete(bundle))
      started.set(bundle, promise)
    }
    return promise
  })
  return Promise.all(pending).then(() => undefined)
}

/**
 * Starts a page's bundles as navigation begins, alongside the page's own code, and lets the page
 * show only once they are merged: no label ever flashes as its key.
 */
export function installMessageBundles (router: Router, i18n: AppI18n) {
  const bundlesOf = (route: { matched: { meta: { messages?: MessageBundle[] } }[] }) => route.matched.flatMap((r) => r.meta.messages ?? [])
  router.beforeEach((to) => {
    void loadMessageBundles(i18n, bundlesOf(to)).catch(() => {})
  })
  router.beforeResolve((to) => loadMessageBundles(i18n, bundlesOf(to)))
}
