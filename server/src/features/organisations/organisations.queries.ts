import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cities, measureInvolvedOrganisations, measures, organisations, plans, statusUpdates } from '../../db/schema/index.ts'
import type { PlanState } from '@eccar/shared'

const organisationColumns = {
  id: organisations.id,
  cityId: organisations.cityId,
  citySlug: cities.slug,
  name: organisations.name,
  nameEn: organisations.nameEn,
  kind: organisations.kind,
  descriptionDe: organisations.descriptionDe,
  descriptionEn: organisations.descriptionEn,
  version: organisations.version,
}
export type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>

export async function findOrganisation (db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select(organisationColumns).from(organisations).innerJoin(cities, eq(cities.id, organisations.cityId))
    .where(eq(organisations.id, id))
  const [row] = options.forUpdate ? await query.for('update', { of: organisations }) : await query
  return row
}

export const listOrganisationsOfCity = (db: Db, cityId: number) =>
  db.select(organisationColumns).from(organisations).innerJoin(cities, eq(cities.id, organisations.cityId))
    .where(eq(organisations.cityId, cityId)).orderBy(asc(organisations.name))

export async function nameTaken (db: Db, cityId: number, name: string, exceptId?: number) {
  const conditions = [eq(organisations.cityId, cityId), eq(organisations.name, name)]
  if (exceptId !== undefined) conditions.push(ne(organisations.id, exceptId))
  const rows = await db.select({ id: organisations.id }).from(organisations).where(and(...conditions))
  return rows.length > 0
}

const measureColumns = {
  id: measures.id,
  planId: measures.planId,
  planTitleDe: plans.titleDe,
  planTitleEn: plans.titleEn,
  code: measures.code,
  titleDe: measures.titleDe,
  titleEn: measures.titleEn,
  status: measures.status,
  progress: measures.progress,
}

/** Measures an organisation leads and joins, limited to what the reader may see. */
export async function measuresOfOrganisation (db: Db, id: number, planStates: PlanState[], visible: SQL) {
  const visiblePlan = and(eq(plans.id, measures.planId), inArray(plans.state, planStates))
  const order = [asc(plans.periodStart), asc(measures.primaryCommitment), asc(measures.position)]
  // Sequential: this also runs inside transactions, where queries share one connection.
  const leads = await db.select(measureColumns).from(measures).innerJoin(plans, visiblePlan)
    .where(and(eq(measures.leadOrganisationId, id), visible)).orderBy(...order)
  const joins = await db.select(measureColumns).from(measures).innerJoin(plans, visiblePlan)
    .innerJoin(measureInvolvedOrganisations, eq(measureInvolvedOrganisations.measureId, measures.id))
    .where(and(eq(measureInvolvedOrganisations.organisationId, id), visible)).orderBy(...order)
  return { leads, joins }
}

export async function isReferenced (db: Db, id: number) {
  const result = await db.execute(sql`select (
    exists (select 1 from ${measures} where ${measures.leadOrganisationId} = ${id})
    or exists (select 1 from ${measureInvolvedOrganisations} where ${measureInvolvedOrganisations.organisationId} = ${id})
    or exists (select 1 from ${statusUpdates} where ${statusUpdates.organisationId} = ${id})
  ) as referenced`) as unknown as { rows: { referenced: boolean }[] }
  return Boolean(result.rows[0]?.referenced)
}

export async function insertOrganisation (db: Db, values: typeof organisations.$inferInsert) {
  const [created] = await db.insert(organisations).values(values).returning({ id: organisations.id })
  return created!.id
}

export const deleteOrganisation = (db: Db, id: number) => db.delete(organisations).where(eq(organisations.id, id))
