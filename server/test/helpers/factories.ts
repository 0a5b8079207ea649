import type { MeasureStatus } from '@eccar/shared'
import type { Db } from '../../src/db/client.ts'
import {
  cities, measureExampleActions, measureInvolvedOrganisations, measureRelations, measures, measureSecondaryCommitments,
  organisations, planCommitments, plans, statusUpdates,
} from '../../src/db/schema/index.ts'

let sequence = 0
const next = () => ++sequence

export async function buildCity (db: Db, overrides: Partial<typeof cities.$inferInsert> = {}) {
  const n = next()
  const [city] = await db.insert(cities).values({ slug: `city-${n}`, name: `City ${n}`, ...overrides }).returning()
  return city!
}

export async function buildPlan (db: Db, overrides: Partial<typeof plans.$inferInsert> = {}) {
  const cityId = overrides.cityId ?? (await buildCity(db)).id
  const [plan] = await db.insert(plans).values({
    titleDe: `Aktionsplan ${next()}`,
    titleEn: 'Action plan',
    periodStart: '2024-01-01',
    periodEnd: '2025-12-31',
    state: 'adopted',
    ...overrides,
    cityId,
  }).returning()
  await db.insert(planCommitments).values(Array.from({ length: 10 }, (_, i) => ({
    planId: plan!.id, commitmentNumber: i + 1, localTitleDe: null, contextDe: `Kontext ${i + 1}`,
  })))
  return plan!
}

export async function buildOrganisation (db: Db, cityId: number, overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const [organisation] = await db.insert(organisations).values({
    name: `Amt ${next()}`, kind: 'municipal_unit', ...overrides, cityId,
  }).returning()
  return organisation!
}

export interface MeasureOverrides extends Partial<typeof measures.$inferInsert> {
  secondaryCommitments?: number[]
  involvedOrganisationIds?: number[]
  status?: MeasureStatus
}

export async function buildMeasure (db: Db, plan: { id: number, cityId: number }, overrides: MeasureOverrides = {}) {
  const { secondaryCommitments = [], involvedOrganisationIds = [], ...fields } = overrides
  const n = next()
  const [measure] = await db.insert(measures).values({
    code: `${fields.primaryCommitment ?? 1}.${n}`,
    position: n,
    primaryCommitment: 1,
    titleDe: `Maßnahme ${n}`,
    titleEn: `Measure ${n}`,
    type: 'implementation',
    ...fields,
    planId: plan.id,
    cityId: plan.cityId,
  }).returning()
  if (secondaryCommitments.length) {
    await db.insert(measureSecondaryCommitments).values(secondaryCommitments.map((commitmentNumber) => ({ measureId: measure!.id, commitmentNumber })))
  }
  if (involvedOrganisationIds.length) {
    await db.insert(measureInvolvedOrganisations).values(involvedOrganisationIds.map((organisationId) => ({ measureId: measure!.id, organisationId })))
  }
  return measure!
}

/** A link "from refers to to", as the measure page shows it under relatedMeasures / referencedBy. */
export async function linkMeasures (db: Db, from: { id: number }, to: { id: number }, overrides: Partial<typeof measureRelations.$inferInsert> = {}) {
  const [relation] = await db.insert(measureRelations).values({ ...overrides, measureId: from.id, relatedMeasureId: to.id }).returning()
  return relation!
}

/** Links ECCAR example actions (keys like `1.a`, filled by the migrations) to a measure. */
export async function linkExampleActions (db: Db, measure: { id: number }, keys: string[]) {
  await db.insert(measureExampleActions).values(keys.map((exampleActionKey) => ({ measureId: measure.id, exampleActionKey })))
}

export async function buildStatusUpdate (db: Db, measure: { id: number }, overrides: Partial<typeof statusUpdates.$inferInsert> = {}) {
  const [update] = await db.insert(statusUpdates).values({
    date: '2024-03-01', status: 'in_progress', progress: 0, ...overrides, measureId: measure.id,
  }).returning()
  return update!
}
