import { and, asc, eq, exists, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cities, measureInvolvedOrganisations, measures, organisations, plans, statusUpdates } from '../../db/schema/index.ts'

/** The plan with what the classification needs from it and its city. */
export async function findPlanForAttention (db: Db, id: number) {
  const [row] = await db.select({
    id: plans.id,
    cityId: plans.cityId,
    periodEnd: plans.periodEnd,
    staleMonths: cities.attentionStaleMonths,
    timeZone: cities.timeZone,
  }).from(plans).innerJoin(cities, eq(cities.id, plans.cityId)).where(eq(plans.id, id))
  return row
}

/**
 * Live measures of a plan in plan order, with their lead body and the date of their newest status
 * update. `organisationId` keeps the measures that body leads or is involved in.
 */
export function listLiveMeasures (db: Db, planId: number, organisationId?: number) {
  const conditions: SQL[] = [eq(measures.planId, planId), isNull(measures.deletedAt)]
  if (organisationId !== undefined) {
    conditions.push(or(
      eq(measures.leadOrganisationId, organisationId),
      exists(db.select({ one: sql`1` }).from(measureInvolvedOrganisations).where(and(
        eq(measureInvolvedOrganisations.measureId, measures.id),
        eq(measureInvolvedOrganisations.organisationId, organisationId),
      ))),
    )!)
  }
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
    leadId: organisations.id,
    leadName: organisations.name,
    leadNameEn: organisations.nameEn,
  }).from(measures)
    .leftJoin(organisations, eq(organisations.id, measures.leadOrganisationId))
    .where(and(...conditions))
    .orderBy(asc(measures.primaryCommitment), asc(measures.position))
}
export type LiveMeasureRow = Awaited<ReturnType<typeof listLiveMeasures>>[number]
