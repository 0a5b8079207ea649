import type { Router } from 'vue-router'
import { withDependencies, type MessageBundle } from './bundle-names'
import { defaultLocale, isLocale, type Locale } from '@/lib/locale'
import type { AppI18n } from './index'

/**
 * Texts only some pages need, loaded with those pages: the administration's (admin.*) and the
 * reports' (reporting.*, also the dashboard's indicators and incident counts) and the incident
 * counts' entry and releases (incidents.*), and the explanations of the API's error codes (errors.*),
 * which every page that writes shows. A visitor's first page
 * then carries none, which keeps a phone's first load small. Only the current language of a bundle
 * comes with its page; switching the language fetches the other language of the bundles loaded so
 * far before the switch (switchLanguage), so no label ever shows in the wrong language or as its key.
 */

declare module 'vue-router' {
  interface RouteMeta {
    /** Text bundles the page's components use, loaded before the page shows. */
    messages?: MessageBundle[]
  }
}

type BundleModule = Promise<{ default: Record<string, unknown> }>

const loaders: Record<MessageBundle, Record<Locale, () => BundleModule>> = {
  admin: { de: () => import('./locales/admin.de'), en: () => import('./locales/admin.en') },
  reporting: { de: () => import('./locales/reporting.de'), en: () => import('./locales/reporting.en') },
  incidents: { de: () => import('./locales/incidents.de'), en: () => import('./locales/incidents.en') },
  mail: { de: () => import('./locales/mail.de'), en: () => import('./locales/mail.en') },
  // Downloads on the public pages and the open-data pages.
  'open-data': { de: () => import('./locales/open-data.de'), en: () => import('./locales/open-data.en') },
  // The members' spreadsheet imports and the open-data settings: kept apart so public pages never carry them.
  spreadsheets: { de: () => import('./locales/spreadsheets.de'), en: () => import('./locales/spreadsheets.en') },
  // The plans' list, plan files and the plan update (administrators).
  'plans-admin': { de: () => import('./locales/plans-admin.de'), en: () => import('./locales/plans-admin.en') },
  // The city's look, the widgets' snippets and Leichte Sprache (issue 17).
  brand: { de: () => import('./locales/brand.de'), en: () => import('./locales/brand.en') },
  // The platform's cities and a city's settings.
  'city-admin': { de: () => import('./locales/city-admin.de'), en: () => import('./locales/city-admin.en') },
  errors: { de: () => import('./locales/errors.de'), en: () => import('./locales/errors.en') },
}

/** What loading needs of the app's i18n: its global composer (useI18n() in a component returns the same). */
type Texts = Pick<AppI18n['global'], 'mergeLocaleMessage'> & { locale: { value: string } }

// Per composer (tests create many): the bundles pages asked for, and each bundle's language fetched and merged once.
const state = new WeakMap<object, { wanted: Set<MessageBundle>, started: Map<string, Promise<void>> }>()

function stateOf (texts: Texts) {
  let found = state.get(texts)
  if (!found) state.set(texts, found = { wanted: new Set(), started: new Map() })
  return found
}

function loadBundle (texts: Texts, bundle: MessageBundle, locale: Locale): Promise<void> {
  const { started } = stateOf(texts)
  const key = `${bundle}.${locale}`
  let promise = started.get(key)
  if (!promise) {
    promise = loaders[bundle][locale]().then((module) => texts.mergeLocaleMessage(locale, module.default))
    // A failed download may be retried by the next navigation.
    promise.catch(() => started.delete(key))
    started.set(key, promise)
  }
  return promise
}

const currentLocale = (texts: Texts): Locale => (isLocale(texts.locale.value) ? texts.locale.value : defaultLocale)

/** Loads the bundles (with those they bring along) in the current language. */
export function loadMessageBundles (i18n: AppI18n, bundles: readonly MessageBundle[]): Promise<void> {
  const texts = i18n.global
  const { wanted } = stateOf(texts)
  const locale = currentLocale(texts)
  return Promise.all(withDependencies(bundles).map((bundle) => {
    wanted.add(bundle)
    return loadBundle(texts, bundle, locale)
  })).then(() => undefined)
}

/**
 * Switches the language once the texts of every bundle loaded so far are there in it too: the page
 * shown changes language all at once. Fails (keeping the language) when they cannot be fetched.
 */
export async function switchLanguage (texts: Texts, next: Locale): Promise<void> {
  await Promise.all([...stateOf(texts).wanted].map((bundle) => loadBundle(texts, bundle, next)))
  texts.locale.value = next
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
