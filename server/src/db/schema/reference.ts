import { pgTable, smallint, text } from 'drizzle-orm/pg-core'

/** The ten ECCAR commitments: reference data shared by all cities, filled by a migration. */
export const commitments = pgTable('commitments', {
  number: smallint().primaryKey(),
  titleEn: text().notNull(),
  titleDe: text().notNull(),
  aimEn: text().notNull(),
  aimDe: text().notNull(),
})

/** ECCAR's example actions per commitment (DOMAIN.md §1.3), keyed like `6.c`. */
export const exampleActions = pgTable('eccar_example_actions', {
  key: text().primaryKey(),
  commitmentNumber: smallint().notNull().references(() => commitments.number),
  textEn: text().notNull(),
  textDe: text().notNull(),
})

/** Small key/value facts about this database, e.g. that the demo plan was loaded once. */
export const appMeta = pgTable('app_meta', {
  key: text().primaryKey(),
  value: text().notNull(),
})
