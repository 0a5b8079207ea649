import {
  Limits, roleRank, type IdentityProvider, type PublicIdentityProviderList, type PublicIdentityProviderQuery, type PutIdentityProvider, type Role,
} from '@eccar/shared'
import { eq } from 'drizzle-orm'
import type { Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { createSession, deleteSession, hashToken, newToken } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { cityIdentityProviders } from '../../db/schema/index.ts'
import { getCityAs, getCityBySlug } from '../cities/cities.service.ts'
import { findUserByEmail, maxFailures, recentFailures, recordAttempt } from '../session/session.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { updateVersioned } from '../common/versioned-write.queries.ts'
import { acceptCityInvitation, adminCount, findMembership, findOpenInvitationByEmail, insertMembership, listCityUsers } from '../users/users.service.ts'
import { issuerAllowed, loadOpenIdClient, ProviderUnavailableError, type ProviderClients } from './sso.client.ts'
import { IdentityProviderNotFoundError, IssuerInsecureError, SecretKeyMissingError, SsoRefusal } from './sso.errors.ts'
import {
  clearMembershipScope, deleteIdentityProvider, deletePendingLoginsOfCity, findIdentityProvider, insertIdentityProvider, insertPendingLogin,
  insertSsoAccount, listEnabledProviders, setMembershipRole, takePendingLogin,
  type IdentityProviderRow,
} from './sso.queries.ts'
import { encryptClientSecret } from './sso.secrets.ts'

/** How long a browser may take at the provider between start and callback. */
export const pendingLoginMs = 10 * 60_000

export interface SsoOptions {
  publicOrigin: string
  secretKey: string | undefined
  nodeEnv: string
  clients: ProviderClients
}

export const redirectUriOf = (publicOrigin: string, citySlug: string) => `${publicOrigin}/api/auth/oidc/${citySlug}/callback`

/** A path on this site to go to after signing in; anything else (other sites, `//host`, the API) is ignored. */
export function safeReturnTo (value: string | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith('/api/')) return null
  return value
}

/** The highest role the person's groups are mapped to, or null if no group is mapped. */
export function mappedRole (row: Pick<IdentityProviderRow, 'groupsClaim' | 'groupRoles'>, claims: Record<string, unknown>): Role | null {
  if (!row.groupsClaim || row.groupRoles.length === 0) return null
  const value = claims[row.groupsClaim]
  const groups = new Set((Array.isArray(value) ? value : [value]).filter((group): group is string => typeof group === 'string'))
  let best: Role | null = null
  for (const { group, role } of row.groupRoles) {
    if (groups.has(group) && (best === null || roleRank[role] > roleRank[best])) best = role
  }
  return best
}

export function toIdentityProvider (row: IdentityProviderRow, citySlug: string, publicOrigin: string): IdentityProvider {
  return {
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    hasClientSecret: row.clientSecretEncrypted !== null,
    emailClaim: row.emailClaim,
    groupsClaim: row.groupsClaim,
    groupRoles: row.groupRoles,
    allowSelfRegistration: row.allowSelfRegistration,
    enabled: row.enabled,
    redirectUri: redirectUriOf(publicOrigin, citySlug),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  }
}

export interface CallbackInput {
  citySlug: string
  /** The token of the browser's pending-sign-in cookie. */
  browserToken: string | undefined
  /** The query string the provider sent the browser back with, `?` included. */
  search: string
  query: { state?: string, error?: string }
  ip: string
  requestId: string
  previousSessionToken: string | null
}

