import { sql } from 'drizzle-orm'
import {
  boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, type AnyPgColumn,
} from 'drizzle-orm/pg-core'
import { measureOriginEnum, measureStatusEnum, measureTypeEnum, recurrenceEnum } from './enums.ts'
import { users } from './accounts.ts'
import { organisations } from './organisations.ts'
import { cities, plans } from './plans.ts'
import { commitments, exampleActions } from './reference.ts'

export const measures = pgTable('measures', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().notNull().references(() => cities.id),
  planId: integer().notNull().references(() => plans.id, { onDelete: 'cascade' }),
  code: text().notNull(),
  // Order within the plan as written; codes like 1.10 do not sort as text.
  position: integer().notNull(),
  primaryCommitment: smallint().notNull().references(() => commitments.number),
  titleDe: text().notNull(),
  titleEn: text(),
  descriptionDe: text(),
  descriptionEn: text(),
  type: measureTypeEnum().notNull(),
  leadOrganisationId: integer().references(() => organisations.id),
  startDate: date({ mode: 'string' }),
  endDate: date({ mode: 'string' }),
  recurrence: recurrenceEnum().notNull().default('once'),
  recurrenceOn: text(),
  timeframeNoteDe: text(),
  timeframeNoteEn: text(),
  fundingNoteDe: text(),
  fundingNoteEn: text(),
  // Presented as a good practice; the report collects these in a section of their own (issue 13).
  goodPractice: boolean().notNull().default(false),
  goodPracticeDescriptionDe: text(),
  goodPracticeDescriptionEn: text(),
  isPublic: boolean().notNull().default(true),
  internalNote: text(),
  status: measureStatusEnum().notNull().default('planned'),
  statusReason: text(),
  progress: smallint().notNull().default(0),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  // A plan update (Fortschreibung) carries a measure over or replaces it; this links to the earlier one.
  origin: measureOriginEnum().notNull().default('new'),
  predecessorMeasureId: integer().references((): AnyPgColumn => measures.id, { onDelete: 'set null' }),
  // Deleting hides a measure; its history stays and it can be restored.
  deletedAt: timestamp({ withTimezone: true }),
}, (t) => [
  uniqueIndex('measures_plan_code').on(t.planId, t.code).where(sql`${t.deletedAt} is null`),
  // A plan's measures in the list's order, with every column the list's filters read but the text
  // search (`listFilters`): the list finds its matches in this index alone (an index-only scan) instead of
  // reading each measure's row, whose texts make it wide. PostgreSQL's CPU per list of 50 of the
  // 500-measure plan: 0.52–0.78 → 0.40–0.48 ms (alternating runs of the compiled server).
  index('measures_plan_list').on(t.planId, t.primaryCommitment, t.position, t.id, t.isPublic, t.cityId, t.deletedAt, t.status, t.type, t.leadOrganisationId),
  // A plan's measures by the plan alone, for the counts of progress and the plan's detail. Their kept
  // (generic) plans estimate half the table for any plan id where a database holds two plans, and
  // costed the three-column index above over a sequential scan, which read every plan's measures;
  // this narrow index is costed below it: PostgreSQL's CPU per progress read 0.30–0.32 → 0.21–0.24 ms.
  index('measures_plan').on(t.planId),
  index('measures_lead').on(t.leadOrganisationId),
  check('measures_progress_range', sql`${t.progress} between 0 and 100`),
  check('measures_date_order', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
])

/**
 * Each measure's item of the measure list (`MeasureSummary`) as JSON text, kept by database triggers
 * (migration 0018) in the transaction of every write to the measure, its secondary commitments, its
 * involved bodies or a body's name, whatever code writes them. The list reads a page's items instead of
 * joining and building them: building 50 items cost PostgreSQL about three times the rest of the list.
 * Never written by the application; a table of its own, so audit rows and exports of measures stay lean.
 */
export const measureListItems = pgTable('measure_list_items', {
  measureId: integer().primaryKey().references(() => measures.id, { onDelete: 'cascade' }),
  item: text().notNull(),
})

export const measureSecondaryCommitments = pgTable('measure_secondary_commitments', {
  measureId: integer().notNull().references(() => measures.id, { onDelete: 'cascade' }),
  commitmentNumber: smallint().notNull().references(() => commitments.number),
}, (t) => [primaryKey({ columns: [t.measureId, t.commitmentNumber] }), index().on(t.commitmentNumber)])

