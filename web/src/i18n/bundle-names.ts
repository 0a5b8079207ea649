/**
 * The text bundles a route can ask for (route meta `messages`, loaded by bundles.ts). Plain data without
 * imports, so the web build can read it too when it writes the server's page manifest.
 */
export type MessageBundle = 'admin' | 'reporting' | 'incidents' | 'errors' | 'mail' | 'open-data' | 'spreadsheets' | 'plans-admin' | 'brand' | 'city-admin'

/** Bundles whose pages all write, so they bring the error texts along without every route naming them. */
const bundlesAlsoNeeded: Partial<Record<MessageBundle, MessageBundle[]>> = { admin: ['errors'], incidents: ['errors'], mail: ['errors'], spreadsheets: ['errors'], 'plans-admin': ['errors'], 'city-admin': ['admin', 'errors'] }

/** A route's bundles with those they bring along. */
export const withDependencies = (bundles: readonly MessageBundle[]): MessageBundle[] =>
  [...new Set(bundles.flatMap((bundle) => [bundle, ...(bundlesAlsoNeeded[bundle] ?? [])]))]

/**
 * A bundle's module in one language, as a key of Vite's build manifest. A page loads its bundles in the
 * current language only; the server announces the German ones, the language index.html starts in.
 */
export const bundleModule = (bundle: MessageBundle, locale: 'de' | 'en' = 'de') => `src/i18n/locales/${bundle}.${locale}.ts`
