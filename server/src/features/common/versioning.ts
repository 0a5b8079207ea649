import { createError, type ApiErrorCode } from '../../plugins/errors.ts'
import type { FastifyReply, FastifyRequest } from 'fastify'

export const VersionRequiredError = createError(
  'VERSION_REQUIRED',
  'Send the version you edited, as an If-Match header or a "version" field, so concurrent edits cannot be lost',
  428,
)

/** 412 with the record as it is now, so the client can show what the other person changed. */
export class VersionConflictError extends Error implements ApiErrorCode {
  readonly statusCode = 412
  readonly code = 'VERSION_CONFLICT'
  readonly extra: { current: unknown }
  constructor (current: unknown) {
    super('The record was changed by someone else since you read it')
    this.extra = { current }
  }
}

export const VersionMismatchError = createError(
  'VERSION_MISMATCH',
  'The If-Match header and the "version" field name different versions',
  400,
)

export const InvalidPreconditionError = createError(
  'INVALID_PRECONDITION',
  'If-Match must be one strong entity tag, e.g. "3"',
  400,
)

/** No stored version is 0, so a weak tag compares as a mismatch and the client gets 412 with the current state. */
const neverMatches = 0

/**
 * The version a write was based on: a strong `If-Match: "3"` header or a `version` field; undefined
 * when the request names none. Whether one is required is decided after the record is found and
 * the caller authorised (`lockVersioned`), so a missing record is 404 before a missing version is 428.
 * Weak validators never match If-Match (RFC 9110 §13.1.1).
 */
export function expectedVersion (request: FastifyRequest, bodyVersion?: number): number | undefined {
  const header = request.headers['if-match']
  if (typeof header === 'string' && header.length > 0) {
    const value = header.trim()
    if (/^W\/"\d{1,10}"$/.test(value)) return neverMatches
    const match = /^"(\d{1,10})"$/.exec(value)
    if (!match) throw new InvalidPreconditionError()
    const version = Number(match[1])
    if (bodyVersion !== undefined && bodyVersion !== version) throw new VersionMismatchError()
    return version
  }
  return bodyVersion
}

export function setVersionTag (reply: FastifyReply, version: number) {
  reply.header('etag', `"${version}"`)
}