export const measureInvolvedOrganisations = pgTable('measure_involved_organisations', {
  measureId: integer().notNull().references(() => measures.id, { onDelete: 'cascade' }),
  organisationId: integer().notNull().references(() => organisations.id),
}, (t) => [primaryKey({ columns: [t.measureId, t.organisationId] }), index().on(t.organisationId)])

export const measureRelations = pgTable('measure_relations', {
  measureId: integer().notNull().references(() => measures.id, { onDelete: 'cascade' }),
  relatedMeasureId: integer().notNull().references(() => measures.id, { onDelete: 'cascade' }),
  noteDe: text(),
  noteEn: text(),
}, (t) => [
  primaryKey({ columns: [t.measureId, t.relatedMeasureId] }),
  index().on(t.relatedMeasureId),
  check('measure_relations_not_self', sql`${t.measureId} <> ${t.relatedMeasureId}`),
])

export const measureExampleActions = pgTable('measure_example_actions', {
  measureId: integer().notNull().references(() => measures.id, { onDelete: 'cascade' }),
  exampleActionKey: text().notNull().references(() => exampleActions.key),
}, (t) => [primaryKey({ columns: [t.measureId, t.exampleActionKey] })])

/** The status timeline: one row per change of status or progress, never rewritten. */
export const statusUpdates = pgTable('status_updates', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  measureId: integer().notNull().references(() => measures.id, { onDelete: 'cascade' }),
  date: date({ mode: 'string' }).notNull(),
  fromStatus: measureStatusEnum(),
  status: measureStatusEnum().notNull(),
  fromProgress: smallint(),
  progress: smallint().notNull(),
  noteDe: text(),
  noteEn: text(),
  reason: text(),
  evidenceLinks: jsonb().$type<{ url: string, label: string | null }[]>().notNull().default([]),
  organisationId: integer().references(() => organisations.id, { onDelete: 'set null' }),
  // Who recorded it: internal, never shown to the public.
  userId: integer().references(() => users.id, { onDelete: 'set null' }),
  recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('status_updates_measure').on(t.measureId, t.date, t.id),
  // A body's entries, for its rename (their kept JSON, `statusUpdateEntries`) and its deletion (the key's SET NULL).
  index('status_updates_organisation').on(t.organisationId),
])

/**
 * Each timeline entry as the public sees it (`StatusEntry` without `recordedBy`) in JSON text, kept by
 * database triggers (migration 0020) in the transaction of every write to the entry or to its body's
 * name. The measure page joins its newest entries' texts: building them (the JSON of each entry, its
 * body looked up by key) was more than half of PostgreSQL's work for a page with a full first page of the
 * timeline. Never written by the application; a table of its own, as `measureListItems`.
 */
export const statusUpdateEntries = pgTable('status_update_entries', {
  statusUpdateId: integer().primaryKey().references(() => statusUpdates.id, { onDelete: 'cascade' }),
  entry: text().notNull(),
})

/**
 * The first page of each measure's timeline as the public reads it (the newest `Limits.timelinePage`
 * entries' texts from `statusUpdateEntries`, newest first), with the count of all its entries and the
 * address of the older ones; kept by database triggers (migration 0021) in the transaction of every write
 * to an entry. The public measure page takes it as it is: assembling the page from the entries, counting
 * them and finding the next page's first entry was 45 % of that read's statement. A city's members, who
 * also see who recorded each entry, still read the entries themselves. A measure without entries has no row.
 */
export const measureTimelineHeads = pgTable('measure_timeline_heads', {
  measureId: integer().primaryKey().references(() => measures.id, { onDelete: 'cascade' }),
  total: integer().notNull(),
  entries: text().notNull(),
  next: text(),
})

/**
 * Each measure's page (`MeasureDetail`) as the public reads it, as JSON text in ASCII, kept by database
 * triggers (migration 0024): the changes of a transaction are noted as it writes, and the pages they
 * reach are built once when it commits, whatever code writes. The public page read takes it as it is,
 * with the measure's visibility checked from the measure and its plan as they are: building it from the
 * list item, the links both ways, the example actions and the predecessor cost PostgreSQL three times
 * the stored page's read. A city's members, who see more, still read a page built for them.
 */
export const measurePublicPages = pgTable('measure_public_pages', {
  measureId: integer().primaryKey().references(() => measures.id, { onDelete: 'cascade' }),
  body: text().notNull(),
})
