import type { ErrorCode } from '@eccar/shared'
import createFastifyError from '@fastify/error'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { applySecurityHeaders } from './security-headers.ts'
import { refuseUnknownQuery } from './validation.ts'

/**
 * `@fastify/error`'s factory, limited to the codes in `errorCodes` (@eccar/shared): an error class with a
 * code the web app cannot explain does not compile. Every error class of the API is made with this one.
 */
export const createError = createFastifyError as <C extends ErrorCode, Arg extends unknown[] = [unknown?, unknown?, unknown?]>(
  code: C, message: string, statusCode?: number, Base?: ErrorConstructor, captureStackTrace?: boolean,
) => createFastifyError.FastifyErrorConstructor<{ code: C }, Arg>

/** An error class of its own (e.g. one that carries details) names its code with this type. */
export interface ApiErrorCode { readonly code: ErrorCode }

export const UnsupportedCharsetError = createError('UNSUPPORTED_MEDIA_TYPE', 'Bodies are JSON in UTF-8; the character set "%s" is not accepted', 415)

interface ValidationIssue { instancePath: string, message?: string, keyword: string, params: Record<string, unknown> }

/** Fastify's own codes mapped to ours, so clients never depend on framework internals. */
const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_BAD_URL: 'MALFORMED_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
}

/**
 * Our own words for framework errors whose message would echo the input back (Node's JSON parser
 * quotes the body it choked on) or name framework internals.
 */
const frameworkMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty although its content type is JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'This content type is not accepted; send JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The body is larger than this route accepts',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body',
  FST_ERR_BAD_URL: 'The URL is not valid: a percent-encoded part is not UTF-8',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the URL is longer than any identifier',
}

const statusCodesByGroup: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 406: 'NOT_ACCEPTABLE',
  413: 'BODY_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'TOO_MANY_REQUESTS',
}

/** PostgreSQL errors that bad input can cause; anything else stays a 500 (SQLSTATE classes). */
const databaseInputErrors: Record<string, [number, ErrorCode, string]> = {
  23505: [409, 'ALREADY_EXISTS', 'A record with these values already exists'],
  23503: [409, 'REFERENCE_CONFLICT', 'The record is referenced by, or refers to, a record that does not exist or is still in use'],
  23514: [400, 'CONSTRAINT_VIOLATION', 'The values break a rule of the data model'],
  '22P02': [400, 'INVALID_VALUE', 'A value has the wrong format'],
  22007: [400, 'INVALID_VALUE', 'A date has the wrong format'],
  22008: [400, 'INVALID_VALUE', 'A date is out of range'],
  22001: [400, 'INVALID_VALUE', 'A text is too long'],
}

const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '53300'])
/**
 * Transactions PostgreSQL ended to break a deadlock (or a serialization conflict): rolled back whole, so
 * nothing changed and the same request can simply be sent again. Two writers can meet this way when a
 * body is renamed while another transaction holds some of its measures (the list rows' triggers lock them).
 */
const retryCodes = new Set(['40P01', '40001'])

function describeValidation (issue: ValidationIssue) {
  if (issue.keyword === 'additionalProperties') {
    const name = String(issue.params.additionalProperty)
    return { path: `${issue.instancePath}/${name}`, reason: `unknown property "${name}"` }
  }
  if (issue.keyword === 'required') {
    const name = String(issue.params.missingProperty)
    return { path: `${issue.instancePath}/${name}`, reason: 'is required' }
  }
  return { path: issue.instancePath || '/', reason: issue.message ?? 'is invalid' }
}

function send (reply: FastifyReply, request: FastifyRequest, statusCode: number, code: ErrorCode, message: string, extra: object = {}) {
  return reply.code(statusCode).type('application/json; charset=utf-8').send({
    statusCode, code, error: reasonPhrase(statusCode), message, requestId: request.id, ...extra,
  })
}

function reasonPhrase (statusCode: number) {
  const phrases: Record<number, string> = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    406: 'Not Acceptable', 409: 'Conflict', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long',
    415: 'Unsupported Media Type', 428: 'Precondition Required', 429: 'Too Many Requests',
    500: 'Internal Server Error', 503: 'Service Unavailable',
  }
  return phrases[statusCode] ?? (statusCode >= 500 ? 'Internal Server Error' : 'Bad Request')
}

/**
 * One place shapes every error (fastify/demo's pattern). Client errors keep a stable `code`; server
 * errors say nothing internal and carry the request id that finds the full error in the log.
 */
