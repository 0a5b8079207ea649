import * as contracts from '@eccar/shared'
import type { FastifySchema } from 'fastify'

/**
 * Named schemas for the OpenAPI document. Every TypeBox contract exported by `@eccar/shared` as
 * `XyzSchema` becomes `components.schemas.Xyz`, and the document refers to it by `$ref` wherever a
 * request body or response carries exactly that shape. Only the document changes: validation and
 * serialisation keep using the route schemas as they are.
 *
 * Shapes are matched by their JSON, not by object identity, because TypeBox copies a schema when it
 * is wrapped (`Type.Optional(MeasureSchema)` is a new object with the same JSON). Bare strings and
 * integers (ids, dates, texts) stay inline: they are constraints, not contracts, and naming them would
 * only add indirection to every field.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const schemaPath = '#/components/schemas/'
const scalarTypes = new Set(['string', 'integer', 'number', 'boolean', 'null'])

function isSchema (value: unknown): value is object {
  return typeof value === 'object' && value !== null && '~kind' in value
}

function isContract (schema: JsonObject) {
  return !(typeof schema.type === 'string' && scalarTypes.has(schema.type) && schema.enum === undefined)
}

/** The JSON of a schema with sorted keys, so two equal shapes give the same text whatever their key order. */
function shapeKey (value: Json): string {
  if (Array.isArray(value)) return `[${value.map(shapeKey).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${shapeKey(value[key]!)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Name and plain JSON of each shared contract; the first export wins when two have the same shape. */
function collectContracts () {
  const byName = new Map<string, JsonObject>()
  const nameByShape = new Map<string, string>()
  for (const [exportName, value] of Object.entries(contracts)) {
    if (!exportName.endsWith('Schema') || !isSchema(value)) continue
    const json = JSON.parse(JSON.stringify(value)) as JsonObject
    if (!isContract(json)) continue
    const name = exportName.slice(0, -'Schema'.length)
    byName.set(name, json)
    const key = shapeKey(json)
    if (!nameByShape.has(key)) nameByShape.set(key, name)
  }
  return { byName, nameByShape }
}

/** Computed on the first request for the document, not at start-up: walking every contract takes a third of a second. */
let contracts_: ReturnType<typeof collectContracts> | undefined
const contractIndex = () => (contracts_ ??= collectContracts())

/** Replaces every sub-schema that is a named contract with a `$ref`; `except` keeps a contract's own root inline. */
function refer (node: Json, except?: string): Json {
  if (Array.isArray(node)) return node.map((item) => refer(item))
  if (!node || typeof node !== 'object') return node
  const name = contractIndex().nameByShape.get(shapeKey(node))
  if (name && name !== except) {
    // A description next to `$ref` is ignored inside a schema, but Swagger reads it for a response's text.
    return typeof node.description === 'string' ? { $ref: schemaPath + name, description: node.description } : { $ref: schemaPath + name }
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, refer(value)]))
}

/** `components.schemas` of the document: each contract, with the contracts it contains as `$ref`s. */
export function namedSchemas (): Record<string, JsonObject> {
  return Object.fromEntries([...contractIndex().byName].map(([name, schema]) => [name, refer(schema, name) as JsonObject]))
}

/**
 * The route's schema as the document shows it: body and responses refer to named contracts.
 * Path, query and header parameters stay inline, because OpenAPI lists them one by one.
 */
export function withNamedSchemas (schema: FastifySchema): FastifySchema {
  // Routes without a schema (the web app's pages) have none at run time, whatever the type says.
  if (!schema) return schema
  const toJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json
  const responses = schema.response as Record<string, unknown> | undefined
  return {
    ...schema,
    ...(schema.body === undefined ? {} : { body: refer(toJson(schema.body)) }),
    ...(responses === undefined ? {} : {
      response: Object.fromEntries(Object.entries(responses).map(([status, response]) => [status, refer(toJson(response))])),
    }),
  }
}
