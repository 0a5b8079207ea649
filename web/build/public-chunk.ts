import { join } from 'node:path'
import { runnerImport, type Plugin, type Rolldown } from 'vite'
import type { PublicPage } from '../src/router/public-pages'

type ChunkingContext = Rolldown.ChunkingContext

const inWebSource = /[\\/]web[\\/]src[\\/]/
// Text bundles are per language and already one chunk each; a page loads only its language's.
const textBundle = /[\\/]src[\\/]i18n[\\/]/

/**
 * One chunk for the code the public pages share beyond the app shell (their stores, API calls,
 * components and helpers), instead of one chunk per combination of pages that share a module.
 *
 * Over HTTP/1.1 a browser fetches six files at a time: the measure page needed 19 files before it
 * could show, four rounds on slow mobile data, where Lighthouse's mobile preset puts a round at 150 ms
 * (issue 17). With this chunk a public page needs the shell, this chunk, its view and its texts.
 *
 * A module joins when two or more public views import it (directly or through other modules) and the
 * app shell does not: what the shell imports stays in the shell, so the shell never waits for this chunk,
 * and what one view alone uses stays in that view's chunk.
 */
export function publicChunkOf (views: string[]) {
  const viewIds = views.map((view) => `/web/${view}`)
  const isView = (id: string) => viewIds.some((view) => id.replaceAll('\\', '/').endsWith(view))

  /** The modules a static importer chain from `id` upwards passes through, `id` included. */
  const importersOf = (ctx: ChunkingContext, id: string) => {
    const seen = new Set([id])
    const queue = [id]
    while (queue.length > 0) {
      const next = queue.pop()!
      for (const importer of ctx.getModuleInfo(next)?.importers ?? []) {
        if (!seen.has(importer)) {
          seen.add(importer)
          queue.push(importer)
        }
      }
    }
    return seen
  }

  return (id: string, ctx: ChunkingContext): string | null => {
    if (!inWebSource.test(id) || textBundle.test(id) || isView(id)) return null
    const importers = [...importersOf(ctx, id)]
    if (importers.some((importer) => ctx.getModuleInfo(importer)?.isEntry)) return null
    return importers.filter(isView).length >= 2 ? 'public' : null
  }
}

/** Adds the public chunk to the build, with the views router/public-pages.ts declares. */
export function publicPagesChunk (): Plugin {
  return {
    name: 'eccar:public-chunk',
    apply: 'build',
    async config (config) {
      const root = config.root ?? process.cwd()
      // Through Vite's module runner, as build/page-reads-manifest.ts does: the declaration imports @eccar/shared.
      const { module } = await runnerImport<{ publicPages: Record<string, PublicPage> }>(join(root, 'src/router/public-pages.ts'), { configFile: false, root, logLevel: 'silent' })
      const views = Object.values(module.publicPages).map((page) => page.view)
      return { build: { rollupOptions: { output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: publicChunkOf(views) }] } } } } }
    },
  }
}
