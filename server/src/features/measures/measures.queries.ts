import { Limits, type MeasureListQuery, type PlanState } from '@eccar/shared'
import { and, asc, desc, eq, inArray, isNotNull, isNull, max, notInArray, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client.ts'
import { preparedPerHandle } from '../../db/prepared.ts'
import { measureVisibleToReader } from '../common/visibility.queries.ts'
import type { ReaderValues } from '../common/visibility.ts'
import {
  exampleActions, measureExampleActions, measureInvolvedOrganisations, measureListItems, measureRelations, measures,
  measureSecondaryCommitments, organisations, plans, statusUpdates,
} from '../../db/schema/index.ts'

const orgRef = { columns: { id: true, name: true, nameEn: true } } as const

/** Everything a measure page shows, loaded by drizzle's relational query in one statement, built once per handle. */
const measureDetailQuery = preparedPerHandle((db) => db.query.measures.findFirst({
  where: eq(measures.id, sql.placeholder('id')),
  with: {
    plan: { columns: { id: true, titleDe: true, titleEn: true, state: true }, with: { city: { columns: { slug: true } } } },
    lead: orgRef,
    secondaryCommitments: { columns: { commitmentNumber: true } },
    involved: { columns: {}, with: { organisation: orgRef } },
    relations: { columns: { noteDe: true, noteEn: true }, with: { related: true } },
    referencedBy: { columns: { noteDe: true, noteEn: true }, with: { measure: true } },
    exampleActions: { columns: {}, with: { action: true } },
    // The newest page of the timeline, and one more to tell whether there are older entries.
    statusUpdates: { ...timelineEntry, orderBy: [desc(statusUpdates.date), desc(statusUpdates.id)], limit: Limits.timelinePage + 1 },
  },
  extras: {
    statusHistoryTotal: sql<number>`(select count(*)::int from status_updates t where t.measure_id = ${measures.id})`.as('status_history_total'),
  },
}).prepare('measure_detail'))

export const findMeasureDetail = (db: Db, id: number) => measureDetailQuery(db).execute({ id })

const timelineEntry = { with: { organisation: orgRef, user: { columns: { id: true, displayName: true } } } } as const

/** Whether a measure exists and who may see it, with its plan's state: what a timeline page checks first. */
export async function findMeasureVisibility (db: Db, id: number) {
  const [row] = await db.select({
    id: measures.id, cityId: measures.cityId, isPublic: measures.isPublic, deletedAt: measures.deletedAt, planState: plans.state,
  }).from(measures).innerJoin(plans, eq(plans.id, measures.planId)).where(eq(measures.id, id))
  return row
}

/** Timeline entries older than the cursor (date, then id), newest first; `limit + 1` to tell whether more follow. */
export function findTimelinePage (db: Db, measureId: number, before: { date: string, id: number } | null, limit: number) {
  const older = before
    ? sql`(${statusUpdates.date}, ${statusUpdates.id}) < (${before.date}::date, ${before.id})`
    : undefined
  return db.query.statusUpdates.findMany({
    ...timelineEntry,
    where: and(eq(statusUpdates.measureId, measureId), older),
    orderBy: [desc(statusUpdates.date), desc(statusUpdates.id)],
    limit: limit + 1,
  })
}
export async function findStatusEntry (db: Db, id: number) {
  return db.query.statusUpdates.findFirst({ ...timelineEntry, where: eq(statusUpdates.id, id) })
}

export type TimelineRow = Awaited<ReturnType<typeof findTimelinePage>>[number]
export type MeasureDetailRow = NonNullable<Awaited<ReturnType<typeof findMeasureDetail>>>

/** The earlier plan's measure that a plan update carried over or replaced: where the measure's history starts. */
const predecessorQuery = preparedPerHandle((db) => db.select({
  id: measures.id, code: measures.code, planId: measures.planId, cityId: measures.cityId, isPublic: measures.isPublic,
  deletedAt: measures.deletedAt, planTitleDe: plans.titleDe, planState: plans.state,
}).from(measures).innerJoin(plans, eq(plans.id, measures.planId)).where(eq(measures.id, sql.placeholder('id'))).prepare('measure_predecessor'))

export async function findPredecessor (db: Db, id: number) {
  const [row] = await predecessorQuery(db).execute({ id })
  return row
}
export type PredecessorRow = NonNullable<Awaited<ReturnType<typeof findPredecessor>>>

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

const leadOrganisation = alias(organisations, 'lead')

/**
 * All of a plan's measures the condition lets through, in the list's order, with their lead body,
 * involved bodies and secondary commitments as JSON built in the database (no query per row): what the
 * open-data files and the status sheet list.
 */
export async function listMeasures (db: Db, planId: number, visible: SQL) {
  return db.select({
    id: measures.id, planId: measures.planId, code: measures.code, primaryCommitment: measures.primaryCommitment,
    titleDe: measures.titleDe, titleEn: measures.titleEn, type: measures.type, status: measures.status,
    progress: measures.progress, startDate: measures.startDate, endDate: measures.endDate, recurrence: measures.recurrence,
    isPublic: measures.isPublic, version: measures.version, updatedAt: measures.updatedAt,
    lead: { id: leadOrganisation.id, name: leadOrganisation.name, nameEn: leadOrganisation.nameEn },
    secondaryCommitments: sql<{ commitmentNumber: number }[]>`coalesce((
      select json_agg(json_build_object('commitmentNumber', s.commitment_number))
      from measure_secondary_commitments s where s.measure_id = ${measures.id}), '[]'::json)`,
    involved: sql<{ organisation: { id: number, name: string, nameEn: string | null } }[]>`coalesce((
      select json_agg(json_build_object('organisation', json_build_object('id', o.id, 'name', o.name, 'nameEn', o.name_en)))
      from measure_involved_organisations i join organisations o on o.id = i.organisation_id where i.measure_id = ${measures.id}), '[]'::json)`,
  }).from(measures)
    .leftJoin(leadOrganisation, eq(leadOrganisation.id, measures.leadOrganisationId))
    .where(and(eq(measures.planId, planId), visible))
    .orderBy(asc(measures.primaryCommitment), asc(measures.position))
}
export type MeasureListRow = Awaited<ReturnType<typeof listMeasures>>[number]

/** A filter left out is null; an empty list filters nothing, as the query string's absence. */
const anyOf = (values: readonly unknown[] | undefined) => (values?.length ? values : null)

/**
 * The list's filters with every value a placeholder, so one statement serves every combination (a
 * filter left out is null and passes every row): drizzle builds it once per handle and PostgreSQL plans
 * it once per connection. Built per request, its SQL took a seventh of the workspace list's CPU (the
 * build, then hashing the text to find its statement). Every condition filters the rows of the plan's
 * index scan, so one plan fits all combinations. The link tables are read so that no plan reads the
 * whole network's rows: a body's involvements once, by the body's index (a body belongs to one city);
 * secondary commitments per measure, by its key, because the numbers 1–10 are every city's.
 * The text search is a statement of its own (`textSearch`): without it every other condition reads only
 * columns of the index `measures_plan_list`, so the matches come from the index alone, not the table's rows.
 */
const listFilters = sql`${measures.planId} = ${sql.placeholder('planId')} and ${measureVisibleToReader(measures.cityId)}
  and (${sql.placeholder('commitment')}::int[] is null or ${measures.primaryCommitment} = any(${sql.placeholder('commitment')}::int[])
    or ${sql.placeholder('commitment')}::int[] && array(select s.commitment_number::int from measure_secondary_commitments s
      where s.measure_id = ${measures.id}))
  and (${sql.placeholder('status')}::measure_status[] is null or ${measures.status} = any(${sql.placeholder('status')}::measure_status[]))
  and (${sql.placeholder('type')}::measure_type[] is null or ${measures.type} = any(${sql.placeholder('type')}::measure_type[]))
  and (${sql.placeholder('organisation')}::int[] is null or ${measures.leadOrganisationId} = any(${sql.placeholder('organisation')}::int[])
    or ${measures.id} in (select i.measure_id from measure_involved_organisations i
      where i.organisation_id = any(${sql.placeholder('organisation')}::int[])))`

/** The search of `q` in code, titles and descriptions (the only condition that reads the measures' rows). */
const textSearch = sql`(${measures.code} ilike ${sql.placeholder('pattern')}
    or ${measures.titleDe} ilike ${sql.placeholder('pattern')} or ${measures.titleEn} ilike ${sql.placeholder('pattern')}
    or ${measures.descriptionDe} ilike ${sql.placeholder('pattern')} or ${measures.descriptionEn} ilike ${sql.placeholder('pattern')})`

/**
 * The list route's whole answer (`MeasureList`) as JSON text, built by the database in one statement
 * together with the plan's city and state for the caller's visibility check (no plan read first: that
 * was a round trip of its own per list, and it carried the plan's intro texts): the filter runs once (the
 * ids and sort keys of all matches, which also give the total), then the page's items are read as the
 * triggers keep them (`measure_list_items`) and joined as text. The server sends the text as it is: no
 * rows to parse and map, no presenter, no second serialisation. Building the 50 items here (the bodies,
 * the secondary commitments, the JSON) cost PostgreSQL about three times the filter and the page
 * (2.2–2.7 → 0.6–1.0 ms an execution for a page of the 500-measure plan).
 */
const measureListJson = (search: boolean) => (db: Db) => db.select({
  cityId: plans.cityId,
  state: plans.state,
  body: sql<string>`(with matching as materialized (
      select ${measures.id}, ${measures.primaryCommitment}, ${measures.position} from ${measures}
      where ${listFilters}${search ? sql` and ${textSearch}` : sql``}
    )
    select '{"items":[' || coalesce((select string_agg(${measureListItems.item}, ',' order by p.primary_commitment, p.position)
        from (select id, primary_commitment, position from matching order by primary_commitment, position
          limit ${sql.placeholder('limit')} offset ${sql.placeholder('offset')}) p
        join ${measureListItems} on ${measureListItems.measureId} = p.id), '')
      || '],"total":' || (select count(*) from matching)
      || ',"limit":' || ${sql.placeholder('limit')}::int || ',"offset":' || ${sql.placeholder('offset')}::int || '}')`,
}).from(plans).where(eq(plans.id, sql.placeholder('planId'))).prepare(search ? 'measure_list_json_search' : 'measure_list_json')

const measureListJsonQueries = { all: preparedPerHandle(measureListJson(false)), search: preparedPerHandle(measureListJson(true)) }

export async function listMeasuresJson (
  db: Db, planId: number, query: MeasureListQuery & { limit: number, offset: number }, reader: ReaderValues,
): Promise<{ cityId: number, state: PlanState, body: string } | undefined> {
  const values = {
    planId, limit: query.limit, offset: query.offset, seesAllCities: reader.seesAllCities, internalCityIds: reader.internalCityIds,
    commitment: anyOf(query.commitment), status: anyOf(query.status), type: anyOf(query.type), organisation: anyOf(query.organisation),
  }
  const [row] = query.q
    ? await measureListJsonQueries.search(db).execute({ ...values, pattern: likePattern(query.q) })
    : await measureListJsonQueries.all(db).execute(values)
  return row
}

export type MeasureRow = typeof measures.$inferSelect

/** The plan a measure belongs to (measures never move between plans), or null for an unknown id. */
export async function findMeasurePlanId (db: Db, id: number): Promise<number | null> {
  const [row] = await db.select({ planId: measures.planId }).from(measures).where(eq(measures.id, id))
  return row?.planId ?? null
}

/** The plan's hidden measures, newest hidden first (the admin screen restores them from here). */
export function listHiddenMeasures (db: Db, planId: number) {
  return db.select({
    id: measures.id, planId: measures.planId, code: measures.code, titleDe: measures.titleDe, titleEn: measures.titleEn,
    version: measures.version, hiddenAt: measures.deletedAt,
  }).from(measures)
    .where(and(eq(measures.planId, planId), isNotNull(measures.deletedAt)))
    .orderBy(desc(measures.deletedAt), desc(measures.id))
}

export async function findMeasureForUpdate (db: Db, id: number): Promise<MeasureRow | undefined> {
  const [row] = await db.select().from(measures).where(eq(measures.id, id)).for('update')
  return row
}

/** The id of the new measure. */
export async function insertMeasure (db: Db, values: typeof measures.$inferInsert) {
  const [row] = await db.insert(measures).values(values).returning({ id: measures.id })
  return row!.id
}

export async function insertStatusUpdate (db: Db, values: typeof statusUpdates.$inferInsert) {
  const [row] = await db.insert(statusUpdates).values(values).returning({ id: statusUpdates.id })
  return row!
}

export async function nextPosition (db: Db, planId: number) {
  const [row] = await db.select({ value: max(measures.position) }).from(measures).where(eq(measures.planId, planId))
  return (row?.value ?? 0) + 1
}

export async function codeTaken (db: Db, planId: number, code: string, exceptId?: number) {
  const rows = await db.select({ id: measures.id }).from(measures)
    .where(and(eq(measures.planId, planId), eq(measures.code, code), isNull(measures.deletedAt)))
  return rows.some((row) => row.id !== exceptId)
}

export async function existingOrganisationIds (db: Db, cityId: number, ids: number[]) {
  if (ids.length === 0) return new Set<number>()
  const rows = await db.select({ id: organisations.id }).from(organisations)
    .where(and(eq(organisations.cityId, cityId), inArray(organisations.id, ids)))
  return new Set(rows.map((row) => row.id))
}

export async function existingMeasureIds (db: Db, planId: number, ids: number[]) {
  if (ids.length === 0) return new Set<number>()
  const rows = await db.select({ id: measures.id }).from(measures)
    .where(and(eq(measures.planId, planId), inArray(measures.id, ids), isNull(measures.deletedAt)))
  return new Set(rows.map((row) => row.id))
}

export async function existingExampleActionKeys (db: Db, keys: string[]) {
  if (keys.length === 0) return new Set<string>()
  const rows = await db.select({ key: exampleActions.key }).from(exampleActions).where(inArray(exampleActions.key, keys))
  return new Set(rows.map((row) => row.key))
}

export interface MeasureLinks {
  secondaryCommitments?: number[] | undefined
  involvedOrganisationIds?: number[] | undefined
  relatedMeasures?: { measureId: number, noteDe?: string | null | undefined, noteEn?: string | null | undefined }[] | undefined
  exampleActions?: string[] | undefined
}

/** Replaces each link list that is given; lists left out stay as they are. */
export async function replaceLinks (db: Db, measureId: number, links: MeasureLinks) {
  if (links.secondaryCommitments) {
    await db.delete(measureSecondaryCommitments).where(eq(measureSecondaryCommitments.measureId, measureId))
    if (links.secondaryCommitments.length) {
      await db.insert(measureSecondaryCommitments).values(links.secondaryCommitments.map((commitmentNumber) => ({ measureId, commitmentNumber })))
    }
  }
  if (links.involvedOrganisationIds) {
    // Only the difference is written: a body inserted as a link is locked by the list rows' trigger until
    // commit (migration 0018), and a body that stays linked must not be, or a rename of it would wait for
    // this write while its trigger waits for this measure.
    const keep = links.involvedOrganisationIds
    await db.delete(measureInvolvedOrganisations).where(and(eq(measureInvolvedOrganisations.measureId, measureId),
      keep.length ? notInArray(measureInvolvedOrganisations.organisationId, keep) : undefined))
    if (keep.length) {
      await db.insert(measureInvolvedOrganisations).values(keep.map((organisationId) => ({ measureId, organisationId }))).onConflictDoNothing()
    }
  }
  if (links.relatedMeasures) {
    // Only the difference is written, as for the bodies: a new link locks both measures until commit
    // (their pages show each other, migration 0024); a link that stays keeps its row, its notes updated.
    const keep = links.relatedMeasures.map((relation) => relation.measureId)
    await db.delete(measureRelations).where(and(eq(measureRelations.measureId, measureId),
      keep.length ? notInArray(measureRelations.relatedMeasureId, keep) : undefined))
    if (keep.length) {
      await db.insert(measureRelations).values(links.relatedMeasures.map((relation) => ({
        measureId, relatedMeasureId: relation.measureId, noteDe: relation.noteDe ?? null, noteEn: relation.noteEn ?? null,
      }))).onConflictDoUpdate({
        target: [measureRelations.measureId, measureRelations.relatedMeasureId],
        set: { noteDe: sql`excluded.note_de`, noteEn: sql`excluded.note_en` },
        setWhere: sql`(${measureRelations.noteDe}, ${measureRelations.noteEn}) is distinct from (excluded.note_de, excluded.note_en)`,
      })
    }
  }
  if (links.exampleActions) {
    await db.delete(measureExampleActions).where(eq(measureExampleActions.measureId, measureId))
    if (links.exampleActions.length) {
      await db.insert(measureExampleActions).values(links.exampleActions.map((exampleActionKey) => ({ measureId, exampleActionKey })))
    }
  }
}

export type NewStatusUpdate = typeof statusUpdates.$inferInsert
export const insertStatusUpdates = (db: Db, rows: NewStatusUpdate[]) =>
  rows.length ? db.insert(statusUpdates).values(rows) : Promise.resolve()

/** Several measures locked for a batch of writes, in id order so two batches cannot deadlock. */
export async function findMeasuresForUpdate (db: Db, ids: number[]): Promise<Map<number, MeasureRow>> {
  if (ids.length === 0) return new Map()
  const rows = await db.select().from(measures).where(inArray(measures.id, ids)).orderBy(asc(measures.id)).for('update')
  return new Map(rows.map((row) => [row.id, row]))
}

/** The bodies involved in each of several measures. */
export async function involvedOrganisationsOf (db: Db, ids: number[]): Promise<Map<number, number[]>> {
  const byMeasure = new Map<number, number[]>(ids.map((id) => [id, []]))
  if (ids.length === 0) return byMeasure
  const rows = await db.select({ measureId: measureInvolvedOrganisations.measureId, id: measureInvolvedOrganisations.organisationId })
    .from(measureInvolvedOrganisations).where(inArray(measureInvolvedOrganisations.measureId, ids))
  for (const row of rows) byMeasure.get(row.measureId)?.push(row.id)
  return byMeasure
}

/** Inserts timeline entries and returns their ids, keyed by measure (a batch has one entry per measure). */
export async function insertStatusUpdatesReturning (db: Db, rows: NewStatusUpdate[]): Promise<Map<number, number>> {
  if (rows.length === 0) return new Map()
  const inserted = await db.insert(statusUpdates).values(rows).returning({ id: statusUpdates.id, measureId: statusUpdates.measureId })
  return new Map(inserted.map((row) => [row.measureId, row.id]))
}

/** The numbers of the measure's secondary commitments. */
export async function secondaryCommitmentsOf (db: Db, measureId: number) {
  const rows = await db.select({ number: measureSecondaryCommitments.commitmentNumber }).from(measureSecondaryCommitments)
    .where(eq(measureSecondaryCommitments.measureId, measureId))
  return rows.map((row) => row.number)
}
