import { sql } from 'drizzle-orm'
import {
  boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core'
import { users } from './accounts.ts'
import type { IncidentAudit, IncidentCount, PublicIncidentView, ReportKind } from '@eccar/shared'
import {
  cycleStateEnum, discriminationKindEnum, indicatorDirectionEnum, lifeAreaEnum, reportingChannelEnum,
} from './enums.ts'
import { measures } from './measures.ts'
import { cities, plans } from './plans.ts'
import { commitments } from './reference.ts'
import { steeringMeetings } from './steering.ts'

/** A measurable sign of whether the plan works (Jena's measure 2.3). */
export const indicators = pgTable('indicators', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().notNull().references(() => cities.id),
  planId: integer().notNull().references(() => plans.id, { onDelete: 'cascade' }),
  nameDe: text().notNull(),
  nameEn: text(),
  definitionDe: text(),
  definitionEn: text(),
  unit: text().notNull(),
  unitEn: text(),
  source: text(),
  direction: indicatorDirectionEnum().notNull(),
  baselineValue: numeric({ mode: 'number' }),
  baselineDate: date({ mode: 'string' }),
  targetValue: numeric({ mode: 'number' }),
  targetDate: date({ mode: 'string' }),
  isPublic: boolean().notNull().default(false),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index().on(t.planId)])

export const indicatorMeasures = pgTable('indicator_measures', {
  indicatorId: integer().notNull().references(() => indicators.id, { onDelete: 'cascade' }),
  measureId: integer().notNull().references(() => measures.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.indicatorId, t.measureId] })])

export const indicatorCommitments = pgTable('indicator_commitments', {
  indicatorId: integer().notNull().references(() => indicators.id, { onDelete: 'cascade' }),
  commitmentNumber: smallint().notNull().references(() => commitments.number),
}, (t) => [primaryKey({ columns: [t.indicatorId, t.commitmentNumber] })])

/** One value per period, optionally per category of a breakdown (null = the total). */
export const indicatorValues = pgTable('indicator_values', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  indicatorId: integer().notNull().references(() => indicators.id, { onDelete: 'cascade' }),
  periodStart: date({ mode: 'string' }).notNull(),
  periodEnd: date({ mode: 'string' }).notNull(),
  category: text(),
  value: numeric({ mode: 'number' }).notNull(),
  sourceNote: text(),
  enteredBy: integer().references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('indicator_values_period_category').on(t.indicatorId, t.periodStart, t.periodEnd, sql`coalesce(${t.category}, '')`),
  check('indicator_values_period_order', sql`${t.periodEnd} >= ${t.periodStart}`),
])

/**
 * Aggregate counts of reported incidents: period × kind × area of life × channel, nothing else.
 * No free text and nothing about persons may ever be added here (a test guards the columns).
 */
export const incidentCounts = pgTable('incident_counts', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().notNull().references(() => cities.id),
  periodStart: date({ mode: 'string' }).notNull(),
  periodEnd: date({ mode: 'string' }).notNull(),
  kind: discriminationKindEnum().notNull(),
  area: lifeAreaEnum().notNull(),
  channel: reportingChannelEnum().notNull(),
  count: integer().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('incident_counts_cell').on(t.cityId, t.periodStart, t.periodEnd, t.kind, t.area, t.channel),
  check('incident_counts_non_negative', sql`${t.count} >= 0`),
  check('incident_counts_period_order', sql`${t.periodEnd} >= ${t.periodStart}`),
])

/** A reporting period of a plan (biennial to ECCAR by default) and its way to submission. */
export const reportingCycles = pgTable('reporting_cycles', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().notNull().references(() => cities.id),
  planId: integer().notNull().references(() => plans.id, { onDelete: 'cascade' }),
  title: text().notNull(),
  titleEn: text(),
  periodStart: date({ mode: 'string' }).notNull(),
  periodEnd: date({ mode: 'string' }).notNull(),
  dueDate: date({ mode: 'string' }),
  // The report the cycle leads to: biennial to ECCAR or yearly to the city council.
  kind: text().$type<ReportKind>().notNull().default('eccar'),
  state: cycleStateEnum().notNull().default('open'),
  approvedBy: integer().references(() => users.id, { onDelete: 'set null' }),
  approvedAt: timestamp({ withTimezone: true }),
  // The steering-group meeting whose decision the approval records (optional).
  approvalMeetingId: integer().references(() => steeringMeetings.id, { onDelete: 'set null' }),
  submittedBy: integer().references(() => users.id, { onDelete: 'set null' }),
  submittedAt: timestamp({ withTimezone: true }),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index().on(t.planId),
  check('reporting_cycles_period_order', sql`${t.periodEnd} >= ${t.periodStart}`),
  check('reporting_cycles_kind', sql`${t.kind} in ('eccar', 'council')`),
])

export const cycleNarratives = pgTable('cycle_narratives', {
  cycleId: integer().notNull().references(() => reportingCycles.id, { onDelete: 'cascade' }),
  commitmentNumber: smallint().notNull().references(() => commitments.number),
  textDe: text(),
  textEn: text(),
  challengesDe: text(),
  challengesEn: text(),
  needsDe: text(),
  needsEn: text(),
  exchangeTopicsDe: text(),
  exchangeTopicsEn: text(),
  // Comply or explain: the public reason why a commitment has no narrative.
  noNarrativeReasonDe: text(),
  noNarrativeReasonEn: text(),
  // Versioned per commitment, so people writing different commitments do not collide.
  version: integer().notNull().default(1),
}, (t) => [primaryKey({ columns: [t.cycleId, t.commitmentNumber] })])

/** What a submitted cycle reported, frozen: later edits of the plan never change it. */
export const cycleSnapshots = pgTable('cycle_snapshots', {
  cycleId: integer().primaryKey().references(() => reportingCycles.id, { onDelete: 'cascade' }),
  snapshot: jsonb().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * Incident releases (issue 10): what the public sees of one period, frozen when published. The counts
 * are copied in at preparation, so later corrections of `incident_counts` never change a release; a
 * correction is published as the next version of the period. A trigger refuses any change or removal
 * of a published row (migration 0006).
 */
export const incidentReleases = pgTable('incident_releases', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().notNull().references(() => cities.id),
  periodStart: date({ mode: 'string' }).notNull(),
  periodEnd: date({ mode: 'string' }).notNull(),
  version: integer().notNull(),
  state: text({ enum: ['draft', 'checked', 'published'] }).notNull().default('draft'),
  threshold: integer().notNull(),
  /** The period's non-zero counts at preparation. */
  counts: jsonb().$type<IncidentCount[]>().notNull(),
  /** The audit's result, true values included: for the office only. */
  audit: jsonb().$type<IncidentAudit>(),
  /** The views as the public will read them, fixed by the audit. */
  views: jsonb().$type<PublicIncidentView[]>(),
  preparedBy: integer().references(() => users.id),
  preparedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  checkedBy: integer().references(() => users.id),
  checkedAt: timestamp({ withTimezone: true }),
  publishedBy: integer().references(() => users.id),
  publishedAt: timestamp({ withTimezone: true }),
}, (t) => [
  uniqueIndex('incident_releases_version').on(t.cityId, t.periodStart, t.periodEnd, t.version),
  index('incident_releases_city').on(t.cityId, t.state),
  check('incident_releases_period_order', sql`${t.periodEnd} >= ${t.periodStart}`),
  check('incident_releases_threshold', sql`${t.threshold} >= 3`),
  check('incident_releases_published', sql`${t.state} <> 'published' or (${t.publishedAt} is not null and ${t.views} is not null)`),
])
