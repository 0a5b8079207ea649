import type { FastifySchemaCompiler } from 'fastify'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

/**
 * Two validators instead of Fastify's one: bodies are checked strictly (no type coercion, unknown
 * fields rejected rather than stripped), while query strings and params coerce "5" to 5 and a
 * single `?status=x` to an array, as URLs demand. See SECURITY.md §2.1.
 */
function createAjv (coerceTypes: false | 'array') {
  return addFormats(new Ajv({
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    allErrors: false,
    strict: false,
  }))
}

const bodyAjv = createAjv(false)
const urlAjv = createAjv('array')

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : urlAjv).compile(schema)
