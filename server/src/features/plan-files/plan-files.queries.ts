import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { insertInChunks } from '../common/measure-links.queries.ts'
import {
  exampleActions, measures, organisations, planCommitments, plans, statusUpdates,
} from '../../db/schema/index.ts'

// Reading a plan file's checks.

export async function exampleActionKeys (db: Db) {
  return new Set((await db.select({ key: exampleActions.key }).from(exampleActions)).map((row) => row.key))
}

/** Whether the city has a plan of this title and start already. */
export async function planWithTitleAndStartExists (db: Db, cityId: number, titleDe: string, periodStart: string) {
  const rows = await db.select({ id: plans.id }).from(plans)
    .where(and(eq(plans.cityId, cityId), eq(plans.titleDe, titleDe), eq(plans.periodStart, periodStart)))
  return rows.length > 0
}

/** The city's organisations' ids by name. */
export async function organisationIdsByName (db: Db, cityId: number) {
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.cityId, cityId))
  return new Map(rows.map((row) => [row.name, row.id]))
}

// Writing an imported plan.

export const insertOrganisations = (db: Db, rows: (typeof organisations.$inferInsert)[]) =>
  db.insert(organisations).values(rows).returning({ id: organisations.id, name: organisations.name })

export async function insertPlan (db: Db, values: typeof plans.$inferInsert) {
  const [plan] = await db.insert(plans).values(values).returning({ id: plans.id })
  return plan!.id
}

export async function insertPlanCommitments (db: Db, rows: (typeof planCommitments.$inferInsert)[]) {
  await db.insert(planCommitments).values(rows)
}

/** Inserts the measures in slices; answers their ids by code. */
export async function insertMeasures (db: Db, rows: (typeof measures.$inferInsert)[]) {
  const ids = new Map<string, number>()
  await insertInChunks(rows, async (chunk) => {
    const inserted = await db.insert(measures).values(chunk).returning({ id: measures.id, code: measures.code })
    for (const row of inserted) ids.set(row.code, row.id)
  })
  return ids
}

// Reading a plan for its file.

export const listPlanCommitmentRows = (db: Db, planId: number) =>
  db.select().from(planCommitments).where(eq(planCommitments.planId, planId)).orderBy(asc(planCommitments.commitmentNumber))

export const listCityOrganisations = (db: Db, cityId: number) =>
  db.select().from(organisations).where(eq(organisations.cityId, cityId)).orderBy(asc(organisations.name))

/** The plan's measures that are not deleted, in plan order, each with its links and its whole timeline. */
export const listMeasuresWithLinks = (db: Db, planId: number) =>
  db.query.measures.findMany({
    where: and(eq(measures.planId, planId), isNull(measures.deletedAt)),
    orderBy: [asc(measures.primaryCommitment), asc(measures.position)],
    with: {
      secondaryCommitments: true,
      involved: true,
      relations: { with: { related: { columns: { code: true, deletedAt: true } } } },
      exampleActions: true,
      statusUpdates: { orderBy: [asc(statusUpdates.date), asc(statusUpdates.id)] },
    },
  })
