import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { cities } from './plans.ts'

/**
 * How a city publishes its open data: licence, publisher and contact of its DCAT-AP.de catalogue, and the
 * Amtlicher Gemeindeschlüssel and GovData contributor ID its datasets carry. A city without a row publishes
 * under the default licence with its own name as publisher.
 */
export const cityOpenData = pgTable('city_open_data', {
  cityId: integer().primaryKey().references(() => cities.id, { onDelete: 'cascade' }),
  licence: text().notNull(),
  publisherName: text().notNull(),
  contactEmail: text(),
  municipalityKey: text(),
  contributorId: text(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})
