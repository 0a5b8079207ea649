import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'

const buildDefault = SerializerSelector()

/**
 * Fastify's own response serializers (fast-json-stringify), each compiled on the first answer that
 * needs it instead of for every route and status at start-up, where they cost about a second.
 */
export const lazySerializers: typeof buildDefault = (externalSchemas, options) => {
  const compile = buildDefault(externalSchemas, options)
  return (route) => {
    let serialize: ReturnType<typeof compile> | undefined
    return (doc) => (serialize ??= compile(route))(doc)
  }
}
