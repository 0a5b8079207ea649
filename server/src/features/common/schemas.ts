import { ApiErrorSchema } from '@eccar/shared'
import { Type } from 'typebox'

/** Error responses every route may give, for the OpenAPI document and the serializer. */
export const errorResponses = {
  400: ApiErrorSchema,
  404: ApiErrorSchema,
}

/** A read for signed-in people: 401 without a session, 403 with too small a role. */
export const signedInErrorResponses = {
  ...errorResponses,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
}

export const writeErrorResponses = {
  ...signedInErrorResponses,
  409: ApiErrorSchema,
  413: ApiErrorSchema,
  415: ApiErrorSchema,
}

/** A 412 carries the record as it is now, next to the usual error fields. */
export const conflictResponse = <T extends ReturnType<typeof Type.Object>>(current: T) => Type.Object({
  ...ApiErrorSchema.properties,
  current: Type.Union([current, Type.Null()], { description: "The record as it is now" }),
})

export const versionedWriteResponses = <T extends ReturnType<typeof Type.Object>>(current: T) => ({
  ...writeErrorResponses,
  412: conflictResponse(current),
  428: ApiErrorSchema,
})

export const NoContentSchema = Type.Null({ description: 'No content' })