export function createSsoService (db: Db, options: SsoOptions, now: () => Date = () => new Date()) {
  const { publicOrigin, clients } = options

  const administeredCity = (tx: Db, citySlug: string, actor: Actor) => getCityAs(tx, citySlug, actor, 'admin')

  /** An enabled provider of an existing city; anything else is "not configured" for the sign-in flow. */
  async function enabledProvider (citySlug: string) {
    const city = await getCityBySlug(db, citySlug).catch(() => null)
    const row = city ? await findIdentityProvider(db, city.id) : undefined
    if (!city || !row || !row.enabled) throw new SsoRefusal('SSO_NOT_CONFIGURED')
    return { city, row }
  }

  async function configurationOf (row: IdentityProviderRow) {
    try {
      return await clients.configuration(row)
    } catch (error) {
      if (error instanceof ProviderUnavailableError) throw new SsoRefusal('SSO_UNAVAILABLE', null, error.message)
      throw error
    }
  }

  /** One audit row and one failed attempt for a refused sign-in, then the refusal itself. */
  async function refuse (cityId: number, refusal: SsoRefusal, input: CallbackInput, email: string | null): Promise<never> {
    await db.transaction(async (tx) => {
      await recordAttempt(tx, email ?? '', input.ip, false, now())
      await recordAudit(tx, { kind: 'anonymous', requestId: input.requestId }, {
        cityId, action: 'sso.refuse', entityType: refusal.userId ? 'user' : 'city', entityId: refusal.userId ?? cityId, after: { reason: refusal.code },
      })
    })
    throw refusal
  }

  /** Matches the person to an account of the city, self-registers or changes the role as configured, and opens a session. */
  async function admit (cityId: number, row: IdentityProviderRow, email: string, claims: Record<string, unknown>, input: CallbackInput) {
    return db.transaction(async (tx) => {
      const anonymous: Actor = { kind: 'anonymous', requestId: input.requestId }
      let user = await findUserByEmail(tx, email)
      // A platform administrator acts in every city; one city's provider cannot vouch for that.
      if (user?.isPlatformAdmin) throw new SsoRefusal('SSO_PLATFORM_ADMIN', user.id)
      let membership = user ? await findMembership(tx, cityId, user.id) : undefined
      // The city invited this address and its provider vouches for it: the invitation is accepted here.
      const invitation = membership ? undefined : await findOpenInvitationByEmail(tx, cityId, email, now())
      if (invitation) {
        if (!user) user = await insertSsoAccount(tx, { email, displayName: invitation.displayName })
        await acceptCityInvitation(tx, invitation, user!.id, anonymous, 'sso')
        membership = await findMembership(tx, cityId, user!.id)
      }
      const groupRole = mappedRole(row, claims)
      if (!membership) {
        if (!row.allowSelfRegistration) throw new SsoRefusal('SSO_NOT_INVITED', user?.id ?? null)
        if (!user) {
          const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 300) : email.split('@')[0]!
          user = await insertSsoAccount(tx, { email, displayName: name })
        }
        await insertMembership(tx, { userId: user!.id, cityId, role: groupRole ?? 'viewer' })
        const after = (await listCityUsers(tx, cityId, user!.id))[0]
        await recordAudit(tx, anonymous, { cityId, action: 'membership.create', entityType: 'user', entityId: user!.id, after: { ...after, via: 'sso' } })
      } else if (groupRole && groupRole !== membership.role) {
        // The city's last admin is not demoted by a group change; someone must be able to fix the mapping.
        const lastAdmin = membership.role === 'admin' && await adminCount(tx, cityId) <= 1
        if (!lastAdmin) {
          const before = (await listCityUsers(tx, cityId, user!.id))[0]
          await setMembershipRole(tx, cityId, user!.id, groupRole)
          if (groupRole !== 'editor') await clearMembershipScope(tx, cityId, user!.id)
          const after = (await listCityUsers(tx, cityId, user!.id))[0]
          await recordAudit(tx, anonymous, { cityId, action: 'membership.update', entityType: 'user', entityId: user!.id, before, after: { ...after, via: 'sso' } })
        }
      }
      await recordAttempt(tx, email, input.ip, true, now())
      // A new session id at every sign-in: a token planted before sign-in is worthless after it.
      if (input.previousSessionToken) await deleteSession(tx, input.previousSessionToken)
      const { token } = await createSession(tx, user!.id, { authMethod: 'sso', ssoCityId: cityId })
      return { token, userId: user!.id }
    })
  }

  return {
    async get (citySlug: string, actor: Actor) {
      const city = await administeredCity(db, citySlug, actor)
      const row = await findIdentityProvider(db, city.id)
      if (!row) throw new IdentityProviderNotFoundError()
      return toIdentityProvider(row, city.slug, publicOrigin)
    },

    /** Creating the settings needs no version; changing stored ones is a versioned write like any other. */
    async put (citySlug: string, input: PutIdentityProvider, expected: number | undefined, actor: Actor) {
      return db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        if (!issuerAllowed(input.issuer, options.nodeEnv)) throw new IssuerInsecureError()
        if (input.clientSecret && !options.secretKey) throw new SecretKeyMissingError()
        const existing = await findIdentityProvider(tx, city.id, { lock: true })
        const present = (row: IdentityProviderRow) => toIdentityProvider(row, city.slug, publicOrigin)
        if (existing) {
          // The row is locked already; the helper adds the version checks in their usual order.
          await lockVersioned({ lock: async () => existing, notFound: () => new IdentityProviderNotFoundError(), check: () => undefined, expected, current: present })
        }
        else if (expected !== undefined) throw new IdentityProviderNotFoundError()
        const clientSecretEncrypted = input.clientSecret
          ? encryptClientSecret(options.secretKey!, city.id, input.clientSecret)
          : input.removeClientSecret ? null : existing?.clientSecretEncrypted ?? null
        const values = {
          displayName: input.displayName,
          issuer: input.issuer,
          clientId: input.clientId,
          clientSecretEncrypted,
          emailClaim: input.emailClaim ?? 'email',
          groupsClaim: input.groupsClaim ?? null,
          groupRoles: input.groupRoles ?? [],
          allowSelfRegistration: input.allowSelfRegistration ?? false,
          enabled: input.enabled ?? true,
          updatedAt: now(),
        }
        if (existing) await updateVersioned(tx, cityIdentityProviders, eq(cityIdentityProviders.cityId, city.id), existing.version, values)
        else await insertIdentityProvider(tx, { ...values, cityId: city.id })
        const row = await findIdentityProvider(tx, city.id)
        // Sign-ins begun with the old settings finish with the old settings nowhere.
        await deletePendingLoginsOfCity(tx, city.id)
        const after = present(row!)
        await recordAudit(tx, actor, {
          cityId: city.id, action: existing ? 'sso.provider.update' : 'sso.provider.create', entityType: 'identity-provider', entityId: city.id,
          before: existing ? present(existing) : null, after,
        })
        clients.forget(city.id)
        return { created: !existing, provider: after }
      })
    },

    async remove (citySlug: string, expected: number | undefined, actor: Actor) {
      await db.transaction(async (tx) => {
        const city = await administeredCity(tx, citySlug, actor)
        const existing = await lockVersioned({
          lock: () => findIdentityProvider(tx, city.id, { lock: true }),
          notFound: () => new IdentityProviderNotFoundError(),
          // administeredCity has checked the role; the settings have no state that forbids removing them.
          check: () => undefined,
          expected,
          current: (row) => toIdentityProvider(row, city.slug, publicOrigin),
        })
        await deleteIdentityProvider(tx, city.id)
        await deletePendingLoginsOfCity(tx, city.id)
        await recordAudit(tx, actor, {
          cityId: city.id, action: 'sso.provider.delete', entityType: 'identity-provider', entityId: city.id,
          before: toIdentityProvider(existing, city.slug, publicOrigin),
        })
        clients.forget(city.id)
      })
    },

    async listPublic (query: PublicIdentityProviderQuery): Promise<PublicIdentityProviderList> {
      const limit = query.limit ?? Limits.listPageDefault
      const offset = query.offset ?? 0
      const { rows, total } = await listEnabledProviders(db, { limit, offset })
      return { items: rows.map((row) => ({ ...row, startPath: `/api/auth/oidc/${row.citySlug}/start` })), total, limit, offset }
    },

    /** The provider's authorisation address, and the token for the browser's pending-sign-in cookie. */
    async start (citySlug: string, returnTo: string | undefined) {
      const { city, row } = await enabledProvider(citySlug)
      const configuration = await configurationOf(row)
      const client = await loadOpenIdClient()
      const codeVerifier = client.randomPKCECodeVerifier()
      const state = client.randomState()
      const nonce = client.randomNonce()
      const browserToken = newToken()
      const at = now()
      await insertPendingLogin(db, {
        id: hashToken(browserToken), cityId: city.id, state, nonce, codeVerifier,
        returnTo: safeReturnTo(returnTo) ?? `/${city.slug}/arbeitsbereich`, expiresAt: new Date(at.getTime() + pendingLoginMs),
      }, at)
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUriOf(publicOrigin, city.slug),
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      return { url: url.href, browserToken }
    },

    /** Finishes a sign-in: checks state, code, ID token and e-mail, then admits the person or refuses with a reason. */
    async callback (input: CallbackInput) {
      const { city, row } = await enabledProvider(input.citySlug)
      const failures = await recentFailures(db, '', input.ip, now())
      if (failures.byAddress.n >= maxFailures) throw new SsoRefusal('SSO_TOO_MANY_ATTEMPTS')
      const pending = input.browserToken ? await takePendingLogin(db, hashToken(input.browserToken), city.id, now()) : null
      if (!pending || input.query.state !== pending.state) return refuse(city.id, new SsoRefusal('SSO_STATE_INVALID'), input, null)
      if (input.query.error) return refuse(city.id, new SsoRefusal('SSO_PROVIDER_ERROR'), input, null)
      const configuration = await configurationOf(row)
      const client = await loadOpenIdClient()

      let claims: Record<string, unknown>
      try {
        const tokens = await client.authorizationCodeGrant(configuration, new URL(`${redirectUriOf(publicOrigin, city.slug)}${input.search}`), {
          pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
        })
        claims = { ...tokens.claims() }
        const wanted = [row.emailClaim, 'email_verified', ...(row.groupsClaim ? [row.groupsClaim] : [])]
        // Some providers put e-mail or groups only into userinfo; the ID token's own claims take precedence.
        if (wanted.some((claim) => claims[claim] === undefined)) {
          const info = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub))
          claims = { ...info, ...claims }
        }
      } catch {
        return refuse(city.id, new SsoRefusal('SSO_TOKEN_INVALID'), input, null)
      }

      const email = claims[row.emailClaim]
      if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
        return refuse(city.id, new SsoRefusal('SSO_EMAIL_MISSING'), input, null)
      }
      if (claims.email_verified !== true) return refuse(city.id, new SsoRefusal('SSO_EMAIL_UNVERIFIED'), input, email)
      try {
        const session = await admit(city.id, row, email, claims, input)
        return { ...session, cityId: city.id, returnTo: pending.returnTo }
      } catch (error) {
        if (error instanceof SsoRefusal) return refuse(city.id, error, input, email)
        throw error
      }
    },
  }
}

