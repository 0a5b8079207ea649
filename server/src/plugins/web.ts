import { existsSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { createPageShell, localeCookie } from '../web/page-shell.ts'
import { sendError } from './errors.ts'

// Vite names every file under /assets/ by a hash of its content, so a browser may keep it for good.
const hashedAsset = /[\\/]assets[\\/][^\\/]+$/

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
    wildcard: false,
    // Every page, the start page included, is the shell below.
    index: false,
    // The build writes .br and .gz beside each text asset (web/build/precompress.ts).
    preCompressed: true,
    // The build manifest is for this server, not for browsers.
    allowedPath: (pathname) => !pathname.startsWith('/.vite/'),
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', hashedAsset.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })

  const renderShell = createPageShell(root)
  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api')
    if (!isPage) return routeNotFound(request, reply)
    // A new build changes the asset names inside the shell: browsers must ask again every time.
    // The shell follows the language cookie (page-shell.ts): a cache must keep one per cookie.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'cookie')
      .send(renderShell(request.url, request.cookies[localeCookie]))
  })
}, { name: 'web', dependencies: ['config'] })
