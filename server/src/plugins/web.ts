import { existsSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { createPageShell, localeCookie } from '../web/page-shell.ts'
import { sendError } from './errors.ts'

// Vite names every file under /assets/ by a hash of its content, so a browser may keep it for good.
const hashedAsset = /[\\/]assets[\\/][^\\/]+$/

/** Every file of the build by its path under `root`, but the build manifest, which is for this server. */
function builtFiles (root: string) {
  const paths = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
  return new Set(paths.filter((path) => !path.startsWith('.vite/')))
}

/**
 * Serves the built web app on the same port as the API. Unknown API paths get a JSON 404; any other
 * GET gets the app's page shell, so the single-page app's own routes survive a reload.
 */
const routeNotFound = (request: FastifyRequest, reply: FastifyReply) =>
  sendError(reply, request, 404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)

export default fp(async function webPlugin (app: FastifyInstance) {
  const root = app.config.WEB_DIST
  if (!existsSync(`${root}/index.html`)) {
    app.log.warn({ root }, 'web app not built; run `npm run build` to serve it')
    app.setNotFoundHandler(routeNotFound)
    return
  }

  await app.register(fastifyStatic, {
    root,
    // No routes of the plugin's own: with one route per file (its `wildcard: false`), the build's ~400
    // files and their .br/.gz twins took 0.15 s of every start. The not-found handler below serves
    // them (no catch-all route either: it would take the router's own 414 for overlong API paths).
    serve: false,
    // Every page, the start page included, is the shell below.
    index: false,
    // The build writes .br and .gz beside each text asset (web/build/precompress.ts).
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', hashedAsset.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })

  const renderShell = createPageShell(root)
  // The files as built, and nothing else: a path that is no file (or a malformed one) gets the shell.
  const files = builtFiles(root)
  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api')
    if (!isPage) return routeNotFound(request, reply)
    const file = request.url.split('?')[0]!.slice(1)
    if (files.has(file)) return reply.sendFile(file)
    // A new build changes the asset names inside the shell: browsers must ask again every time.
    // The shell follows the language cookie (page-shell.ts): a cache must keep one per cookie.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'cookie')
      .send(renderShell(request.url, request.cookies[localeCookie]))
  })
}, { name: 'web', dependencies: ['config'] })
