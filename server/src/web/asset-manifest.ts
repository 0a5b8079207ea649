import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

interface ManifestChunk {
  file: string
  imports?: string[]
  css?: string[]
  isEntry?: boolean
}

/** The files a page needs beyond what index.html already loads: its own chunks and stylesheets. */
export interface PageAssets {
  scripts: string[]
  styles: string[]
}

/**
 * Reads Vite's build manifest (web/dist/.vite/manifest.json) once. Without one (an older build, or
 * a development setup) every page needs nothing extra, which only costs the head start.
 */
export function loadPageAssets (webRoot: string): (modules: readonly string[]) => PageAssets {
  const path = join(webRoot, '.vite', 'manifest.json')
  if (!existsSync(path)) return () => ({ scripts: [], styles: [] })
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>

  function closure (key: string, seen: Set<string>) {
    if (seen.has(key) || !manifest[key]) return seen
    seen.add(key)
    for (const imported of manifest[key].imports ?? []) closure(imported, seen)
    return seen
  }
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry)
  const loadedByShell = entries.reduce((seen, key) => closure(key, seen), new Set<string>())
  const shellStyles = new Set([...loadedByShell].flatMap((key) => manifest[key]!.css ?? []))

  const cache = new Map<string, PageAssets>()
  return (modules) => {
    const cacheKey = modules.join('|')
    let assets = cache.get(cacheKey)
    if (!assets) {
      const needed = modules.reduce((seen, key) => closure(key, seen), new Set<string>())
      const chunks = [...needed].filter((key) => !loadedByShell.has(key)).map((key) => manifest[key]!)
      assets = {
        scripts: chunks.map((chunk) => `/${chunk.file}`),
        styles: [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))].filter((css) => !shellStyles.has(css)).map((css) => `/${css}`),
      }
      cache.set(cacheKey, assets)
    }
    return assets
  }
}
