import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import type { GroupRole } from '@eccar/shared'
import { cities } from './plans.ts'

/**
 * A city's own OpenID Connect provider for single sign-on. The client secret is stored encrypted
 * with SECRET_KEY (AES-256-GCM, bound to the city), so a database dump alone does not reveal it.
 */
export const cityIdentityProviders = pgTable('city_identity_providers', {
  cityId: integer().primaryKey().references(() => cities.id, { onDelete: 'cascade' }),
  displayName: text().notNull(),
  issuer: text().notNull(),
  clientId: text().notNull(),
  clientSecretEncrypted: text(),
  emailClaim: text().notNull().default('email'),
  groupsClaim: text(),
  groupRoles: jsonb().$type<GroupRole[]>().notNull().default([]),
  allowSelfRegistration: boolean().notNull().default(false),
  enabled: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * Sign-ins on their way through the provider: state, nonce and PKCE verifier, found by the hash of
 * a random token in a short-lived HttpOnly cookie, so only the browser that started may finish.
 */
export const ssoLogins = pgTable('sso_logins', {
  id: text().primaryKey(),
  cityId: integer().notNull().references(() => cities.id, { onDelete: 'cascade' }),
  state: text().notNull(),
  nonce: text().notNull(),
  codeVerifier: text().notNull(),
  returnTo: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
}, (t) => [index().on(t.expiresAt)])
