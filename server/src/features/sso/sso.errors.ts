import type { SsoErrorCode } from '@eccar/shared'
import { createError } from '../../plugins/errors.ts'

export const IdentityProviderNotFoundError = createError('IDENTITY_PROVIDER_NOT_FOUND', 'The city has no identity provider configured', 404)
export const IssuerInsecureError = createError(
  'IDENTITY_PROVIDER_ISSUER_INSECURE',
  'The issuer must use https; http is accepted only for a provider on this machine outside production',
  400,
)
export const SecretKeyMissingError = createError(
  'IDENTITY_PROVIDER_SECRET_KEY_MISSING',
  'Set SECRET_KEY on the server before storing a client secret, or use a public client without a secret',
  409,
)

/**
 * Why a sign-in through a provider was refused. It never reaches the browser as JSON: the callback
 * turns it into a redirect to the sign-in page with the code, which the web app explains.
 */
export class SsoRefusal extends Error {
  /** `detail` is for the operators' log only (e.g. why the provider could not be reached); never for the browser. */
  constructor (readonly code: SsoErrorCode, readonly userId: number | null = null, readonly detail?: string) {
    super(code)
  }
}
