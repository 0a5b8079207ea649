import type { CreateMeasure, MeasureListQuery, UpdateMeasure } from '@eccar/shared'
import { Limits } from '@eccar/shared'
import { and, eq, sql } from 'drizzle-orm'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { measures } from '../../db/schema/index.ts'
import type { Actor } from '../../plugins/access.ts'
import { PlanNotFoundError } from '../plans/plans.errors.ts'
import { findPlan } from '../plans/plans.queries.ts'
import type { PlansService } from '../plans/plans.service.ts'
import { VersionConflictError } from '../shared/versioning.ts'
import { measureVisibleTo, visiblePlanStates } from '../shared/visibility.ts'
import { MeasureCodeTakenError, MeasureNotDeletedError, MeasureNotFoundError } from './measures.errors.ts'
import { toMeasureDetail, toMeasureSummary } from './measures.presenters.ts'
import {
  codeTaken, findMeasureDetail, findMeasureForUpdate, insertStatusUpdates, listMeasures, nextPosition, replaceLinks,
} from './measures.queries.ts'
import { checkMeasure } from './measures.rules.ts'

const today = () => new Date().toISOString().slice(0, 10)
const developer: Actor = { kind: 'developer' }

export function createMeasuresService (db: Db, plans: PlansService, onChange: ChangeListener = () => {}) {
  async function detail (tx: Db, id: number, actor: Actor) {
    const row = await findMeasureDetail(tx, id)
    const visible = row && row.deletedAt === null && (row.isPublic || actor.kind === 'developer')
      && visiblePlanStates(actor).includes(row.plan.state)
    if (!visible) throw new MeasureNotFoundError(id)
    return toMeasureDetail(row, actor)
  }

  /** Locks the row, then compares versions: the check and the write cannot interleave with another writer. */
  async function lockForWrite (tx: Db, id: number, expected: number, options: { deleted?: boolean } = {}) {
    const row = await findMeasureForUpdate(tx, id)
    if (!row || (row.deletedAt !== null) !== (options.deleted ?? false)) {
      if (row && options.deleted) throw new MeasureNotDeletedError(id)
      throw new MeasureNotFoundError(id)
    }
    if (row.version !== expected) throw new VersionConflictError(options.deleted ? null : await detail(tx, id, developer))
    return row
  }

  async function bump (tx: Db, id: number, expected: number, values: Partial<typeof measures.$inferInsert>) {
    const updated = await tx.update(measures)
      .set({ ...values, version: sql`${measures.version} + 1`, updatedAt: new Date() })
      .where(and(eq(measures.id, id), eq(measures.version, expected)))
      .returning({ id: measures.id })
    if (updated.length === 0) throw new VersionConflictError(null)
  }

  return {
    async list (planId: number, query: MeasureListQuery, actor: Actor) {
      await plans.getVisiblePlan(planId, actor)
      const limit = query.limit ?? Limits.listPageDefault
      const offset = query.offset ?? 0
      const { rows, total } = await listMeasures(db, planId, { ...query, limit, offset }, measureVisibleTo(actor))
      return { items: rows.map(toMeasureSummary), total, limit, offset }
    },

    get: (id: number, actor: Actor) => detail(db, id, actor),

    async create (planId: number, input: CreateMeasure, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        await announce({ planId })
        const plan = await findPlan(tx, planId, { forUpdate: true })
        if (!plan) throw new PlanNotFoundError(planId)
        const { secondaryCommitments, involvedOrganisationIds, relatedMeasures, exampleActions, ...fields } = input
        const status = fields.status ?? 'planned'
        await checkMeasure(tx, {
          planId, cityId: plan.cityId, primaryCommitment: fields.primaryCommitment, secondaryCommitments,
          startDate: fields.startDate ?? null, endDate: fields.endDate ?? null, status, statusReason: fields.statusReason ?? null,
          leadOrganisationId: fields.leadOrganisationId ?? null, involvedOrganisationIds,
          relatedMeasureIds: relatedMeasures?.map((r) => r.measureId), exampleActions,
        })
        if (await codeTaken(tx, planId, fields.code)) throw new MeasureCodeTakenError(fields.code)
        const [created] = await tx.insert(measures)
          .values({ ...fields, status, planId, cityId: plan.cityId, position: await nextPosition(tx, planId) })
          .returning({ id: measures.id })
        const id = created!.id
        await replaceLinks(tx, id, { secondaryCommitments, involvedOrganisationIds, relatedMeasures, exampleActions })
        // The timeline starts with the status the measure was created with.
        await insertStatusUpdates(tx, [{
          measureId: id, date: today(), status, progress: fields.progress ?? 0, reason: fields.statusReason ?? null,
        }])
        return detail(tx, id, actor)
      })
    },

    async update (id: number, input: UpdateMeasure, expected: number, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const current = await lockForWrite(tx, id, expected)
        await announce({ planId: current.planId })
        const { version: _ignored, secondaryCommitments, involvedOrganisationIds, relatedMeasures, exampleActions, ...fields } = input
        const status = fields.status ?? current.status
        const statusChanged = status !== current.status
        // A new status starts without the old one's reason; an unchanged status keeps it unless a new one is sent.
        const statusReason = fields.statusReason !== undefined ? fields.statusReason : (statusChanged ? null : current.statusReason)
        const primaryCommitment = fields.primaryCommitment ?? current.primaryCommitment
        await checkMeasure(tx, {
          id, planId: current.planId, cityId: current.cityId, primaryCommitment,
          secondaryCommitments: secondaryCommitments ?? (fields.primaryCommitment ? await currentSecondary(tx, id) : undefined),
          startDate: fields.startDate !== undefined ? fields.startDate : current.startDate,
          endDate: fields.endDate !== undefined ? fields.endDate : current.endDate,
          status, statusReason,
          leadOrganisationId: fields.leadOrganisationId !== undefined ? fields.leadOrganisationId : current.leadOrganisationId,
          involvedOrganisationIds, relatedMeasureIds: relatedMeasures?.map((r) => r.measureId), exampleActions,
        })
        if (fields.code && fields.code !== current.code && await codeTaken(tx, current.planId, fields.code, id)) {
          throw new MeasureCodeTakenError(fields.code)
        }
        await bump(tx, id, expected, { ...fields, statusReason })
        await replaceLinks(tx, id, { secondaryCommitments, involvedOrganisationIds, relatedMeasures, exampleActions })
        const progress = fields.progress ?? current.progress
        if (statusChanged || progress !== current.progress) {
          await insertStatusUpdates(tx, [{
            measureId: id, date: today(), fromStatus: current.status, status, fromProgress: current.progress, progress,
            reason: statusReason,
          }])
        }
        return detail(tx, id, actor)
      })
    },

    /** Hides the measure everywhere; its links and history stay so it can be restored. */
    /** Returns the new version: the one a later restore must name. */
    async remove (id: number, expected: number) {
      await writeTransaction(db, onChange, async (tx, announce) => {
        const row = await lockForWrite(tx, id, expected)
        await announce({ planId: row.planId })
        await bump(tx, id, expected, { deletedAt: new Date() })
      })
      return expected + 1
    },

    async restore (id: number, expected: number, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const row = await lockForWrite(tx, id, expected, { deleted: true })
        await announce({ planId: row.planId })
        if (await codeTaken(tx, row.planId, row.code)) throw new MeasureCodeTakenError(row.code)
        await bump(tx, id, expected, { deletedAt: null })
        return detail(tx, id, actor)
      })
    },
  }
}

async function currentSecondary (db: Db, id: number) {
  const row = await db.query.measureSecondaryCommitments.findMany({ where: (t, { eq }) => eq(t.measureId, id) })
  return row.map((r) => r.commitmentNumber)
}
