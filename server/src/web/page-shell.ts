import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadPageAssets } from './asset-manifest.ts'
import { loadPageReads } from './page-reads.ts'

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

/** The cookie the web app writes when someone picks the language (web/src/i18n/index.ts persistLocale). */
export const localeCookie = 'eccar-locale'

// A page's text bundles in the build are German (`….de.ts`); an English reader gets the English ones.
const germanBundle = /^(src\/i18n\/locales\/[\w-]+)\.de\.ts$/

/**
 * The single-page app's index.html, with a head start for the page asked for: the page's code is
 * announced as `modulepreload` and its first API reads as `preload` fetches, so the browser fetches
 * them alongside the app's own JavaScript instead of one round trip after another. On a phone over
 * slow mobile data this is the difference between about four seconds and two before the content shows.
 *
 * The reads are announced with `crossorigin="anonymous"`, the credentials mode of the app's own
 * same-origin fetch(), so the browser hands the preloaded answer to that fetch rather than asking again.
 *
 * The remembered language (cookie `eccar-locale`) goes into `<html lang>`, where the app reads it at start
 * without touching the browser's storage (whose first read blocks the page before its first paint), and
 * an English reader's page gets its English text bundles announced.
 */
export function createPageShell (webRoot: string) {
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8')
  const pageAssets = loadPageAssets(webRoot)
  const pageNeeds = loadPageReads(webRoot)
  const headEnd = html.indexOf('</head>')
  if (headEnd < 0) throw new Error(`${webRoot}/index.html has no </head>`)

  // The same length as the German shell, so `headEnd` holds for both.
  const english = html.replace('<html lang="de">', '<html lang="en">')

  return function render (url: string, locale?: string): string {
    const shell = locale === 'en' ? english : html
    // Split by hand: `new URL()` throws on addresses such as `//`, which must still get the shell.
    const queryStart = url.indexOf('?')
    const pathname = queryStart < 0 ? url : url.slice(0, queryStart)
    const needs = pageNeeds(pathname, new URLSearchParams(queryStart < 0 ? '' : url.slice(queryStart + 1)))
    if (!needs) return shell
    const assets = pageAssets(locale === 'en' ? needs.modules.map((key) => key.replace(germanBundle, '$1.en.ts')) : needs.modules)
    const links = [
      ...assets.styles.map((href) => `<link rel="stylesheet" crossorigin href="${escapeAttribute(href)}">`),
      ...assets.scripts.map((href) => `<link rel="modulepreload" crossorigin href="${escapeAttribute(href)}">`),
      ...needs.reads.map((href) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${escapeAttribute(href)}">`),
    ]
    return `${shell.slice(0, headEnd)}  ${links.join('\n    ')}\n  ${shell.slice(headEnd)}`
  }
}
