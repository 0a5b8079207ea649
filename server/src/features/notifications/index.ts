import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorSchema, CityParamsSchema, NotificationSettingsSchema, OutboxMailSchema, OutboxPageSchema, OutboxParamsSchema, OutboxQuerySchema,
  ReminderSettingsSchema, UnsubscribeBodySchema, UnsubscribeInfoSchema, UnsubscribeTokenParamsSchema, UpdateReminderSettingsSchema,
} from '@eccar/shared'
import { errorResponses, versionedWriteResponses, writeErrorResponses } from '../common/schemas.ts'
import { expectedVersion, setVersionTag } from '../common/versioning.ts'
import { createNotificationsService } from './notifications.service.ts'

const tags = ['notifications']

const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createNotificationsService(app.db, app.dataChanged, app.mail.origin)

  // RFC 8058: mail providers post `List-Unsubscribe=One-Click` as a form. Only these routes accept forms;
  // URLSearchParams reads it, and the body schema then allows nothing else.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })

  app.get('/me/notifications', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'Which mails I receive, and in which language', response: { 200: NotificationSettingsSchema, ...writeErrorResponses } },
  }, async (request) => service.mySettings(request.actor))

  app.put('/me/notifications', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Choose my mails: language, digest day, each kind on or off',
      body: NotificationSettingsSchema,
      response: { 200: NotificationSettingsSchema, ...writeErrorResponses },
    },
  }, async (request) => service.updateMySettings(request.body, request.actor))

  app.get('/unsubscribe/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'What an unsubscribe link from a mail stops',
      params: UnsubscribeTokenParamsSchema,
      response: { 200: UnsubscribeInfoSchema, ...errorResponses },
    },
  }, async (request) => service.unsubscribeInfo(request.params.token))

  app.post('/unsubscribe/:token', {
    // The token from the mail authenticates, and mail providers post without a session (RFC 8058).
    config: { access: 'public', csrf: false },
    schema: {
      tags,
      summary: 'Stop the kind of mail the link came with (one-click, RFC 8058)',
      description: 'Accepts `List-Unsubscribe=One-Click` as application/x-www-form-urlencoded, an empty body or `{}`.',
      params: UnsubscribeTokenParamsSchema,
      body: { ...UnsubscribeBodySchema, nullable: true },
      response: { 200: UnsubscribeInfoSchema, ...errorResponses, 413: ApiErrorSchema, 415: ApiErrorSchema },
    },
  }, async (request) => service.unsubscribe(request.params.token, request.actor))

  app.get('/cities/:city/outbox', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'The city\'s recorded mails, newest first (admins)',
      description: 'Without SMTP_URL mails are held here; with it, the record of what was sent when.',
      params: CityParamsSchema,
      querystring: OutboxQuerySchema,
      response: { 200: OutboxPageSchema, ...writeErrorResponses },
    },
  }, async (request) => service.outbox(request.params.city, request.query, request.actor))

  app.get('/cities/:city/outbox/:id', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'One recorded mail; its text only while it is held (admins)',
      params: OutboxParamsSchema,
      response: { 200: OutboxMailSchema, ...writeErrorResponses },
    },
  }, async (request) => service.outboxMail(request.params.city, request.params.id, request.actor))

  app.get('/cities/:city/reminder-settings', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'When the city\'s deadline reminders go out, in which time zone (admins)',
      params: CityParamsSchema,
      response: { 200: ReminderSettingsSchema, ...writeErrorResponses },
    },
  }, async (request, reply) => {
    const settings = await service.reminderSettings(request.params.city, request.actor)
    setVersionTag(reply, settings.version)
    return settings
  })

  app.put('/cities/:city/reminder-settings', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Change the reminder steps and the city\'s time zone (send the city\'s version)',
      params: CityParamsSchema,
      body: UpdateReminderSettingsSchema,
      response: { 200: ReminderSettingsSchema, ...versionedWriteResponses(ReminderSettingsSchema) },
    },
  }, async (request, reply) => {
    const settings = await service.updateReminderSettings(request.params.city, request.body, expectedVersion(request, request.body.version), request.actor)
    setVersionTag(reply, settings.version)
    return settings
  })
}

export default notificationRoutes
