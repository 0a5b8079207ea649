import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client.ts'
import { preparedPerHandle } from '../../db/prepared.ts'
import { cities, commitments, measures, planCommitments, planProgressAnswers, plans, statusUpdates } from '../../db/schema/index.ts'
import type { PlanState } from '@eccar/shared'
import type { SQL } from 'drizzle-orm'
import type { ReaderValues } from '../common/visibility.ts'
import { measureVisibleToReader, readerIsMemberOf } from '../common/visibility.queries.ts'

const planColumns = {
  id: plans.id,
  cityId: plans.cityId,
  citySlug: cities.slug,
  cityName: cities.name,
  titleDe: plans.titleDe,
  titleEn: plans.titleEn,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  resolutionNumber: plans.resolutionNumber,
  resolutionDate: plans.resolutionDate,
  state: plans.state,
  predecessorId: plans.predecessorId,
  introDe: plans.introDe,
  introEn: plans.introEn,
  version: plans.version,
}

export type PlanRow = Awaited<ReturnType<typeof findPlan>> & object

/** The plan read that precedes every measure list and plan check: built once per handle, not per request. */
const planQuery = preparedPerHandle((db) => db.select(planColumns).from(plans).innerJoin(cities, eq(cities.id, plans.cityId))
  .where(eq(plans.id, sql.placeholder('id'))).prepare('plan_by_id'))

export async function findPlan (db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  if (!options.forUpdate) {
    const [row] = await planQuery(db).execute({ id })
    return row
  }
  const [row] = await db.select(planColumns).from(plans).innerJoin(cities, eq(cities.id, plans.cityId)).where(eq(plans.id, id))
    .for('update', { of: plans })
  return row
}

export function listPlansOfCity (db: Db, cityId: number, states: PlanState[]) {
  return db.select(planColumns).from(plans).innerJoin(cities, eq(cities.id, plans.cityId))
    .where(and(eq(plans.cityId, cityId), inArray(plans.state, states)))
    .orderBy(asc(plans.periodStart), asc(plans.id))
}

const successors = alias(plans, 'successors')

/** The published plans (adopted or closed) that continue the given ones, newest first; drafts stay unannounced. */
export function listSuccessors (db: Db, planIds: number[]) {
  if (planIds.length === 0) return Promise.resolve([])
  return db.select({ id: successors.id, predecessorId: successors.predecessorId }).from(successors)
    .where(and(inArray(successors.predecessorId, planIds), ne(successors.state, 'draft')))
    .orderBy(desc(successors.periodStart), desc(successors.id))
}

/** A commitment of a plan as its detail shows it, with its number of visible measures. */
interface PlanCommitmentRow {
  number: number
  titleEn: string
  titleDe: string
  localTitleDe: string | null
  localTitleEn: string | null
  hasContext: boolean
  contextDe?: string | null
  contextEn?: string | null
  measureCount: number
}

/**
 * The ten commitments with the plan's own texts, as rows of `c` (commitment), `pc` (the plan's texts)
 * and `counted` (the number of measures per primary commitment visible under `measureCounts`),
 * for a query over `plans`; `commitmentElement` is one commitment of them as JSON.
 */
const commitmentRows = (measureCounts: SQL) => sql`
  from ${commitments} c
  left join ${planCommitments} pc on pc.commitment_number = c.number and pc.plan_id = ${plans.id}
  left join (
    select ${measures.primaryCommitment} as commitment, count(*)::int as n from ${measures}
    where ${measures.planId} = ${plans.id} and ${measureCounts}
    group by ${measures.primaryCommitment}
  ) counted on counted.commitment = c.number`

/**
 * What a commitment's JSON carries besides its titles: `overview` the count and whether it has context
 * texts (the plan's page), `texts` the context texts too (its commitment pages, editors).
 */
type CommitmentFields = 'overview' | 'texts'