export default fp(async function errorsPlugin (app: FastifyInstance) {
  // Registered before every route, so each one is covered (see validation.ts).
  app.addHook('onRoute', refuseUnknownQuery)

  app.setErrorHandler((error: FastifyError & { details?: unknown, extra?: object }, request, reply) => {
    if (error.validation) {
      const issue = describeValidation(error.validation[0] as unknown as ValidationIssue)
      const part = error.validationContext ?? 'request'
      request.log.info({ code: 'VALIDATION_FAILED', part, path: issue.path }, 'request rejected')
      return send(reply, request, 400, 'VALIDATION_FAILED', `Invalid ${part}: ${issue.path} ${issue.reason}`, { details: [issue] })
    }

    const statusCode = error.statusCode ?? 500
    if (statusCode >= 400 && statusCode < 500) {
      const framework = !error.code || error.code.startsWith('FST_')
      // Our own errors come from `createError` or implement `ApiErrorCode`, so their code is in the list.
      const code = framework ? (frameworkCodes[error.code] ?? statusCodesByGroup[statusCode] ?? 'BAD_REQUEST') : error.code as ErrorCode
      const message = (framework && frameworkMessages[error.code]) || error.message
      if ((statusCode === 429 || statusCode === 503) && !reply.hasHeader('retry-after')) reply.header('retry-after', '60')
      return send(reply, request, statusCode, code, message, error.extra ?? {})
    }

    // drizzle wraps driver errors (DrizzleQueryError); the SQLSTATE sits on the cause.
    const pgCode = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code
    const knownInput = pgCode ? databaseInputErrors[pgCode] : undefined
    if (knownInput) {
      // PostgreSQL's messages for these quote the refused value ('invalid input syntax … "x"'): the state and constraint suffice.
      const constraint = (error as { constraint?: string }).constraint ?? (error.cause as { constraint?: string } | undefined)?.constraint
      request.log.info({ code: knownInput[1], sqlState: pgCode, constraint }, 'database refused input')
      return send(reply, request, knownInput[0], knownInput[1], knownInput[2])
    }
    if (pgCode && retryCodes.has(pgCode)) {
      request.log.warn({ sqlState: pgCode }, 'write ended by the database to break a conflict')
      reply.header('retry-after', '1')
      return send(reply, request, 503, 'SERVICE_UNAVAILABLE', 'The change met another one at the same moment and was not made; please send it again')
    }
    if (pgCode && unavailableCodes.has(pgCode)) {
      request.log.error({ err: error }, 'database unavailable')
      reply.header('retry-after', '5')
      return send(reply, request, 503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable, please retry shortly')
    }

    request.log.error({ err: error }, 'unhandled error')
    return send(reply, request, 500, 'INTERNAL_ERROR', 'Internal Server Error')
  })
}, { name: 'errors' })

/**
 * Fastify's `frameworkErrors` option: a URL with malformed percent-encoding (or another error the
 * router raises before any route is found) gets our error shape and a request id, not the framework's.
 */
export function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const statusCode = error.statusCode && error.statusCode < 500 ? error.statusCode : 400
  request.log.info({ code: frameworkCodes[error.code] ?? 'BAD_REQUEST' }, 'request rejected')
  applySecurityHeaders(request, reply)
  return send(reply, request, statusCode, frameworkCodes[error.code] ?? 'BAD_REQUEST', frameworkMessages[error.code] ?? reasonPhrase(statusCode))
}

/**
 * Fields worth keeping to find a cause; everything else on an error object is dropped, notably the
 * query's parameters and PostgreSQL's `detail`, which repeats the values of a row ("Key (email)=(…)").
 */
const keptFields = ['code', 'statusCode', 'severity', 'table', 'column', 'constraint', 'routine', 'dataType', 'schema'] as const

interface LoggedError { type: string, message: string, stack: string, cause?: LoggedError, [field: string]: unknown }

/**
 * The `err` log serializer. drizzle's DrizzleQueryError writes every parameter into its message and
 * stack (`params: …`), which once put a password hash into the log; this keeps the SQL text (which
 * has placeholders, not values) and drops the parameters, whatever error carries them.
 */
function serializeError (error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '[not an Error]', stack: '' }
  const withParams = error as Error & { params?: unknown, query?: unknown }
  let message = error.message
  let stack = error.stack
  if (withParams.params !== undefined) {
    const leaked = `params: ${String(withParams.params)}`
    message = message.split(leaked).join('params: [redacted]')
    stack = stack?.split(leaked).join('params: [redacted]')
  }
  const logged: LoggedError = { type: error.constructor?.name ?? 'Error', message, stack: stack ?? '' }
  for (const field of keptFields) {
    const value = (error as unknown as Record<string, unknown>)[field]
    if (value !== undefined) logged[field] = value
  }
  if (typeof withParams.query === 'string') logged.query = withParams.query
  if (error.cause !== undefined && depth < 5) logged.cause = serializeError(error.cause, depth + 1)
  return logged
}

/**
 * Log serializers: a request is logged by method and path only, never its query string (search
 * terms, tokens in links) or body; errors through `serializeError`.
 */
export const logSerializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: request.url.split('?')[0],
    host: request.host,
    remoteAddress: request.ip,
  }),
  err: serializeError,
}

export { send as sendError }
