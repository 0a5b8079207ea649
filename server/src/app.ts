import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { BodyLimits } from '@eccar/shared'
import Fastify, { type FastifyServerOptions } from 'fastify'
import { allowDemoPasswords } from './auth/passwords.ts'
import type { Config } from './config.ts'
import type { Db } from './db/client.ts'
import attention from './features/attention/index.ts'
import audit from './features/audit/index.ts'
import brand from './features/brand/index.ts'
import embeds from './features/brand/embed.routes.ts'
import cities from './features/cities/index.ts'
import commitments from './features/commitments/index.ts'
import incidents from './features/incidents/index.ts'
import indicators from './features/indicators/index.ts'
import measures from './features/measures/index.ts'
import mail from './features/notifications/mail.plugin.ts'
import notifications from './features/notifications/index.ts'
import openData from './features/open-data/index.ts'
import organisations from './features/organisations/index.ts'
import planFiles from './features/plan-files/index.ts'
import successorPlans from './features/successor-plans/index.ts'
import plans from './features/plans/index.ts'
import reporting from './features/reporting/index.ts'
import session from './features/session/index.ts'
import sso from './features/sso/index.ts'
import spreadsheets from './features/spreadsheets/index.ts'
import setup from './features/setup/index.ts'
import steering from './features/steering/index.ts'
import users from './features/users/index.ts'
import secondFactor from './features/second-factor/index.ts'
import system from './features/system/index.ts'
import auth from './plugins/auth.ts'
import compression from './plugins/compression.ts'
import configPlugin from './plugins/config.ts'
import errors, { frameworkErrors, logSerializers, UnsupportedCharsetError } from './plugins/errors.ts'
import { lazySerializers } from './plugins/lazy-serializer.ts'
import readCache from './plugins/read-cache.ts'
import securityHeaders from './plugins/security-headers.ts'
import swagger from './plugins/swagger.ts'
import { validatorCompiler } from './plugins/validation.ts'
import web from './plugins/web.ts'

export interface BuildAppOptions {
  config: Config
  db: Db
  /** `false` silences the log; tests pass a stream to read it. Production logs JSON to stdout. */
  logger?: false | { stream: NonNullable<FastifyServerOptions['logger'] & object>['stream'] }
}

/** Builds the whole application without listening: the server and every test call this same function. */
export async function buildApp ({ config, db, logger }: BuildAppOptions) {
  const app = Fastify({
    logger: logger === false ? false : {
      level: config.LOG_LEVEL,
      // Headers are not logged by default; should anyone add them, credentials stay out.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      // Requests by method and path only (no query string, no body); database errors without their parameters.
      serializers: logSerializers,
      ...(logger?.stream ? { stream: logger.stream } : {}),
    },
    bodyLimit: BodyLimits.json,
    // Nothing times out by default in Fastify; a slow client must not hold a connection forever.
    requestTimeout: 30_000,
    // Client-sent request ids are not trusted: ours must find exactly one log line.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 200 },
    // Malformed percent-encoding in the URL is answered in our error shape, with a request id.
    frameworkErrors,
    trustProxy: config.TRUST_PROXY ?? false,
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  allowDemoPasswords(config.DEMO_DATA)
  // A cross-site <form enctype="text/plain"> needs no preflight; without this parser it gets 415.
  app.removeContentTypeParser('text/plain')
  // JSON is UTF-8 (RFC 8259); a body declared in another character set would be read wrongly, so it is refused.
  app.addHook('onRequest', async (request) => {
    const charset = /;\s*charset="?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]
    if (charset && charset.toLowerCase() !== 'utf-8') throw new UnsupportedCharsetError(charset)
  })
  app.setValidatorCompiler(validatorCompiler)

  await app.register(configPlugin, { config, db })
  await app.register(errors)
  await app.register(securityHeaders)
  await app.register(auth)
  await app.register(compression)
  await app.register(readCache)
  await app.register(swagger)
  await app.register(mail)

  await app.register(async (api) => {
    await api.register(system)
    await api.register(session)
    await api.register(secondFactor)
    await api.register(setup)
    await api.register(users)
    await api.register(commitments)
    await api.register(cities)
    await api.register(plans)
    await api.register(measures)
    await api.register(organisations)
    await api.register(planFiles)
    await api.register(steering)
    await api.register(attention)
    await api.register(audit)
    await api.register(indicators)
    await api.register(reporting)
    await api.register(successorPlans)
    await api.register(incidents)
    await api.register(sso)
    await api.register(notifications)
    await api.register(openData)
    await api.register(spreadsheets)
    await api.register(brand)
  }, { prefix: '/api' })

  await app.register(embeds)

  await app.register(web)
  return app
}
