import { bigint, boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { roles } from '@eccar/shared'
import { organisations } from './organisations.ts'
import { cities } from './plans.ts'

export const roleEnum = pgEnum('role', roles)

export const users = pgTable('users', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  email: text().notNull(),
  displayName: text().notNull(),
  // Null until an invitation is accepted.
  passwordHash: text(),
  isPlatformAdmin: boolean().notNull().default(false),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('users_email').on(sql`lower(${t.email})`)])

/** A user's role in one city; editors may be limited to the measures of chosen organisations. */
export const memberships = pgTable('memberships', {
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  cityId: integer().notNull().references(() => cities.id, { onDelete: 'cascade' }),
  role: roleEnum().notNull(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.cityId] }), index().on(t.cityId)])

export const membershipOrganisations = pgTable('membership_organisations', {
  userId: integer().notNull(),
  cityId: integer().notNull(),
  organisationId: integer().notNull().references(() => organisations.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.userId, t.cityId, t.organisationId] })])

export const authMethodEnum = pgEnum('auth_method', ['password', 'totp', 'sso'])

/** Server-side sessions, shared by every app instance; the id is a hash of the cookie's token. */
export const sessions = pgTable('sessions', {
  id: text().primaryKey(),
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text().notNull(),
  /** Set for sessions begun through a city's identity provider: they carry that city's role only. */
  ssoCityId: integer().references(() => cities.id, { onDelete: 'cascade' }),
  // How the person proved who they are: 'password' alone, 'totp' (password and second factor) or 'sso'
  // (the city's identity provider); a second-factor requirement is met by anything but 'password'.
  authMethod: authMethodEnum().notNull().default('password'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index().on(t.userId)])

/** One-time links to set a password (there is no mail server); stored as a hash. */
export const invitations = pgTable('invitations', {
  tokenHash: text().primaryKey(),
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** Failed and successful sign-ins of the last day, for throttling by account and address. */
export const signInAttempts = pgTable('sign_in_attempts', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  email: text().notNull(),
  ip: text().notNull(),
  succeeded: boolean().notNull(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index().on(t.email, t.at), index().on(t.ip, t.at)])

/**
 * A person's TOTP factor (RFC 6238). Until `confirmedAt` is set it is an enrolment in progress; the
 * secret is never sent out again once enrolment started. `lastTimeStep` is the time step of the last
 * accepted code: a code of that step or an earlier one is refused (replay).
 */
export const secondFactors = pgTable('second_factors', {
  userId: integer().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  secret: text().notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  lastTimeStep: bigint({ mode: 'number' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** One-time recovery codes, stored as SHA-256 hashes (they are long random strings, not passwords). */
export const recoveryCodes = pgTable('recovery_codes', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text().notNull(),
  usedAt: timestamp({ withTimezone: true }),
}, (t) => [index().on(t.userId)])

/** A correct password for an account with a second factor: the short-lived wait for the code. Id = hash of the cookie's token. */
export const secondFactorChallenges = pgTable('second_factor_challenges', {
  id: text().primaryKey(),
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
}, (t) => [index().on(t.userId)])

/**
 * A city's invitation of an e-mail address, pending until the person accepts it: a new account chooses
 * its password with the link, an existing one signs in and accepts. One per city and address.
 */
export const cityInvitations = pgTable('city_invitations', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().notNull().references(() => cities.id, { onDelete: 'cascade' }),
  email: text().notNull(),
  // The name a new account starts with; an existing account keeps its own.
  displayName: text().notNull(),
  role: roleEnum().notNull(),
  organisationIds: integer().array().notNull().default(sql`'{}'::integer[]`),
  tokenHash: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  invitedBy: integer().references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('city_invitations_city_email').on(t.cityId, sql`lower(${t.email})`), uniqueIndex().on(t.tokenHash)])

/** One-time password-reset links (hash only), valid for an hour. */
export const passwordResets = pgTable('password_resets', {
  tokenHash: text().primaryKey(),
  userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index().on(t.userId)])

/** Every reset request of the last day, known address or not, for throttling by address and account. */
export const passwordResetRequests = pgTable('password_reset_requests', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  email: text().notNull(),
  ip: text().notNull(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index().on(t.email, t.at), index().on(t.ip, t.at)])

/** The one-time link to create the first platform administrator from the browser (hash only, 24 h). */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text().primaryKey(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})
