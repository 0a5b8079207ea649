import type { FastifySchemaCompiler, RouteOptions } from 'fastify'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

/**
 * No type coercion anywhere: bodies are JSON and carry their types, and URL parts (params, query
 * string) are converted by `normaliseUrlPart` below, which accepts only canonical integers. Unknown
 * fields are rejected rather than stripped. See SECURITY.md §2.1.
 */
const ajv = addFormats(new Ajv({
  removeAdditional: false,
  useDefaults: true,
  coerceTypes: false,
  allErrors: false,
  strict: false,
  // Our schemas are TypeBox's output, never user input; checking each against the JSON Schema
  // meta-schema first meant compiling that meta-schema in the first request after every start (70 ms).
  validateSchema: false,
}))

/** A decimal integer as people write it: no sign, no leading zero, no spaces, no hex or exponent. */
const canonicalInteger = /^(0|[1-9][0-9]{0,15})$/

// A lone UTF-16 surrogate cannot be stored as UTF-8 and PostgreSQL's text refuses U+0000.
// eslint-disable-next-line no-control-regex
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const unstorableGlobal = new RegExp(unstorable.source, 'g')
/** A JSON pointer segment; an offending property name is shown with U+FFFD, so the answer and the log never carry it. */
const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1').replace(unstorableGlobal, '\uFFFD')

/** Deeper than any of our contracts nests (a plan file is six levels deep); also keeps the walk off the stack limit. */
const maxDepth = 64

export interface InputDefect { path: string, message: string }

/**
 * The first string (value or property name) that holds U+0000 or a lone surrogate, or nesting
 * deeper than `maxDepth`, with its JSON pointer. One rule for every part of every request, however
 * deep (plan files included).
 */
export function findInputDefect (value: unknown, path = '', depth = 0): InputDefect | null {
  if (typeof value === 'string') return unstorable.test(value) ? { path: path || '/', message: 'must not contain U+0000 or an unpaired surrogate' } : null
  if (!value || typeof value !== 'object') return null
  // An uploaded file (spreadsheet imports) is bytes, not text: its cells are checked when it is read.
  if (ArrayBuffer.isView(value)) return null
  if (depth >= maxDepth) return { path: path || '/', message: `must not be nested more than ${maxDepth} levels deep` }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInputDefect(value[i], `${path}/${i}`, depth + 1)
      if (found) return found
    }
    return null
  }
  for (const [key, item] of Object.entries(value)) {
    const itemPath = `${path}/${escapePointer(key)}`
    if (unstorable.test(key)) return { path: itemPath, message: 'must not contain U+0000 or an unpaired surrogate' }
    const found = findInputDefect(item, itemPath, depth + 1)
    if (found) return found
  }
  return null
}

type JsonSchema = { type?: string | string[], items?: JsonSchema, properties?: Record<string, JsonSchema> }

const isType = (schema: JsonSchema | undefined, type: string) =>
  schema?.type === type || (Array.isArray(schema?.type) && schema.type.includes(type))

function convertScalar (schema: JsonSchema | undefined, value: unknown) {
  if (typeof value !== 'string') return value
  if ((isType(schema, 'integer') || isType(schema, 'number')) && canonicalInteger.test(value)) return Number(value)
  if (isType(schema, 'boolean') && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

/**
 * URL parts arrive as strings. A value becomes a number only if it is written canonically (so
 * `0x10`, `+1`, `01`, `1e1` and ` 1` stay strings and fail the schema's integer type), and a single
 * `?status=x` becomes a one-element array where the schema wants an array.
 */
function normaliseUrlPart (schema: JsonSchema, data: unknown) {
  if (!data || typeof data !== 'object' || !schema.properties) return
  const record = data as Record<string, unknown>
  for (const [key, value] of Object.entries(record)) {
    const property = schema.properties[key]
    if (!property) continue
    if (isType(property, 'array')) {
      const items = Array.isArray(value) ? value : [value]
      record[key] = items.map((item) => convertScalar(property.items, item))
    } else {
      record[key] = convertScalar(property, value)
    }
  }
}

function defectIssue ({ path, message }: InputDefect): ErrorObject {
  return { instancePath: path === '/' ? '' : path, schemaPath: '#', keyword: 'input', params: {}, message }
}

/**
 * Compiles on the first request that needs it, not at start: some 300 route schemas compiled up front
 * cost about a second of every start-up, and most routes are not called soon after one.
 */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  let compiled: ValidateFunction | undefined
  const urlPart = httpPart === 'params' || httpPart === 'querystring'
  const checked = (data: unknown, context?: object): boolean => {
    const defect = findInputDefect(data)
    if (defect) {
      checked.errors = [defectIssue(defect)]
      return false
    }
    if (urlPart) normaliseUrlPart(schema as JsonSchema, data)
    const validate = compiled ??= ajv.compile(schema)
    const valid = (validate as (data: unknown, context?: object) => boolean)(data, context)
    checked.errors = validate.errors ?? null
    return valid
  }
  checked.errors = null as ErrorObject[] | null
  // Fastify passes the parent object (so Ajv may replace the root) only to functions that look like Ajv's.
  return Object.assign(checked, { schemaEnv: true })
}

const strictEmptyQuery = { type: 'object', properties: {}, additionalProperties: false }

/**
 * An `onRoute` hook: every API route without a query-string schema gets a strict empty one, so
 * `?foo=1` is refused there too and the OpenAPI document says that no parameters are taken.
 * Swagger UI's own routes and the web app's pages are left alone.
 */
export function refuseUnknownQuery (route: RouteOptions) {
  if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return
  const schema = (route.schema ??= {}) as { querystring?: unknown }
  schema.querystring ??= strictEmptyQuery
}