const commitmentElement = (fields: CommitmentFields) => sql`json_build_object(
    'number', c.number, 'titleEn', c.title_en, 'titleDe', c.title_de,
    'localTitleDe', pc.local_title_de, 'localTitleEn', pc.local_title_en,
    'measureCount', coalesce(counted.n, 0), 'hasContext', coalesce(pc.context_de <> '' or pc.context_en <> '', false)
    ${fields === 'texts' ? sql`, 'contextDe', pc.context_de, 'contextEn', pc.context_en` : sql``}
  )`

/** The ten commitments as one JSON array (`commitmentRows`), with the context texts and the counts of measures visible under `measureCounts`. */
const commitmentsJson = (measureCounts: SQL) =>
  sql`(select json_agg(${commitmentElement('texts')} order by c.number) ${commitmentRows(measureCounts)})`

/**
 * A plan with everything its detail shows, context texts included (the answer of a write), in one statement: the ten commitments with their numbers of
 * measures visible under `visible` (a condition on the measures that may name the plan's city) and the
 * published successor. Undefined for an unknown id; whether the reader may see the plan is the caller's.
 */
export async function findPlanDetail (db: Db, id: number, visible: SQL) {
  const [row] = await db.select({
    ...planColumns,
    successorId: sql<number | null>`(
      select s.id from ${plans} s where s.predecessor_id = ${plans.id} and s.state <> 'draft'
      order by s.period_start desc, s.id desc limit 1)`,
    commitments: sql<PlanCommitmentRow[]>`${commitmentsJson(visible)}`,
  }).from(plans).innerJoin(cities, eq(cities.id, plans.cityId)).where(eq(plans.id, id))
  return row
}

/**
 * The same detail as the route's whole answer (`PlanDetail`) in JSON text built by the database, with
 * the plan's city, state and version for the visibility check and the ETag: the server sends the text as
 * it is. The context texts only with `fields` 'texts' (`contexts=true`): they are most of a plan's bytes
 * (34 of Jena's 39 KB), and the plan's overview, which most readers open, does not show them.
 * `measureCount` is the sum of the commitments' counts, as the plan list shows it, summed in the same
 * aggregate: reading it back out of the built array parsed its 41 KB again and took half of PostgreSQL's time.
 * Prepared: the reader is a placeholder (`measureVisibleToReader`), so every reader shares one plan.
 */
const planDetailJson = (fields: 'overview' | 'texts') => (db: Db) => db.select({
  cityId: plans.cityId,
  state: plans.state,
  version: plans.version,
  body: sql<string>`(select json_build_object(
    'id', ${plans.id}, 'citySlug', ${cities.slug}, 'cityName', ${cities.name}, 'titleDe', ${plans.titleDe}, 'titleEn', ${plans.titleEn},
    'periodStart', ${plans.periodStart}, 'periodEnd', ${plans.periodEnd}, 'resolutionNumber', ${plans.resolutionNumber},
    'resolutionDate', ${plans.resolutionDate}, 'state', ${plans.state}, 'predecessorId', ${plans.predecessorId},
    'successorId', (select s.id from ${plans} s where s.predecessor_id = ${plans.id} and s.state <> 'draft'
      order by s.period_start desc, s.id desc limit 1),
    'measureCount', c.total,
    'version', ${plans.version}, 'introDe', ${plans.introDe}, 'introEn', ${plans.introEn},
    'commitments', c.list
  )::text from (
    select json_agg(${commitmentElement(fields)} order by c.number) as list, coalesce(sum(counted.n), 0)::int as total
    ${commitmentRows(measureVisibleToReader(plans.cityId))}
  ) c)`,
}).from(plans).innerJoin(cities, eq(cities.id, plans.cityId)).where(eq(plans.id, sql.placeholder('id'))).prepare(`plan_detail_json_${fields}`)

const planDetailJsonQueries = {
  overview: preparedPerHandle(planDetailJson('overview')),
  texts: preparedPerHandle(planDetailJson('texts')),
}

