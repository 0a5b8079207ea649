import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** What one page of the web app needs first: its code (Vite manifest keys) and its API reads. */
export interface PageNeeds {
  modules: string[]
  reads: string[]
}

/** One public page as the web build writes it (web/build/page-reads-manifest.ts). */
interface PageReadsEntry {
  name: string
  pattern: string
  params: string[]
  modules: string[]
  reads: string[]
  readsWithoutQuery: string[]
}

/**
 * Reads the public pages the web build declares (web/src/router/public-pages.ts, written to
 * `.vite/page-reads.json`) once. Without the file (an older build, or a development setup) every address
 * gets the plain shell, which only costs the head start. The e2e suite checks that every announced
 * read is made, and only once (e2e/preload.test.ts).
 */
export function loadPageReads (webRoot: string): (pathname: string, query: URLSearchParams) => PageNeeds | null {
  const path = join(webRoot, '.vite', 'page-reads.json')
  if (!existsSync(path)) return () => null
  const pages = (JSON.parse(readFileSync(path, 'utf8')) as PageReadsEntry[]).map((page) => ({ ...page, regex: new RegExp(page.pattern) }))

  /**
   * The code and API reads of a public page, or null for any other address (the workspace, sign-in,
   * unknown pages): those get the plain shell. Every page asks who is signed in; a city's page also
   * reads the city's look, which its header shows (web/src/router/first-reads.ts).
   */
  return function pageNeeds (pathname, query) {
    const address = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
    for (const page of pages) {
      const match = page.regex.exec(address)
      if (!match) continue
      // The values matched the page's own expressions (digits, slugs), so they go into the reads as they are.
      const values = new Map(page.params.map((name, i) => [name, match[i + 1] ?? '']))
      const fill = (read: string) => read.replace(/:(\w+)/g, (whole, name: string) => values.get(name) ?? whole)
      // Filters in the address change the list requests; only the unfiltered ones are predictable.
      const reads = query.size === 0 ? [...page.reads, ...page.readsWithoutQuery] : page.reads
      const city = values.get('city')
      const look = city === undefined ? [] : [`/api/cities/${city}/branding`]
      return { modules: page.modules, reads: ['/api/session', ...look, ...reads.map(fill)] }
    }
    return null
  }
}
