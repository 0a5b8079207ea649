import { existsSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { sendError } from './errors.ts'

/**
 * Serves the built web app on the same port as the API. Unknown API paths get a JSON 404; any other
 * GET falls back to index.html so the single-page app's own routes survive a reload.
 */
export default fp(async function webPlugin (app: FastifyInstance) {
  const root = app.config.WEB_DIST
  const hasWeb = existsSync(`${root}/index.html`)
  if (hasWeb) {
    await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] })
  } else {
    app.log.warn({ root }, 'web app not built; run `npm run build` to serve it')
  }

  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api')
    if (isPage && hasWeb) return reply.type('text/html; charset=utf-8').sendFile('index.html')
    return sendError(reply, request, 404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)
  })
}, { name: 'web', dependencies: ['config'] })
