import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { EmbedCommitmentParamsSchema, EmbedPlanParamsSchema, EmbedQuerySchema } from '@eccar/shared'
import { Type } from 'typebox'
import type { FastifyReply } from 'fastify'
import { errorResponses } from '../common/schemas.ts'
import { createPlansService } from '../plans/plans.service.ts'
import { createBrandService } from './brand.service.ts'
import { createEmbeds } from './embed.service.ts'

const html = Type.String({ description: 'The widget page (HTML without JavaScript)' })

/**
 * The widgets at /embed/…: the only pages that may be framed, and only by the origins the city listed. Every
 * other page keeps helmet's `frame-ancestors 'none'` and `X-Frame-Options`.
 */
const embedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const brand = createBrandService(app.db, app.dataChanged)
  const embeds = createEmbeds(app.db, app.config.PUBLIC_ORIGIN!, brand, createPlansService(app.db, app.dataChanged))

  const send = (reply: FastifyReply, widget: { html: string, policy: string }) => {
    // helmet wrote its headers on the raw response when the request arrived; the widget's own replace them.
    reply.raw.removeHeader('x-frame-options')
    reply.raw.removeHeader('content-security-policy')
    return reply.type('text/html; charset=utf-8').header('content-security-policy', widget.policy)
      .header('cache-control', 'no-cache').send(widget.html)
  }

  app.get('/embed/:city/plans/:id', {
    schema: { hide: true, params: EmbedPlanParamsSchema, querystring: EmbedQuerySchema, response: { 200: html, ...errorResponses } },
  }, async (request, reply) => send(reply, await embeds.widget(request.params.city, request.params.id, null, request.query.lang ?? 'de')))

  app.get('/embed/:city/plans/:id/commitments/:number', {
    schema: { hide: true, params: EmbedCommitmentParamsSchema, querystring: EmbedQuerySchema, response: { 200: html, ...errorResponses } },
  }, async (request, reply) => send(reply,
    await embeds.widget(request.params.city, request.params.id, request.params.number, request.query.lang ?? 'de')))
}

export default embedRoutes
