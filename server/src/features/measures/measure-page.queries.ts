import { Limits, measureShownFieldNames, type PlanState } from '@eccar/shared'
import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { preparedPerHandle } from '../../db/prepared.ts'
import { cities, measureListItems, measurePublicPages, measures, measureTimelineHeads, plans } from '../../db/schema/index.ts'
import { publicPlanStates, type ReaderValues } from '../common/visibility.ts'
import { readerIsMemberOf } from '../common/visibility.queries.ts'

// The measure page (`MeasureDetail`) as JSON text written by the database, for the route that reads it.
// `toMeasureDetail` (measures.presenters.ts) builds the same answer from rows for the answers of writes;
// `test/helpers/measure-reads.ts` checks the two against each other for every measure and reader.

/** `canSeeMeasure` without the plan's state, for the linked measure in alias `r`. */
const linkVisible = sql`r.deleted_at is null and (r.is_public or ${readerIsMemberOf(sql`r.city_id`)})`

/**
 * The links of one direction as JSON text: `own` is the link's column naming this measure, `other` the
 * linked one. In the plan's order (commitment, position), as the measure list shows them.
 */
const links = (own: string, other: string) => sql`coalesce((
  select json_agg(json_build_object('id', r.id, 'code', r.code, 'titleDe', r.title_de, 'titleEn', r.title_en,
      'noteDe', l.note_de, 'noteEn', l.note_en) order by r.primary_commitment, r.position, r.id)::text
  from measure_relations l join measures r on r.id = l.${sql.raw(other)}
  where l.${sql.raw(own)} = ${measures.id} and ${linkVisible}), '[]')`

/**
 * The newest page of the timeline, newest first. The public's is kept whole (`measure_timeline_heads`,
 * written by triggers with its count and next address). The city's members also see who recorded each
 * entry, so theirs is assembled from the entries' kept JSON (`status_update_entries`), each with its
 * recorder's key added, as `toStatusEntry` has it. Each entry's text and person is looked up by its key
 * with LIMIT 1, so no plan hashes a whole table. JSON text, which `pageFields` splices in as text: as a
 * `json` value inside the page's object PostgreSQL parsed the 20 entries again, a quarter of the
 * statement (0.31 → 0.24 ms an execution, in a loop).
 */
const timelinePage = sql`case when ${readerIsMemberOf(measures.cityId)} then coalesce((
  select '[' || string_agg(left((select e.entry from status_update_entries e where e.status_update_id = t.id limit 1), -1)
    || ', "recordedBy" : ' || coalesce((
      select json_build_object('id', u.id, 'displayName', u.display_name)::text from users u where u.id = t.user_id limit 1), 'null')
    || '}', ', ' order by t.date desc, t.id desc) || ']'
  from (select t.id, t.date, t.user_id from status_updates t where t.measure_id = ${measures.id}
    order by t.date desc, t.id desc limit ${sql.raw(String(Limits.timelinePage))}) t), '[]')
  else coalesce(${measureTimelineHeads.entries}, '[]') end`

/** The predecessor where the reader may see it (`canSeeMeasure` with its plan's state), as JSON text, else null. */
const predecessor = sql`(select json_build_object('id', r.id, 'code', r.code, 'planId', r.plan_id, 'planTitleDe', pp.title_de)::text
  from measures r join plans pp on pp.id = r.plan_id
  where r.id = ${measures.predecessorMeasureId} and r.deleted_at is null
    and (${readerIsMemberOf(sql`r.city_id`)} or (r.is_public and pp.state in (${sql.join(publicPlanStates.map((state) => sql.raw(`'${state}'`)), sql`, `)})))
  limit 1)`

/** A value's JSON text; `null` where the value may be null, since `to_json` of null, and any text joined to it, is null. */
const jsonText = (value: SQL | AnyColumn, notNull = false) => notNull ? sql`to_json(${value})::text` : sql`coalesce(to_json(${value})::text, 'null')`

/**
 * The fields the page adds to the measure's list item, which the triggers keep (`measure_list_items`):
 * the summary is not built twice. JSON text, each field after a comma as its name and its value's JSON
 * joined with `||`, which copies bytes; the timeline, already text, is the last. Built as an object whose
 * braces `left` and `substr` then cut off, the page was counted character by character in a UTF-8
 * database, a few passes over all its bytes (perf: 13 % of PostgreSQL's CPU for this read): 152 → 128 µs
 * an execution of the public's page of measure 1, 183 → 163 µs a member's (in a loop).
 */
