import type { PlanState } from '@eccar/shared'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { buildCity, buildMeasure, buildPlan } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'
import type { Actor } from '../../auth/actor.ts'
import { measures, plans } from '../../db/schema/index.ts'
import { canSeeMeasure, measureVisibleInCityOf, measureVisibleTo, readerValues, visiblePlanStates } from './visibility.ts'
import { measureVisibleToReader } from './visibility.queries.ts'

const testDb = await useTestDb()
afterAll(testDb.close)

const city = await buildCity(testDb.db)
const otherCity = await buildCity(testDb.db)

const member = (cityId: number): Actor => ({
  kind: 'user', requestId: null, userId: 1, isPlatformAdmin: false, sessionId: 's', csrfToken: 'c', authMethod: 'password',
  cities: new Map([[cityId, { role: 'viewer', organisationIds: [] }]]),
})
const readers: Record<string, Actor> = {
  public: { kind: 'anonymous', requestId: null },
  'member of the city': member(city.id),
  'member of another city': member(otherCity.id),
  'platform administrator': { ...member(otherCity.id), isPlatformAdmin: true, cities: new Map() } as Actor,
}

type Case = [reader: string, planState: PlanState, isPublic: boolean, hidden: boolean, sees: boolean]
const cases: Case[] = [
  ['public', 'adopted', true, false, true],
  ['public', 'closed', true, false, true],
  ['public', 'draft', true, false, false],
  ['public', 'adopted', false, false, false],
  ['public', 'adopted', true, true, false],
  ['member of the city', 'adopted', true, false, true],
  ['member of the city', 'draft', false, false, true],
  ['member of the city', 'adopted', false, false, true],
  ['member of the city', 'adopted', true, true, false],
  ['member of the city', 'draft', false, true, false],
  ['member of another city', 'adopted', true, false, true],
  ['member of another city', 'adopted', false, false, false],
  ['member of another city', 'draft', true, false, false],
  ['platform administrator', 'draft', false, false, true],
  ['platform administrator', 'adopted', true, true, false],
]

/** One plan per state, one measure per combination of the facts. */
const rows = await Promise.all((['draft', 'adopted', 'closed'] as const).map(async (state) => {
  const plan = await buildPlan(testDb.db, { cityId: city.id, state })
  return Promise.all([true, false].flatMap((isPublic) => [true, false].map(async (hidden) => ({
    planState: state, isPublic, hidden,
    measure: await buildMeasure(testDb.db, plan, { isPublic, deletedAt: hidden ? new Date() : null }),
  }))))
})).then((groups) => groups.flat())
const measureFor = (planState: PlanState, isPublic: boolean, hidden: boolean) =>
  rows.find((row) => row.planState === planState && row.isPublic === isPublic && row.hidden === hidden)!.measure

describe.each(cases)('%s, %s plan, public %s, hidden %s', (reader, planState, isPublic, hidden, sees) => {
  const actor = readers[reader]!
  const measure = measureFor(planState, isPublic, hidden)

  it(`${sees ? 'sees' : 'does not see'} the measure in memory`, () => {
    expect(canSeeMeasure(actor, measure, planState)).toBe(sees)
  })

  it(`${sees ? 'finds' : 'does not find'} the measure in SQL`, async () => {
    const found = await testDb.db.select({ id: measures.id }).from(measures).innerJoin(plans, eq(plans.id, measures.planId))
      .where(and(eq(measures.id, measure.id), measureVisibleTo(actor, city.id), inArray(plans.state, visiblePlanStates(actor, city.id))))
    expect(found.length === 1).toBe(sees)
  })

  it(`${sees ? 'finds' : 'does not find'} the measure in SQL that meets the city as a column`, async () => {
    const found = await testDb.db.select({ id: measures.id }).from(measures).innerJoin(plans, eq(plans.id, measures.planId))
      .where(and(eq(measures.id, measure.id), measureVisibleInCityOf(actor, plans.cityId), inArray(plans.state, visiblePlanStates(actor, city.id))))
    expect(found.length === 1).toBe(sees)
  })

  it(`${sees ? 'finds' : 'does not find'} the measure in the prepared form, the reader as placeholders`, async () => {
    const found = await testDb.db.select({ id: measures.id }).from(measures).innerJoin(plans, eq(plans.id, measures.planId))
      .where(and(eq(measures.id, measure.id), measureVisibleToReader(plans.cityId), inArray(plans.state, visiblePlanStates(actor, city.id))))
      .prepare(`visibility_${reader.replaceAll(' ', '_')}`).execute(readerValues(actor))
    expect(found.length === 1).toBe(sees)
  })
})
