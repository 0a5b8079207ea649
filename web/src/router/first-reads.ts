import type { RouteLocationNormalizedLoaded, Router } from 'vue-router'
import { useBrandingStore } from '@/stores/branding'

declare module 'vue-router' {
  interface RouteMeta {
    /**
     * The reads a public page shows first, made through the page's own store actions (which keep what they
     * read, so the page's own call then finds it). Only for the page a visit starts on: the app mounts once
     * they are in, and the first paint is the page itself instead of a loading line that a long second
     * render replaces (issue 17: most of the plan page's blocking time). The server announced the reads in
     * index.html, so they are under way long before the app asks; later navigations keep their loading state.
     */
    firstReads?: (route: RouteLocationNormalizedLoaded) => Promise<unknown>
  }
}

/**
 * Resolves once the current page's first reads are in, or failed (the page then shows their error itself).
 * A city's page also waits for the city's look, which the header shows (logo, accent colour): read after
 * the mount, it was one more round trip and a second render of the header before the page stood still.
 */
export function firstReadsOf (router: Router): Promise<void> {
  const route = router.currentRoute.value
  const reads = route.matched.flatMap((record) => (record.meta.firstReads ? [record.meta.firstReads(route)] : []))
  const city = route.params.city
  if (reads.length > 0 && typeof city === 'string') reads.push(useBrandingStore().load(city))
  return Promise.all(reads).then(() => undefined, () => undefined)
}
