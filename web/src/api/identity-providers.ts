import type { PublicIdentityProviderList } from '@eccar/shared'
import { getJson } from './http'

/** One page of the cities whose staff sign in with their own identity provider (for the sign-in page). */
export const listIdentityProviders = (page: { limit: number, offset: number }) => getJson<PublicIdentityProviderList>('/identity-providers', page)
