import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  BrandingSettingsSchema, CheckEasyReadSchema, CityParamsSchema, EasyReadListSchema, EasyReadParamsSchema,
  EasyReadTextSchema, IdParamsSchema, LogoParamsSchema, logoMaxBytes, logoMediaTypes, OEmbedQuerySchema, OEmbedSchema,
  PublicBrandingSchema, SaveEasyReadSchema, UpdateBrandingSchema,
} from '@eccar/shared'
import { Type } from 'typebox'
import { errorResponses, signedInErrorResponses, versionedWriteResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import { createPlansService } from '../plans/plans.service.ts'
import { createBrandService } from './brand.service.ts'
import { createEasyReadService } from './easy-read.service.ts'
import { createEmbeds } from './embed.service.ts'

const tags = ['branding']
const logoBody = {
  content: Object.fromEntries(logoMediaTypes.map((type) => [type, { schema: Type.Unsafe<Buffer>({ format: 'binary', description: `PNG or WebP, at most ${logoMaxBytes} bytes` }) }])),
}
const settingsConflict = versionedWriteResponses(Type.Object(BrandingSettingsSchema.properties))
const easyReadConflict = versionedWriteResponses(Type.Object(EasyReadTextSchema.properties))

/**
 * A city's own look (accent, logo, contacts of its accessibility statement, origins allowed to frame its
 * widgets), the oEmbed answer for its widgets, and the Leichte Sprache texts of its plans.
 */
const brandRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const brand = createBrandService(app.db, app.dataChanged)
  const plans = createPlansService(app.db, app.dataChanged)
  const easyRead = createEasyReadService(app.db, app.dataChanged, plans)
  const embeds = createEmbeds(app.db, app.config.PUBLIC_ORIGIN!, brand, plans)

  // Logos arrive as they are; only this plugin's routes accept images.
  app.addContentTypeParser([...logoMediaTypes], { parseAs: 'buffer', bodyLimit: logoMaxBytes }, (_request, body, done) => done(null, body))

  app.get('/cities/:city/branding', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The city\'s accent colour, logo, website, accessibility feedback contact and enforcement body',
      params: CityParamsSchema, response: { 200: PublicBrandingSchema, ...errorResponses },
    },
  }, async (request) => brand.publicBranding(request.params.city))

  app.get('/cities/:city/logo/:stamp', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The city\'s logo (PNG or WebP); its address changes with every upload',
      params: LogoParamsSchema,
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The image' }), ...errorResponses },
    },
  }, async (request, reply) => {
    const logo = await brand.logo(request.params.city)
    return reply.type(logo.type).header('cache-control', 'public, max-age=86400')
      .header('content-security-policy', 'default-src \'none\'').send(logo.bytes)
  })

  app.get('/cities/:city/branding/settings', {
    config: { access: 'signed-in' },
    schema: {
      tags, summary: 'The branding with the origins allowed to frame the widgets (admins)',
      params: CityParamsSchema, response: { 200: BrandingSettingsSchema, ...signedInErrorResponses },
    },
  }, async (request, reply) => {
    const current = await brand.settings(request.params.city, request.actor)
    setVersionTag(reply, current.version)
    return current
  })

  app.put('/cities/:city/branding/settings', {
    config: { access: 'signed-in' },
    schema: {
      tags, summary: 'Set the branding (admins; send If-Match or version)',
      description: 'An accent colour under 4.5:1 against white, #f5f6f8 or #e9ecf1 is refused with 400 ACCENT_CONTRAST_TOO_LOW, '
        + 'naming each ratio in `details`.',
      params: CityParamsSchema, body: UpdateBrandingSchema, response: { 200: BrandingSettingsSchema, ...settingsConflict },
    },
  }, async (request, reply) => {
    const updated = await brand.update(request.params.city, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, updated.version)
    return updated
  })

  app.put('/cities/:city/branding/logo', {
    config: { access: 'signed-in' },
    bodyLimit: logoMaxBytes,
    schema: {
      tags, summary: 'Upload the logo as the raw body, image/png or image/webp, at most 200 KB (admins; send If-Match)',
      description: 'SVG is not accepted (it can carry scripts). The file\'s first bytes must match its Content-Type.',
      params: CityParamsSchema, body: logoBody, response: { 200: BrandingSettingsSchema, ...settingsConflict },
    },
  }, async (request, reply) => {
    const updated = await brand.setLogo(request.params.city, request.body, request.headers['content-type'], expectedVersion(request), request.actor)
    setVersionTag(reply, updated.version)
    return updated
  })

  app.delete('/cities/:city/branding/logo', {
    config: { access: 'signed-in' },
    schema: {
      tags, summary: 'Remove the logo (admins; send If-Match)',
      params: CityParamsSchema, response: { 200: BrandingSettingsSchema, ...settingsConflict },
    },
  }, async (request, reply) => {
    const updated = await brand.removeLogo(request.params.city, expectedVersion(request), request.actor)
    setVersionTag(reply, updated.version)
    return updated
  })

  app.get('/oembed', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'oEmbed for a plan\'s or commitment\'s progress widget (type rich, an iframe)',
      querystring: OEmbedQuerySchema, response: { 200: OEmbedSchema, ...errorResponses },
    },
  }, async (request) => embeds.oembed(request.query.url, request.query.maxwidth))

  app.get('/plans/:id/easy-read', {
    config: { access: 'public' },
    schema: {
      tags: ['easy-read'], summary: 'The plan\'s Leichte Sprache texts that a review group has checked',
      params: IdParamsSchema, response: { 200: EasyReadListSchema, ...errorResponses },
    },
  }, async (request) => easyRead.published(request.params.id, { kind: 'anonymous', requestId: request.id }))

  app.get('/plans/:id/easy-read/drafts', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['easy-read'], summary: 'All Leichte Sprache texts of the plan, checked or not (editors)',
      params: IdParamsSchema, response: { 200: EasyReadListSchema, ...signedInErrorResponses },
    },
  }, async (request) => easyRead.drafts(request.params.id, request.actor))

  app.put('/plans/:id/easy-read/:target', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['easy-read'], summary: 'Write the Leichte Sprache text of the plan or a commitment (editors; a text not yet written has version 1)',
      description: 'A changed text is no longer checked and leaves the public page until a review group checks it again.',
      params: EasyReadParamsSchema, body: SaveEasyReadSchema, response: { 200: EasyReadTextSchema, ...easyReadConflict },
    },
  }, async (request, reply) => {
    const saved = await easyRead.save(request.params.id, request.params.target, request.body.body,
      expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, saved.version)
    return saved
  })

  app.delete('/plans/:id/easy-read/:target', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['easy-read'], summary: 'Delete the Leichte Sprache text of the plan or a commitment (editors; send If-Match)',
      description: 'The text leaves the office\'s list and the public page. The answer is the text as it is now: empty, without '
        + 'dates, and with a new version, so that a save based on the deleted text is refused with 412.',
      params: EasyReadParamsSchema, response: { 200: EasyReadTextSchema, ...easyReadConflict },
    },
  }, async (request, reply) => {
    const emptied = await easyRead.remove(request.params.id, request.params.target, expectedVersion(request), request.actor)
    setVersionTag(reply, emptied.version)
    return emptied
  })

  app.post('/plans/:id/easy-read/:target/check', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['easy-read'], summary: 'Record that a review group checked the text, now (editors); it is public from then on',
      params: EasyReadParamsSchema, body: CheckEasyReadSchema, response: { 200: EasyReadTextSchema, ...easyReadConflict },
    },
  }, async (request, reply) => {
    const checked = await easyRead.check(request.params.id, request.params.target, request.body.checkedBy,
      expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, checked.version)
    return checked
  })
}

export default brandRoutes
