import { sql } from 'drizzle-orm'
import {
  boolean, check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, type AnyPgColumn,
} from 'drizzle-orm/pg-core'
import { planStateEnum } from './enums.ts'
import { commitments } from './reference.ts'

export const cities = pgTable('cities', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  // Jena's steering group meets yearly, Weimar's alliance every six months.
  steeringCadenceMonths: integer().notNull().default(12),
  // A measure without an update for this long needs the steering group's attention.
  attentionStaleMonths: integer().notNull().default(6),
  // Published incident counts below this are suppressed (DOMAIN.md §5.1 recommends 5 for a city of ~110k).
  incidentThreshold: integer().notNull().default(5),
  // IANA name; "on the day" of a reminder is the city's day, not the server's.
  timeZone: text().notNull().default('Europe/Berlin'),
  // Days before a due date at which reminders go out; negative = after it (overdue).
  reminderSteps: integer().array().notNull().default(sql`'{28,7,0,-7}'::integer[]`),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

export const plans = pgTable('plans', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().notNull().references(() => cities.id),
  titleDe: text().notNull(),
  titleEn: text(),
  periodStart: date({ mode: 'string' }).notNull(),
  periodEnd: date({ mode: 'string' }).notNull(),
  resolutionNumber: text(),
  resolutionDate: date({ mode: 'string' }),
  state: planStateEnum().notNull().default('draft'),
  // A plan update (Fortschreibung) continues an earlier plan of the same city.
  predecessorId: integer().references((): AnyPgColumn => plans.id, { onDelete: 'set null' }),
  introDe: text(),
  introEn: text(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('plans_period_order', sql`${t.periodEnd} >= ${t.periodStart}`),
  // A city's plans (its start page, the plan list): without it every city's page reads all cities' plans
  // (EXPLAIN on the 500-city network of `npm run bench:scale`: a sequential scan of plans).
  index('plans_city').on(t.cityId),
  // Every plan read asks for the plans that continue it; without it, a sequential scan of all plans.
  index('plans_predecessor').on(t.predecessorId),
])

/** The plan's own heading and context text (situation, existing activities) for each commitment. */
export const planCommitments = pgTable('plan_commitments', {
  planId: integer().notNull().references(() => plans.id, { onDelete: 'cascade' }),
  commitmentNumber: smallint().notNull().references(() => commitments.number),
  localTitleDe: text(),
  localTitleEn: text(),
  contextDe: text(),
  contextEn: text(),
}, (t) => [primaryKey({ columns: [t.planId, t.commitmentNumber] })])

/**
 * Each plan's progress summary (`PlanProgress`) as JSON text, twice: as the public sees it (`members`
 * false: its public measures) and as the city's members do (every measure not deleted). Kept by database
 * triggers (migration 0023) when a transaction that wrote the plan's measures, their timelines, the plan
 * or its commitments' titles commits, whatever code writes. The progress read takes the text as it is:
 * counting and summing the measures on each read cost PostgreSQL about as much as the rest of the read
 * together. Never written by the application.
 */
export const planProgressAnswers = pgTable('plan_progress_answers', {
  planId: integer().notNull().references(() => plans.id, { onDelete: 'cascade' }),
  members: boolean().notNull(),
  body: text().notNull(),
}, (t) => [primaryKey({ columns: [t.planId, t.members] })])
