import fc from 'fast-check'

/**
 * Malformed requests for one OpenAPI operation, generated from its schemas with fast-check. Every
 * request carries at least one defect the API must refuse (the `defect`), so no request may ever
 * change data or answer 2xx; around it go random values of every type that make the input noisier.
 */

export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  additionalProperties?: boolean | JsonSchema
}

/**
 * The schema with every `$ref` to `#/components/schemas/…` replaced by the named schema, so cases are
 * generated from the whole shape. Our contracts are not recursive; the depth bound only guards against that.
 */
export function inlineRefs (schema: unknown, named: Record<string, unknown>, depth = 0): JsonSchema {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(item, named, depth)) as JsonSchema
  if (!schema || typeof schema !== 'object' || depth > 20) return schema as JsonSchema
  const ref = (schema as { $ref?: unknown }).$ref
  if (typeof ref === 'string') return inlineRefs(named[ref.replace('#/components/schemas/', '')], named, depth + 1)
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, inlineRefs(value, named, depth + 1)])) as JsonSchema
}

export interface Operation {
  method: string
  path: string
  pathParams: { name: string, schema: JsonSchema }[]
  queryParams: { name: string, schema: JsonSchema }[]
  body: JsonSchema | null
}

export interface FuzzRequest {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string
  defect: string
}

const nul = 'a\u0000b'
const loneSurrogate = 'x\uD800y'

/** Path values that no route may accept; the last one is not even valid percent-encoding. */
const badIds = ['0x10', '%2B1', '01', '1e1', '%201', '1%20', '-1', '0', 'abc', '1.5', '99999999999', '%00', 'NaN', '%ED%A0%80']
const badSlugs = ['Jena', 'j', '-jena', 'jena-', 'je--na', '%00', 'je%20na', 'x'.repeat(61), '%ED%A0%80', '..%2F..']
/** Noise for the path: valid-looking values that exist or not, and values past the router's limit. */
const noisyPathValues = ['1', '2', '3', '2147483647', 'jena', 'weimar', 'x'.repeat(300)]

const huge = (n: number) => fc.constant('ä'.repeat(n))
/** Arrays nested far deeper than any contract (api-basics.test.ts sends 100,000 levels, past the stack limit). */
const deep = JSON.parse(`${'['.repeat(1000)}${']'.repeat(1000)}`) as unknown

/** Any JSON value, biased to the edges of strings and numbers. */
const oddScalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom('', nul, loneSurrogate, '\uDC00', ' ', '\n', '0x10', '1e999', 'null', 'true', '<script>', '../../etc/passwd'),
  fc.integer(),
  fc.constantFrom(-1, 0, 2_147_483_648, Number.MAX_SAFE_INTEGER, 1e308, -0.5, 3.14),
  fc.boolean(),
  fc.constant(null),
  huge(20_000),
  fc.constant(deep),
)

/** Values near a schema: often the right type, often not, sometimes far too large. */
export function nearSchema (schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return oddScalar
  const union = schema.anyOf ?? schema.oneOf
  if (union?.length) return fc.oneof(...union.map((member) => nearSchema(member, depth + 1)), oddScalar)
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), oddScalar)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string': return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('2024-01-01', '2024-02-30', 'https://example.org', 'a@b.c'), oddScalar)
    case 'integer':
    case 'number': return fc.oneof(fc.integer({ min: -5, max: 200 }), oddScalar)
    case 'boolean': return fc.oneof(fc.boolean(), oddScalar)
    case 'array': return fc.oneof(fc.array(nearSchema(schema.items, depth + 1), { maxLength: 4 }), oddScalar)
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, nearSchema(value, depth + 1)]))
      return fc.oneof({ weight: 4, arbitrary: fc.record(properties, { requiredKeys: [] }) }, { weight: 1, arbitrary: oddScalar })
    }
    default: return fc.oneof(oddScalar, fc.array(oddScalar, { maxLength: 3 }))
  }
}

/** Puts `text` into the first string of the value (or adds it), so the defect sits where a real field is. */
function plant (value: unknown, text: string, fallbackKey: string): unknown {
  let planted = false
  const visit = (node: unknown): unknown => {
    if (planted) return node
    if (typeof node === 'string') { planted = true; return text }
    if (Array.isArray(node)) return node.map(visit)
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, visit(item)]))
    return node
  }
  const result = visit(value)
  if (planted) return result
  if (result && typeof result === 'object' && !Array.isArray(result)) return { ...result, [fallbackKey]: text }
  if (Array.isArray(result)) return [...result, text]
  return text
}

