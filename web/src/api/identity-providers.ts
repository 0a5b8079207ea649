import type { PublicIdentityProviderList } from '@eccar/shared'
import { getJson } from './http'

/** Cities whose staff sign in with their own identity provider (for the sign-in page). */
export const listIdentityProviders = () => getJson<PublicIdentityProviderList>('/identity-providers')