const pageFieldValues: [string, SQL][] = [
  ['citySlug', jsonText(cities.slug, true)],
  ['planTitleDe', jsonText(plans.titleDe, true)],
  ['planTitleEn', jsonText(plans.titleEn)],
  ...measureShownFieldNames.map((field): [string, SQL] => [field, jsonText(measures[field], measures[field].notNull)]),
  ['statusReason', jsonText(measures.statusReason)],
  ['relatedMeasures', links('measure_id', 'related_measure_id')],
  ['referencedBy', links('related_measure_id', 'measure_id')],
  ['exampleActions', sql`coalesce((select json_agg(json_build_object('key', a.key, 'commitmentNumber', a.commitment_number,
      'textEn', a.text_en, 'textDe', a.text_de) order by a.commitment_number, a.key)::text
    from measure_example_actions e join eccar_example_actions a on a.key = e.example_action_key
    where e.measure_id = ${measures.id}), '[]')`],
  ['statusHistoryTotal', sql`coalesce(${measureTimelineHeads.total}, 0)::text`],
  ['statusHistoryNext', jsonText(measureTimelineHeads.next)],
  ['origin', jsonText(measures.origin, true)],
  ['predecessor', sql`coalesce(${predecessor}, 'null')`],
  ['statusHistory', timelinePage],
]
const pageFields = sql.join(pageFieldValues.map(([name, value]) => sql`${sql.raw(`', "${name}" : '`)} || ${value}`), sql`\n  || `)

/**
 * The measure's page in one statement, with the facts of `canSeeMeasure` (the caller's check) and the
 * version for the ETag, for a reader who is a member of a city: the reader in placeholders, as the list
 * (`readerIsMemberOf`). A reader who is a member of none (the public, or an account without a role) reads
 * the page the database keeps (`publicPage` below), which migration 0024 builds with these rules for such
 * a reader. Built by drizzle's relational query and mapped in the server, the page cost the server about
 * twice the CPU of a list read of the same size (mapping rows, sorting, serialising again).
 */
const readersPage = preparedPerHandle((db) => db.select({
  cityId: measures.cityId,
  isPublic: measures.isPublic,
  deletedAt: measures.deletedAt,
  planState: plans.state,
  version: measures.version,
  body: sql<string>`left(${measureListItems.item}, -1) || ${pageFields}
    || case when ${readerIsMemberOf(measures.cityId)} then ', "internalNote" : ' || coalesce(to_json(${measures.internalNote})::text, 'null') else '' end
    || '}'`,
}).from(measures)
  .innerJoin(measureListItems, eq(measureListItems.measureId, measures.id))
  .innerJoin(plans, eq(plans.id, measures.planId))
  .innerJoin(cities, eq(cities.id, plans.cityId))
  .leftJoin(measureTimelineHeads, eq(measureTimelineHeads.measureId, measures.id))
  .where(eq(measures.id, sql.placeholder('id')))
  .prepare('measure_page_json'))

/**
 * The page for a reader who is a member of no city, as the database keeps it (`measure_public_pages`,
 * migration 0024, built with the statement above's rules for such a reader), with the facts of
 * `canSeeMeasure` as they are. Building it cost PostgreSQL about three times this read (pgbench, 8
 * clients: 9,500–9,900 against 28,600–28,900 pages a second).
 */
const publicPage = preparedPerHandle((db) => db.select({
  cityId: measures.cityId,
  isPublic: measures.isPublic,
  deletedAt: measures.deletedAt,
  planState: plans.state,
  version: measures.version,
  body: measurePublicPages.body,
}).from(measures)
  .innerJoin(plans, eq(plans.id, measures.planId))
  .innerJoin(measurePublicPages, eq(measurePublicPages.measureId, measures.id))
  .where(eq(measures.id, sql.placeholder('id')))
  .prepare('measure_page_public'))

export interface MeasurePageRow { cityId: number, isPublic: boolean, deletedAt: Date | null, planState: PlanState, version: number, body: string }

export async function findMeasurePageJson (db: Db, id: number, reader: ReaderValues): Promise<MeasurePageRow | undefined> {
  const [row] = reader.seesAllCities || reader.internalCityIds.length > 0
    ? await readersPage(db).execute({ id, ...reader })
    : await publicPage(db).execute({ id })
  return row
}