const encode = (value: string) => {
  try {
    return encodeURIComponent(value)
  } catch {
    return '%ED%A0%80'
  }
}

function noisyQueryValue (schema: JsonSchema) {
  return fc.oneof(
    nearSchema(schema).map((value) => encode(typeof value === 'string' ? value : JSON.stringify(value) ?? '')),
    fc.constantFrom('0x10', '%2B1', '01', '', '%00', 'a'.repeat(3000), '1&limit=2', '%ED%A0%80'),
  )
}

type Defect = 'bad-path' | 'unknown-query' | 'bad-query' | 'nul-body' | 'surrogate-body' | 'unknown-field' | 'bad-json' | 'empty-json' | 'wrong-content-type'

function defectsOf (operation: Operation): Defect[] {
  const defects: Defect[] = ['unknown-query']
  if (operation.pathParams.length) defects.push('bad-path')
  if (operation.queryParams.length) defects.push('bad-query')
  if (operation.body) {
    defects.push('nul-body', 'surrogate-body', 'bad-json', 'empty-json', 'wrong-content-type')
    if (operation.body.type === 'object' && operation.body.additionalProperties === false) defects.push('unknown-field')
  }
  return defects
}

/** The arbitrary of malformed requests for one operation, with the session headers of the actor. */
export function malformedRequests (operation: Operation, validPath: (name: string, schema: JsonSchema) => string, auth: Record<string, string>) {
  const pathValues = fc.tuple(...operation.pathParams.map(({ name, schema }) => fc.oneof(
    { weight: 3, arbitrary: fc.constant(validPath(name, schema)) },
    { weight: 1, arbitrary: fc.constantFrom(...noisyPathValues) },
  )))
  const badPath = fc.record({
    index: fc.nat({ max: Math.max(0, operation.pathParams.length - 1) }),
    value: fc.constantFrom(...badIds, ...badSlugs),
  })
  const query = fc.array(fc.oneof(...(operation.queryParams.length
    ? operation.queryParams.map(({ name, schema }) => noisyQueryValue(schema).map((value) => `${name}=${value}`))
    : [fc.constant('limit=1')])), { maxLength: 3 })
  const badQueryName = fc.constantFrom(...(operation.queryParams.length ? operation.queryParams.map((param) => param.name) : ['q']))
  const body = operation.body ? nearSchema(operation.body) : fc.constant(undefined)
  const contentType = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=latin1')
  const ifMatch = fc.option(fc.constantFrom('"1"', '"2"', 'garbage', '*', 'W/"1"', '"99999999999"'), { nil: undefined })

  return fc.record({ defect: fc.constantFrom(...defectsOf(operation)), pathValues, badPath, query, badQueryName, body, contentType, ifMatch })
    .map(({ defect, pathValues: values, badPath: bad, query: noise, badQueryName: queryName, body: value, contentType: type, ifMatch: version }) => {
      const segments = [...values]
      if (defect === 'bad-path') segments[bad.index] = bad.value
      let i = 0
      const path = operation.path.replace(/\{[^}]+\}/g, () => segments[i++] ?? '1')
      const queryParts = [...noise]
      if (defect === 'unknown-query') queryParts.push('zz_unknown=1')
      if (defect === 'bad-query') queryParts.push(`${queryName}=%00`)
      const url = queryParts.length ? `${path}?${queryParts.join('&')}` : path
      const headers: Record<string, string> = { ...auth, ...(version ? { 'if-match': version } : {}) }
      if (!operation.body) return { method: operation.method, url, headers, defect } satisfies FuzzRequest
      let payload: string
      headers['content-type'] = 'application/json'
      switch (defect) {
        case 'nul-body': payload = JSON.stringify(plant(value, nul, 'name')); break
        case 'surrogate-body': payload = JSON.stringify(plant(value, loneSurrogate, 'name')); break
        case 'unknown-field': payload = JSON.stringify({ ...(value && typeof value === 'object' && !Array.isArray(value) ? value : {}), zz_unknown: 1 }); break
        case 'bad-json': payload = `${JSON.stringify(value) ?? ''}`.slice(0, -1) + '{'; break
        case 'empty-json': payload = ''; break
        case 'wrong-content-type': headers['content-type'] = type; payload = JSON.stringify(value) ?? ''; break
        default: payload = JSON.stringify(value) ?? ''
      }
      return { method: operation.method, url, headers, payload, defect } satisfies FuzzRequest
    })
}
