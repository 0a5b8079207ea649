import type { IdentityProvider, PutIdentityProvider } from '@eccar/shared'
import { getJson, sendJson } from '@/api/http'

const path = (citySlug: string) => `/cities/${encodeURIComponent(citySlug)}/identity-provider`

export const getIdentityProvider = (citySlug: string) => getJson<IdentityProvider>(path(citySlug))
/** Creates the settings (no version) or replaces them (the version read). */
export const putIdentityProvider = (citySlug: string, body: PutIdentityProvider, version: number | null) =>
  sendJson<IdentityProvider>('PUT', path(citySlug), body, version === null ? {} : { ifMatch: version })
