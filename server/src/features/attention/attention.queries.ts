import { and, asc, eq, exists, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { preparedPerHandle } from '../../db/prepared.ts'
import { cities, measureInvolvedOrganisations, measures, organisations, plans, statusUpdates } from '../../db/schema/index.ts'

/** The plan with what the classification needs from it and its city. */
const planQuery = preparedPerHandle((db) => db.select({
  id: plans.id,
  cityId: plans.cityId,
  periodEnd: plans.periodEnd,
  staleMonths: cities.attentionStaleMonths,
  timeZone: cities.timeZone,
}).from(plans).innerJoin(cities, eq(cities.id, plans.cityId)).where(eq(plans.id, sql.placeholder('id'))).prepare('attention_plan'))

export async function findPlanForAttention (db: Db, id: number) {
  const [row] = await planQuery(db).execute({ id })
  return row
}

/**
 * Live measures of a plan in plan order, with their lead body and the date of their newest status
 * update; with `organisation`, the measures that body leads or is involved in. Both shapes are built
 * once per database handle (prepared): the signed-in workspace asks this on every visit.
 */
const liveMeasuresQuery = (byOrganisation: boolean) => preparedPerHandle((db) => {
  const conditions: SQL[] = [eq(measures.planId, sql.placeholder('planId')), isNull(measures.deletedAt)]
  if (byOrganisation) {
    conditions.push(or(
      eq(measures.leadOrganisationId, sql.placeholder('organisationId')),
      exists(db.select({ one: sql`1` }).from(measureInvolvedOrganisations).where(and(
        eq(measureInvolvedOrganisations.measureId, measures.id),
        eq(measureInvolvedOrganisations.organisationId, sql.placeholder('organisationId')),
      ))),
    )!)
  }
  // Each measure's lead body looked up by its key: as a join, the planner hashed every city's bodies for
  // each request (1.2 of the statement's 1.6 ms in a network of 5,000 bodies). The `limit 1` keeps
  // PostgreSQL from flattening the lateral subquery back into that join.
  const lead = db.select({ id: organisations.id, name: organisations.name, nameEn: organisations.nameEn })
    .from(organisations).where(eq(organisations.id, measures.leadOrganisationId)).limit(1).as('lead')
  return db.select({
    id: measures.id,
    code: measures.code,
    titleDe: measures.titleDe,
    titleEn: measures.titleEn,
    status: measures.status,
    progress: measures.progress,
    endDate: measures.endDate,
    createdAt: measures.createdAt,
    // As text: node-postgres would turn a bare date into a JavaScript Date at local midnight.
    lastUpdate: sql<string | null>`(select max(${statusUpdates.date})::text from ${statusUpdates} where ${statusUpdates.measureId} = ${measures.id})`,
    leadId: lead.id,
    leadName: lead.name,
    leadNameEn: lead.nameEn,
  }).from(measures)
    .leftJoinLateral(lead, sql`true`)
    .where(and(...conditions))
    .orderBy(asc(measures.primaryCommitment), asc(measures.position))
    .prepare(byOrganisation ? 'attention_measures_of_organisation' : 'attention_measures')
})
const allLiveMeasures = liveMeasuresQuery(false)
const liveMeasuresOfOrganisation = liveMeasuresQuery(true)

export function listLiveMeasures (db: Db, planId: number, organisationId?: number) {
  return organisationId === undefined
    ? allLiveMeasures(db).execute({ planId })
    : liveMeasuresOfOrganisation(db).execute({ planId, organisationId })
}
export type LiveMeasureRow = Awaited<ReturnType<typeof listLiveMeasures>>[number]
