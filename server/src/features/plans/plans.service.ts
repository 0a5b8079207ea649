import type { CreatePlan, PlanDetail, PlanProgress, PlanSummary, Role, UpdatePlan, UpdatePlanCommitment } from '@eccar/shared'
import { eq } from 'drizzle-orm'
import { requireRole, systemActor, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { SerialisedAnswer } from '../../lib/serialised-answer.ts'
import { plans } from '../../db/schema/index.ts'
import { getCityAs, getCityBySlug } from '../cities/cities.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { updateVersioned } from '../common/versioned-write.queries.ts'
import { measureVisibleInCityOf, measureVisibleTo, readerValues, visiblePlanStates } from '../common/visibility.ts'
import {
  PlanNotDraftError, PlanNotFoundError, PlanPeriodInvalidError, PredecessorInvalidError,
} from './plans.errors.ts'
import {
  countMeasures, deletePlan, findPlan, findPlanDetail, findPlanDetailJson, findPlanProgress, insertEmptyPlanCommitments, insertPlan,
  listPlansOfCity, listSuccessors, planStatusHistory, updatePlanCommitment,
  type PlanRow,
} from './plans.queries.ts'

/** `successorId` only where it was looked up: a plan just created or imported is a draft nobody continues yet. */
export function toPlanSummary (row: PlanRow, measureCount: number, successorId: number | null = null): PlanSummary {
  return {
    id: row.id,
    citySlug: row.citySlug,
    cityName: row.cityName,
    titleDe: row.titleDe,
    titleEn: row.titleEn,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    resolutionNumber: row.resolutionNumber,
    resolutionDate: row.resolutionDate,
    state: row.state,
    predecessorId: row.predecessorId,
    successorId,
    measureCount,
    version: row.version,
  }
}

// The plan as other features use it (the import boundary lets them reach plans only through this file).

/** The plan with its city, or 404 PLAN_NOT_FOUND; `forUpdate` locks the plan's row for the caller's transaction. */
export async function getPlan (db: Db, id: number, options: { forUpdate?: boolean } = {}): Promise<PlanRow> {
  const plan = await findPlan(db, id, options)
  if (!plan) throw new PlanNotFoundError(id)
  return plan
}

/** The plan for an actor with at least `role` in its city; to anyone without a role there it does not exist (404, not 403). */
export async function getPlanAs (db: Db, id: number, actor: Actor, role: Role, options: { forUpdate?: boolean } = {}): Promise<PlanRow> {
  const plan = await getPlan(db, id, options)
  requireRole(actor, plan.cityId, role, () => new PlanNotFoundError(id))
  return plan
}

/** A plan the actor may read (`visiblePlanStates`); others' drafts are "not found", not "forbidden". */
export async function getVisiblePlan (db: Db, id: number, actor: Actor): Promise<PlanRow> {
  const plan = await findPlan(db, id)
  if (!plan || !visiblePlanStates(actor, plan.cityId).includes(plan.state)) throw new PlanNotFoundError(id)
  return plan
}

export { listPlanCommitments, listPlansOfCity } from './plans.queries.ts'
export { PlanNotFoundError, PlanPeriodInvalidError } from './plans.errors.ts'

export function createPlansService (db: Db, onChange: ChangeListener = () => {}) {
  const visiblePlan = (id: number, actor: Actor) => getVisiblePlan(db, id, actor)

  /** The plan's detail as `actor` sees it and its city, in one statement; undefined for an unknown id. */
  async function findDetail (tx: Db, id: number, actor: Actor): Promise<{ cityId: number, plan: PlanDetail } | undefined> {
    const row = await findPlanDetail(tx, id, measureVisibleInCityOf(actor, plans.cityId))
    if (!row) return undefined
    const measureCount = row.commitments.reduce((sum, c) => sum + c.measureCount, 0)
    return {
      cityId: row.cityId,
      plan: { ...toPlanSummary(row, measureCount, row.successorId), introDe: row.introDe, introEn: row.introEn, commitments: row.commitments },
    }
  }
  const detail = async (tx: Db, plan: PlanRow, actor: Actor): Promise<PlanDetail> => (await findDetail(tx, plan.id, actor))!.plan

  async function checkPredecessor (tx: Db, cityId: number, planId: number | null, predecessorId: number | null | undefined) {
    if (predecessorId === undefined || predecessorId === null) return
    const predecessor = await findPlan(tx, predecessorId)
    if (!predecessor || predecessor.cityId !== cityId || predecessor.id === planId) throw new PredecessorInvalidError()
  }

  /** The plan locked for a versioned write by one of its city's administrators. */
  const lockPlan = (tx: Db, id: number, expected: number | undefined, actor: Actor) => lockVersioned({
    lock: () => findPlan(tx, id, { forUpdate: true }),
    notFound: () => new PlanNotFoundError(id),
    check: (plan) => requireRole(actor, plan.cityId, 'admin', () => new PlanNotFoundError(id)),
    expected,
    current: (plan) => detail(tx, plan, systemActor),
  })
  const updatePlan = (tx: Db, plan: PlanRow, values: Partial<typeof plans.$inferInsert> = {}) =>
    updateVersioned(tx, plans, eq(plans.id, plan.id), plan.version, values)

  /** The progress summary as the reader sees it, in the text the database keeps; one statement with the visibility check. */
  async function progressAnswer (id: number, actor: Actor) {
    const plan = await findPlanProgress(db, id, readerValues(actor))
    if (!plan || !visiblePlanStates(actor, plan.cityId).includes(plan.state)) throw new PlanNotFoundError(id)
    return new SerialisedAnswer(plan.body)
  }

  return {
    getVisiblePlan: visiblePlan,

    async listForCity (citySlug: string, actor: Actor): Promise<PlanSummary[]> {
      const city = await getCityBySlug(db, citySlug)
      const rows = await listPlansOfCity(db, city.id, visiblePlanStates(actor, city.id))
      const ids = rows.map((row) => row.id)
      const [counts, successors] = await Promise.all([countMeasures(db, ids, measureVisibleTo(actor, city.id)), listSuccessors(db, ids)])
      return rows.map((row) => toPlanSummary(
        row,
        counts.filter((c) => c.planId === row.id).reduce((sum, c) => sum + c.count, 0),
        successors.find((s) => s.predecessorId === row.id)?.id ?? null,
      ))
    },

    /** The plan's detail as the route sends it: JSON text written by the database, with the plan's version. */
    async getDetail (id: number, actor: Actor, options: { contexts: boolean }): Promise<SerialisedAnswer> {
      const found = await findPlanDetailJson(db, id, readerValues(actor), options.contexts)
      if (!found || !visiblePlanStates(actor, found.cityId).includes(found.state)) throw new PlanNotFoundError(id)
      return new SerialisedAnswer(found.body, found.version)
    },

    async create (citySlug: string, input: CreatePlan, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        const city = await getCityAs(tx, citySlug, actor, 'admin')
        if (input.periodEnd < input.periodStart) throw new PlanPeriodInvalidError()
        await checkPredecessor(tx, city.id, null, input.predecessorId)
        const createdId = await insertPlan(tx, { ...input, cityId: city.id })
        await insertEmptyPlanCommitments(tx, createdId)
        const after = (await findPlan(tx, createdId))!
        await recordAudit(tx, actor, { cityId: city.id, action: 'plan.create', entityType: 'plan', entityId: after.id, after })
        return detail(tx, after, actor)
      })
    },

    async update (id: number, input: UpdatePlan, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const before = await lockPlan(tx, id, expected, actor)
        await announce({ planId: id })
        const { version: _ignored, ...changes } = input
        const periodStart = changes.periodStart ?? before.periodStart
        const periodEnd = changes.periodEnd ?? before.periodEnd
        if (periodEnd < periodStart) throw new PlanPeriodInvalidError()
        await checkPredecessor(tx, before.cityId, before.id, changes.predecessorId)
        await updatePlan(tx, before, changes)
        const after = (await findPlan(tx, id))!
        await recordAudit(tx, actor, { cityId: before.cityId, action: 'plan.update', entityType: 'plan', entityId: id, before, after })
        return detail(tx, after, actor)
      })
    },

    async updateCommitment (id: number, number: number, input: UpdatePlanCommitment, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const plan = await lockPlan(tx, id, expected, actor)
        await announce({ planId: id })
        const { version: _ignored, ...changes } = input
        const { before, after } = await updatePlanCommitment(tx, id, number, changes)
        await updatePlan(tx, plan)
        await recordAudit(tx, actor, {
          cityId: plan.cityId, action: 'plan.commitment.update', entityType: 'plan-commitment', entityId: `${id}/${number}`, before, after,
        })
        return detail(tx, (await findPlan(tx, id))!, actor)
      })
    },

    async remove (id: number, expected: number | undefined, actor: Actor) {
      await writeTransaction(db, onChange, async (tx, announce) => {
        const plan = await lockPlan(tx, id, expected, actor)
        await announce({ planId: id })
        if (plan.state !== 'draft') throw new PlanNotDraftError()
        await deletePlan(tx, id)
        await recordAudit(tx, actor, { cityId: plan.cityId, action: 'plan.delete', entityType: 'plan', entityId: id, before: plan })
      })
    },

    async statusHistory (id: number, actor: Actor) {
      const plan = await visiblePlan(id, actor)
      return { items: await planStatusHistory(db, plan.id, measureVisibleTo(actor, plan.cityId)) }
    },

    progressAnswer,

    /** The summary as a value, for the pages and datasets built from it. */
    async progress (id: number, actor: Actor): Promise<PlanProgress> {
      return JSON.parse((await progressAnswer(id, actor)).body) as PlanProgress
    },
  }
}

export type PlansService = ReturnType<typeof createPlansService>
