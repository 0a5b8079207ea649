import { join } from 'node:path'
import { runnerImport, type Plugin } from 'vite'
import { bundleModule, withDependencies } from '../src/i18n/bundle-names'
import type { PublicPage } from '../src/router/public-pages'

/** What the server reads from `.vite/page-reads.json` (server/src/web/page-reads.ts). */
export interface PageReadsEntry {
  name: string
  /** The vue-router path, for the e2e suite to visit the page. */
  path: string
  /** The address as a regular expression, one group per parameter. */
  pattern: string
  params: string[]
  /** The view, then its text bundles: keys of Vite's manifest. */
  modules: string[]
  reads: string[]
  readsWithoutQuery: string[]
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A vue-router path as a regular expression: `:name(regex)` keeps its own expression; a plain `:name`
 * (a city's slug) matches what a slug may contain, which is narrower than the router but never wrong:
 * an address outside it merely gets the plain shell.
 */
export function routePattern (path: string): { pattern: string, params: string[] } {
  const params: string[] = []
  let pattern = ''
  let last = 0
  for (const match of path.matchAll(/:(\w+)(?:\(((?:[^()\\]|\\.)*)\))?/g)) {
    pattern += escapeRegExp(path.slice(last, match.index))
    params.push(match[1]!)
    pattern += `(${match[2] ?? '[a-z0-9-]+'})`
    last = match.index + match[0].length
  }
  return { pattern: `^${pattern}${escapeRegExp(path.slice(last))}$`, params }
}

export function pageReadsEntries (pages: Record<string, PublicPage>): PageReadsEntry[] {
  return Object.entries(pages).map(([name, page]) => ({
    name,
    path: page.path,
    ...routePattern(page.path),
    modules: [page.view, ...withDependencies(page.messages ?? []).map((bundle) => bundleModule(bundle))],
    reads: page.reads,
    readsWithoutQuery: page.readsWithoutQuery ?? [],
  }))
}

/**
 * Writes the public pages (router/public-pages.ts) into the build for the server, which announces each
 * page's code and first reads in index.html. Beside Vite's own manifest in `.vite/`, which is not served.
 */
export function pageReadsManifest (): Plugin {
  let root = '.'
  return {
    name: 'eccar:page-reads',
    apply: 'build',
    configResolved (config) {
      root = config.root
    },
    async generateBundle () {
      // Through Vite's module runner: the declaration imports @eccar/shared, which is TypeScript that
      // Node cannot load by itself while the config is read.
      const { module } = await runnerImport<{ publicPages: Record<string, PublicPage> }>(join(root, 'src/router/public-pages.ts'), { configFile: false, root, logLevel: 'silent' })
      this.emitFile({ type: 'asset', fileName: '.vite/page-reads.json', source: `${JSON.stringify(pageReadsEntries(module.publicPages), null, 2)}\n` })
    },
  }
}
