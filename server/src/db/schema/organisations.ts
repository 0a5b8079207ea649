import { integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { organisationKindEnum } from './enums.ts'
import { cities } from './plans.ts'

/** Responsible bodies belong to a city, not a plan: a plan update keeps working with the same ones. */
export const organisations = pgTable('organisations', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().notNull().references(() => cities.id),
  name: text().notNull(),
  nameEn: text(),
  kind: organisationKindEnum().notNull(),
  descriptionDe: text(),
  descriptionEn: text(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique('organisations_city_name').on(t.cityId, t.name)])
