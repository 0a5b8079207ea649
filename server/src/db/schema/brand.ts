import { customType, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { cities, plans } from './plans.ts'

const bytea = customType<{ data: Uint8Array, driverData: Uint8Array }>({ dataType: () => 'bytea' })

/**
 * A city's own look on the public pages and its accessibility statement: accent colour, logo, website, the
 * contact for accessibility feedback, the enforcement body, and the origins that may frame its widgets.
 * A city without a row uses the app's colours, no logo, and may not be framed anywhere.
 */
export const cityBranding = pgTable('city_branding', {
  cityId: integer().primaryKey().references(() => cities.id, { onDelete: 'cascade' }),
  accentColour: text(),
  website: text(),
  feedbackEmail: text(),
  feedbackPhone: text(),
  feedbackUrl: text(),
  enforcementName: text(),
  enforcementUrl: text(),
  embedOrigins: text().array().notNull().default(sql`'{}'::text[]`),
  logo: bytea(),
  logoType: text(),
  logoUpdatedAt: timestamp({ withTimezone: true }),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * Leichte Sprache texts of a plan (commitment 0) and its commitments (1–10), written by the office. Public only
 * once a review group has checked them (checked_by/checked_at); a changed text is unchecked again.
 */
export const easyReadTexts = pgTable('easy_read_texts', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  planId: integer().notNull().references(() => plans.id, { onDelete: 'cascade' }),
  commitment: smallint().notNull(),
  body: text().notNull(),
  checkedBy: text(),
  checkedAt: timestamp({ withTimezone: true }),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('easy_read_texts_plan_commitment').on(t.planId, t.commitment),
])
