import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

interface ValidationIssue { instancePath: string, message?: string, keyword: string, params: Record<string, unknown> }

/** Fastify's own codes mapped to ours, so clients never depend on framework internals. */
const frameworkCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
}

const statusCodesByGroup: Record<number, string> = {
  400: 'BAD_REQUEST', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 406: 'NOT_ACCEPTABLE',
  413: 'BODY_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'TOO_MANY_REQUESTS',
}

/** PostgreSQL errors that bad input can cause; anything else stays a 500 (SQLSTATE classes). */
const databaseInputErrors: Record<string, [number, string, string]> = {
  23505: [409, 'ALREADY_EXISTS', 'A record with these values already exists'],
  23503: [409, 'REFERENCE_CONFLICT', 'The record is referenced by, or refers to, a record that does not exist or is still in use'],
  23514: [400, 'CONSTRAINT_VIOLATION', 'The values break a rule of the data model'],
  '22P02': [400, 'INVALID_VALUE', 'A value has the wrong format'],
  22007: [400, 'INVALID_VALUE', 'A date has the wrong format'],
  22008: [400, 'INVALID_VALUE', 'A date is out of range'],
  22001: [400, 'INVALID_VALUE', 'A text is too long'],
}

const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '53300'])

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

function send (reply: FastifyReply, request: FastifyRequest, statusCode: number, code: string, message: string, extra: object = {}) {
  return reply.code(statusCode).type('application/json; charset=utf-8').send({
    statusCode, code, error: reasonPhrase(statusCode), message, requestId: request.id, ...extra,
  })
}

function reasonPhrase (statusCode: number) {
  const phrases: Record<number, string> = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    406: 'Not Acceptable', 409: 'Conflict', 412: 'Precondition Failed', 413: 'Payload Too Large',
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
  app.setErrorHandler((error: FastifyError & { details?: unknown, extra?: object }, request, reply) => {
    if (error.validation) {
      const issue = describeValidation(error.validation[0] as unknown as ValidationIssue)
      const part = error.validationContext ?? 'request'
      request.log.info({ code: 'VALIDATION_FAILED', part, path: issue.path }, 'request rejected')
      return send(reply, request, 400, 'VALIDATION_FAILED', `Invalid ${part}: ${issue.path} ${issue.reason}`, { details: [issue] })
    }

    const statusCode = error.statusCode ?? 500
    if (statusCode >= 400 && statusCode < 500) {
      const code = error.code && !error.code.startsWith('FST_') ? error.code : (frameworkCodes[error.code] ?? statusCodesByGroup[statusCode] ?? 'BAD_REQUEST')
      if ((statusCode === 429 || statusCode === 503) && !reply.hasHeader('retry-after')) reply.header('retry-after', '60')
      return send(reply, request, statusCode, code, error.message, error.extra ?? {})
    }

    // drizzle wraps driver errors (DrizzleQueryError); the SQLSTATE sits on the cause.
    const pgCode = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code
    const knownInput = pgCode ? databaseInputErrors[pgCode] : undefined
    if (knownInput) {
      request.log.info({ err: error }, 'database refused input')
      return send(reply, request, knownInput[0], knownInput[1], knownInput[2])
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

export { send as sendError }
