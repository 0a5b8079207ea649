import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

type Encoding = 'br' | 'gzip'

// Below about one packet, compressing saves no round trip and costs CPU.
const minimumBytes = 1024
const compressible = /^(?:application\/json|text\/html)\b/
// Memoised encodings of recent bodies: most public answers are the same serialised text again and again
// (the read cache hands out one string), so each is compressed once, within a bound on memory.
const memoBytesMax = 16 * 1024 * 1024

export function preferredEncoding (acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean)
    accepted.set(name!.trim(), q ? Number(q[1]) : 1)
  }
  const weight = (name: Encoding) => accepted.get(name) ?? (accepted.has('*') ? accepted.get('*')! : 0)
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br'
  if (weight('gzip') > 0) return 'gzip'
  return null
}

class CompressionMemo {
  readonly #entries = new Map<string, Buffer>()
  #bytes = 0

  get (key: string, compute: () => Buffer): Buffer {
    const hit = this.#entries.get(key)
    if (hit) return hit
    const value = compute()
    this.#entries.set(key, value)
    this.#bytes += key.length + value.length
    for (const [oldest, buffer] of this.#entries) {
      if (this.#bytes <= memoBytesMax) break
      this.#entries.delete(oldest)
      this.#bytes -= oldest.length + buffer.length
    }
    return value
  }
}

/**
 * Compresses the public's JSON and pages (brotli or gzip, as the browser accepts): a plan's detail
 * is 39 KB as text and 14 KB compressed, which on slow mobile data is the larger part of its wait.
 * Static files are compressed at build time instead (web/build/precompress.ts).
 *
 * Only anonymous answers: they hold no secret, so an attacker who reflects input into a compressed
 * answer and watches its length (BREACH) has nothing to learn. A signed-in person's answers carry the
 * anti-forgery token and stay as they are.
 */
export default fp(async function compression (app: FastifyInstance) {
  const memo = { br: new CompressionMemo(), gzip: new CompressionMemo() }

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.actor?.kind !== 'anonymous') return payload
    if (typeof payload !== 'string' || Buffer.byteLength(payload) < minimumBytes) return payload
    if (reply.hasHeader('content-encoding') || !compressible.test(String(reply.getHeader('content-type') ?? ''))) return payload
    const vary = reply.getHeader('vary')
    reply.header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding')
    const encoding = preferredEncoding(request.headers['accept-encoding'])
    if (!encoding) return payload
    const body = memo[encoding].get(payload, () => encoding === 'br'
      ? brotliCompressSync(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      : gzipSync(payload, { level: 6 }))
    reply.header('content-encoding', encoding)
    reply.removeHeader('content-length')
    return body
  })
}, { name: 'compression', dependencies: ['auth'] })
