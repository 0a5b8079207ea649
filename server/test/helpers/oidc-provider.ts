import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type AccountContext } from 'oidc-provider'

/** Claims the provider hands out for a person who signs in with this login name. */
export interface TestAccount {
  email?: string
  email_verified?: boolean
  name?: string
  groups?: string[]
}

export interface TestClient { clientId: string, clientSecret?: string, redirectUris: string[] }

export interface TestProvider {
  issuer: string
  /** People who can sign in, by login name: change them between tests. */
  accounts: Map<string, TestAccount>
  close: () => Promise<void>
}

async function formBody (req: IncomingMessage) {
  let body = ''
  for await (const chunk of req) body += chunk
  return new URLSearchParams(body)
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * A real OpenID Connect provider (oidc-provider) on a free loopback port, with a minimal sign-in
 * page: a form that asks for a login name, looked up in `accounts`. Consent is given automatically.
 */
export async function startTestProvider ({ clients }: { clients: TestClient[] }): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>()
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })

  const provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      ...(client.clientSecret ? { client_secret: client.clientSecret } : { token_endpoint_auth_method: 'none' }),
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, accountId: string) => {
      const account = accounts.get(accountId)
      if (!account) return undefined
      return { accountId, claims: () => ({ sub: accountId, ...account }) }
    },
    // First-party test client: no consent screen.
    loadExistingGrant: async (ctx: AccountContext) => {
      const { oidc } = ctx
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId)
      if (grantId) return oidc.provider.Grant.find(grantId)
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })
  const handle = provider.callback()

  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '')
    if (!match) return handle(req, res)
    void (async () => {
      try {
        if (req.method === 'POST' && match[2]) {
          const login = (await formBody(req)).get('login') ?? ''
          if (!accounts.has(login)) {
            res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown login')
            return
          }
          await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false })
          return
        }
        const details = await provider.interactionDetails(req, res)
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><title>Test provider</title></head>
<body><main><h1>Test provider sign-in</h1><form method="post" action="/interaction/${escapeHtml(details.uid)}/login">
<label for="login">Login</label><input id="login" name="login" autocomplete="username"><button type="submit">Sign in</button>
</form></main></body></html>`)
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
      }
    })()
  })

  return {
    issuer,
    accounts,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}

/**
 * Walks a browser's way through the provider over plain HTTP: follows its redirects with its
 * cookies, submits the sign-in form with the login name and returns the address the provider
 * sends the browser back to (our callback with code and state).
 */
export async function signInAtProvider (authorizationUrl: string, login: string, redirectPrefix: string) {
  const jar = new Map<string, string>()
  const remember = (res: Response) => {
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const at = pair!.indexOf('=')
      jar.set(pair!.slice(0, at), pair!.slice(at + 1))
    }
  }
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  let url = authorizationUrl
  let init: RequestInit = {}
  for (let step = 0; step < 10; step++) {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: cookieHeader() } })
    remember(res)
    init = {}
    const location = res.headers.get('location')
    if (location) {
      const next = new URL(location, url).href
      if (next.startsWith(redirectPrefix)) return next
      url = next
      continue
    }
    const html = await res.text()
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]
    if (!action) throw new Error(`the provider answered ${res.status} without a sign-in form: ${html.slice(0, 200)}`)
    url = new URL(action, url).href
    init = { method: 'POST', body: new URLSearchParams({ login }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
  }
  throw new Error('too many redirects at the provider')
}
