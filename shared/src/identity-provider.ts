import { Type, type Static } from 'typebox'
import { DateTimeSchema, Nullable, PageQuerySchema, ShortTextSchema, SlugSchema, VersionSchema } from './common.ts'
import { IdentityProviderLimits } from './limits.ts'
import { RoleSchema } from './vocabulary-schemas.ts'

const ClaimNameSchema = Type.String({ minLength: 1, maxLength: IdentityProviderLimits.claim, pattern: '^\\S+$', description: 'Name of a claim in the ID token or userinfo, e.g. `email`, `groups`' })

export const GroupRoleSchema = Type.Object({
  group: Type.String({ minLength: 1, maxLength: IdentityProviderLimits.group, description: 'A value of the groups claim, e.g. `aktionsplan-redaktion`' }),
  role: RoleSchema,
}, { additionalProperties: false, title: 'GroupRole' })
export type GroupRole = Static<typeof GroupRoleSchema>

const settings = {
  displayName: Type.String({ ...ShortTextSchema, maxLength: 100, description: 'Shown on the sign-in button, e.g. `Stadtverwaltung Jena`' }),
  issuer: Type.String({ minLength: 1, maxLength: IdentityProviderLimits.url, pattern: '^https?://[^\\s?#]+$', description: 'Issuer URL; https (http only for a provider on this machine outside production)' }),
  clientId: Type.String({ minLength: 1, maxLength: IdentityProviderLimits.clientId }),
  emailClaim: ClaimNameSchema,
  groupsClaim: Nullable(ClaimNameSchema),
  groupRoles: Type.Array(GroupRoleSchema, { maxItems: IdentityProviderLimits.groupRoles, description: 'Role for members of a group; the highest matching role wins' }),
  allowSelfRegistration: Type.Boolean({ description: 'People the city has not invited may sign in and become viewers' }),
  enabled: Type.Boolean(),
}

export const IdentityProviderSchema = Type.Object({
  ...settings,
  hasClientSecret: Type.Boolean({ description: 'The secret itself is never returned' }),
  redirectUri: Type.String({ description: 'Register this address as redirect URI at the provider' }),
  version: VersionSchema,
  updatedAt: DateTimeSchema,
}, { title: 'IdentityProvider' })
export type IdentityProvider = Static<typeof IdentityProviderSchema>

export const PutIdentityProviderSchema = Type.Object({
  displayName: settings.displayName,
  issuer: settings.issuer,
  clientId: settings.clientId,
  clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: IdentityProviderLimits.clientSecret, description: 'Omit to keep the stored secret' })),
  removeClientSecret: Type.Optional(Type.Boolean({ description: 'Forget the stored secret (a public client with PKCE only)' })),
  emailClaim: Type.Optional(settings.emailClaim),
  groupsClaim: Type.Optional(settings.groupsClaim),
  groupRoles: Type.Optional(settings.groupRoles),
  allowSelfRegistration: Type.Optional(settings.allowSelfRegistration),
  enabled: Type.Optional(settings.enabled),
  version: Type.Optional(VersionSchema),
}, { additionalProperties: false, title: 'PutIdentityProvider', description: 'Creates the settings (no version) or replaces them (version of the stored settings).' })
export type PutIdentityProvider = Static<typeof PutIdentityProviderSchema>

export const PublicIdentityProviderSchema = Type.Object({
  citySlug: SlugSchema,
  cityName: Type.String(),
  displayName: Type.String(),
  startPath: Type.String({ description: 'Send the browser here (add ?returnTo=/path) to sign in' }),
}, { title: 'PublicIdentityProvider' })
export type PublicIdentityProvider = Static<typeof PublicIdentityProviderSchema>

export const PublicIdentityProviderListSchema = Type.Object({
  items: Type.Array(PublicIdentityProviderSchema, { description: 'By city name' }),
  total: Type.Integer({ minimum: 0, description: 'All cities offering single sign-on' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
}, { title: 'PublicIdentityProviderList' })
export type PublicIdentityProviderList = Static<typeof PublicIdentityProviderListSchema>

export const PublicIdentityProviderQuerySchema = Type.Object({ ...PageQuerySchema }, { additionalProperties: false, title: 'PublicIdentityProviderQuery' })
export type PublicIdentityProviderQuery = Static<typeof PublicIdentityProviderQuerySchema>

export const SsoStartQuerySchema = Type.Object({
  returnTo: Type.Optional(Type.String({ maxLength: 500, description: 'Where to go after signing in: a path on this site' })),
}, { additionalProperties: false })

export const SsoCallbackQuerySchema = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 2000 })),
  state: Type.Optional(Type.String({ maxLength: 500 })),
  iss: Type.Optional(Type.String({ maxLength: 500 })),
  error: Type.Optional(Type.String({ maxLength: 200 })),
  error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  session_state: Type.Optional(Type.String({ maxLength: 500 })),
})
