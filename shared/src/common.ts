import { Type, type Static, type TSchema } from 'typebox'
import { Limits } from './limits.ts'

export const IdSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Numeric identifier' })
export const IdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false })

export const DateSchema = Type.String({ format: 'date', description: 'Calendar date, YYYY-MM-DD' })
export const DateTimeSchema = Type.String({ format: 'date-time', description: 'UTC timestamp, ISO 8601' })

export const ShortTextSchema = Type.String({ minLength: 1, maxLength: Limits.shortText })
export const LongTextSchema = Type.String({ maxLength: Limits.longText })
export const CodeSchema = Type.String({
  minLength: 1,
  maxLength: Limits.code,
  pattern: '^[0-9A-Za-z][0-9A-Za-z._-]*$',
  description: 'Stable measure code within its plan, e.g. `3.2`',
})
export const SlugSchema = Type.String({
  minLength: 2,
  maxLength: Limits.slug,
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  description: 'URL-safe city identifier, e.g. `jena`',
})
export const CommitmentNumberSchema = Type.Integer({ minimum: 1, maximum: 10, description: 'ECCAR commitment 1–10' })
export const ProgressSchema = Type.Integer({ minimum: 0, maximum: 100, description: 'Progress in percent' })
export const VersionSchema = Type.Integer({ minimum: 1, description: 'Row version for optimistic concurrency' })
export const HttpsUrlSchema = Type.String({ maxLength: Limits.url, pattern: '^https://[^\\s]+$', description: 'An https link' })

/** `T | null`, the shape of an optional column that is always present in responses. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const ApiErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String({ description: 'Stable machine-readable code, e.g. `MEASURE_NOT_FOUND`' }),
  error: Type.String({ description: 'HTTP reason phrase' }),
  message: Type.String({ description: 'Human-readable explanation (English)' }),
  requestId: Type.Optional(Type.String({ description: 'Quote this when reporting a server error' })),
  details: Type.Optional(Type.Array(Type.Object({
    path: Type.String({ description: 'JSON pointer to the offending value, e.g. `/measures/3/code`' }),
    reason: Type.String(),
  }))),
}, { title: 'ApiError', description: 'Every 4xx and 5xx answer has this shape.' })
export type ApiError = Static<typeof ApiErrorSchema>

/** Why a new password was refused (`PASSWORD_REJECTED`, in `details[0].reason`); the web app words each one. */
export const passwordRejections = ['too-short', 'too-long', 'published', 'common', 'personal'] as const
export type PasswordRejection = typeof passwordRejections[number]

export const PageQuerySchema = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.listPageMax, default: Limits.listPageDefault })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
}