export async function findPlanDetailJson (db: Db, id: number, reader: ReaderValues, withContexts: boolean) {
  const [row] = await planDetailJsonQueries[withContexts ? 'texts' : 'overview'](db).execute({ id, ...reader })
  return row
}

/**
 * The progress summary (`PlanProgress`) as the reader sees it, as JSON text the database keeps whole
 * (`planProgressAnswers`: the public's answer, or the members' where the reader belongs to the plan's
 * city), with the plan's city and state for the visibility check. Counting the measures on each read
 * cost PostgreSQL 0.28–0.34 ms an answer under load, and the server as much again to summarise and
 * serialise the counts. Prepared, as the detail.
 */
const planProgressQuery = preparedPerHandle((db) => db.select({
  cityId: plans.cityId,
  state: plans.state,
  body: planProgressAnswers.body,
}).from(plans)
  .innerJoin(planProgressAnswers, and(eq(planProgressAnswers.planId, plans.id), eq(planProgressAnswers.members, readerIsMemberOf(plans.cityId))))
  .where(eq(plans.id, sql.placeholder('id')))
  .prepare('plan_progress'))

export async function findPlanProgress (db: Db, id: number, reader: ReaderValues) {
  const [row] = await planProgressQuery(db).execute({ id, ...reader })
  return row
}

/** Visible measures per plan and primary commitment, in one grouped query. */
export function countMeasures (db: Db, planIds: number[], visible: SQL) {
  if (planIds.length === 0) return Promise.resolve([])
  return db.select({ planId: measures.planId, commitment: measures.primaryCommitment, count: count() })
    .from(measures)
    .where(and(inArray(measures.planId, planIds), visible))
    .groupBy(measures.planId, measures.primaryCommitment)
}

export function listPlanCommitments (db: Db, planId: number) {
  return db.select({
    number: commitments.number,
    titleEn: commitments.titleEn,
    titleDe: commitments.titleDe,
    localTitleDe: planCommitments.localTitleDe,
    localTitleEn: planCommitments.localTitleEn,
    contextDe: planCommitments.contextDe,
    contextEn: planCommitments.contextEn,
  }).from(commitments)
    .leftJoin(planCommitments, and(eq(planCommitments.commitmentNumber, commitments.number), eq(planCommitments.planId, planId)))
    .orderBy(asc(commitments.number))
}

/** Every plan has a row per commitment, so local texts can be updated in place. */
/** The id of the new plan. */
export async function insertPlan (db: Db, values: typeof plans.$inferInsert) {
  const [row] = await db.insert(plans).values(values).returning({ id: plans.id })
  return row!.id
}

export async function deletePlan (db: Db, id: number) {
  await db.delete(plans).where(eq(plans.id, id))
}

/** The commitment's row of the plan before and after the change, for the audit entry. */
export async function updatePlanCommitment (db: Db, planId: number, number: number, changes: Partial<typeof planCommitments.$inferInsert>) {
  const where = and(eq(planCommitments.planId, planId), eq(planCommitments.commitmentNumber, number))
  const [before] = await db.select().from(planCommitments).where(where)
  const [after] = await db.update(planCommitments).set(changes).where(where).returning()
  return { before, after }
}

export async function insertEmptyPlanCommitments (db: Db, planId: number) {
  await db.insert(planCommitments).values(Array.from({ length: 10 }, (_, i) => ({ planId, commitmentNumber: i + 1 })))
}

/** The plan's whole status timeline, for charts of progress over time: no notes, no people. */
export function planStatusHistory (db: Db, planId: number, visible: SQL) {
  return db.select({
    measureId: measures.id,
    code: measures.code,
    primaryCommitment: measures.primaryCommitment,
    date: statusUpdates.date,
    fromStatus: statusUpdates.fromStatus,
    status: statusUpdates.status,
    progress: statusUpdates.progress,
  }).from(statusUpdates)
    .innerJoin(measures, eq(measures.id, statusUpdates.measureId))
    .where(and(eq(measures.planId, planId), visible))
    .orderBy(asc(statusUpdates.date), asc(statusUpdates.id))
}
