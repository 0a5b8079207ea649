import type * as OpenIdClient from 'openid-client'
import { decryptClientSecret } from './sso.secrets.ts'
import type { IdentityProviderRow } from './sso.queries.ts'

/** openid-client (with jose) loads on the first single sign-on, not with the server: start-up need not wait for it. */
export const loadOpenIdClient = () => import('openid-client')

/** Outbound calls to a provider give up after this many seconds (SECURITY.md, API10). */
const timeoutSeconds = 5

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Whether an issuer address may be used. https always; plain http only for a provider on this
 * machine and only outside production (tests and local trials).
 */
export function issuerAllowed (issuer: string, nodeEnv: string) {
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    return false
  }
  if (url.username || url.password) return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && nodeEnv !== 'production' && loopbackHosts.has(url.hostname)
}

export class ProviderUnavailableError extends Error {}

/**
 * The provider's discovered configuration per city, kept until the city's settings change: the
 * stored version is part of the key, so a change made through another instance is noticed too.
 */
export function createProviderClients ({ secretKey, nodeEnv }: { secretKey: string | undefined, nodeEnv: string }) {
  const cache = new Map<number, { version: number, configuration: Promise<OpenIdClient.Configuration> }>()

  async function discover (row: IdentityProviderRow) {
    if (!issuerAllowed(row.issuer, nodeEnv)) throw new ProviderUnavailableError('issuer not allowed')
    const client = await loadOpenIdClient()
    let authentication: OpenIdClient.ClientAuth = client.None()
    if (row.clientSecretEncrypted) {
      const secret = secretKey ? decryptClientSecret(secretKey, row.cityId, row.clientSecretEncrypted) : null
      if (secret === null) throw new ProviderUnavailableError('client secret cannot be decrypted with SECRET_KEY')
      authentication = client.ClientSecretBasic(secret)
    }
    const insecure = new URL(row.issuer).protocol === 'http:'
    try {
      return await client.discovery(new URL(row.issuer), row.clientId, undefined, authentication, {
        timeout: timeoutSeconds,
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
    } catch (error) {
      throw new ProviderUnavailableError(`discovery failed: ${(error as Error).message}`)
    }
  }

  return {
    configuration (row: IdentityProviderRow) {
      const cached = cache.get(row.cityId)
      if (cached && cached.version === row.version) return cached.configuration
      const configuration = discover(row)
      // A failed discovery is not kept: the next sign-in tries again.
      configuration.catch(() => { if (cache.get(row.cityId)?.configuration === configuration) cache.delete(row.cityId) })
      cache.set(row.cityId, { version: row.version, configuration })
      return configuration
    },
    forget: (cityId: number) => { cache.delete(cityId) },
  }
}

export type ProviderClients = ReturnType<typeof createProviderClients>
