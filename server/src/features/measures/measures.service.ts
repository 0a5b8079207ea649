import type { CreateMeasure, CreateStatusUpdate, HiddenMeasureList, MeasureListQuery, UpdateMeasure } from '@eccar/shared'
import { Limits } from '@eccar/shared'
import { eq } from 'drizzle-orm'
import {
  FieldNotAllowedError, ForbiddenError, organisationScope, requireRole, systemActor, userIdOf, type Actor,
} from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeTransaction, type Announce, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { cityToday } from '../cities/cities.service.ts'
import { measureInvolvedOrganisations, measures, statusUpdates } from '../../db/schema/index.ts'
import { PlanNotFoundError } from '../plans/plans.errors.ts'
import { findPlan } from '../plans/plans.queries.ts'
import type { PlansService } from '../plans/plans.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { updateVersioned } from '../common/versioned-write.queries.ts'
import { canSeeMeasure, measureVisibleTo } from '../common/visibility.ts'
import {
  MeasureCodeTakenError, MeasureNotDeletedError, MeasureNotFoundError, ReportingOrganisationInvalidError, StatusDateInFutureError,
  StatusReasonRequiredError,
} from './measures.errors.ts'
import { toMeasureDetail, toMeasureSummary } from './measures.presenters.ts'
import {
  codeTaken, findMeasureDetail, findMeasureForUpdate, findMeasurePlanId, findPredecessor, insertStatusUpdates, listHiddenMeasures, listMeasures,
  nextPosition, replaceLinks, type MeasureRow,
} from './measures.queries.ts'
import { checkMeasure, needsReason } from './measures.rules.ts'


/** What only the plan's owner decides: the measure's identity, ownership and visibility. */
const adminOnlyFields = ['code', 'primaryCommitment', 'isPublic', 'leadOrganisationId', 'involvedOrganisationIds'] as const

async function involvedIds (db: Db, measureId: number) {
  const rows = await db.select({ id: measureInvolvedOrganisations.organisationId }).from(measureInvolvedOrganisations)
    .where(eq(measureInvolvedOrganisations.measureId, measureId))
  return rows.map((row) => row.id)
}

/**
 * Editors may change the measures they are responsible for: with an organisation scope, only
 * those their bodies lead or join. Returns the bodies the editor acts for on this measure.
 */
export async function requireMeasureEditor (db: Db, actor: Actor, measure: { id: number, cityId: number, leadOrganisationId: number | null }) {
  const role = requireRole(actor, measure.cityId, 'editor', () => new MeasureNotFoundError(measure.id))
  const scope = organisationScope(actor, measure.cityId)
  if (scope === null) return { role, actingFor: [] as number[] }
  const bodies = [measure.leadOrganisationId, ...await involvedIds(db, measure.id)].filter((id): id is number => id !== null)
  const actingFor = bodies.filter((id) => scope.includes(id))
  if (actingFor.length === 0) throw new ForbiddenError('your organisations are not responsible for this measure')
  return { role, actingFor }
}

export function createMeasuresService (db: Db, plans: PlansService, onChange: ChangeListener = () => {}) {
  async function detail (tx: Db, id: number, actor: Actor) {
    const row = await findMeasureDetail(tx, id)
    if (!row || !canSeeMeasure(actor, row, row.plan.state)) throw new MeasureNotFoundError(id)
    const predecessor = row.predecessorMeasureId === null ? undefined : await findPredecessor(tx, row.predecessorMeasureId)
    return toMeasureDetail(row, actor, predecessor)
  }

  /** The measure locked for a versioned write; `deleted` writes (restore) find only hidden measures. */
  function lockMeasure (tx: Db, id: number, expected: number | undefined, authorize: (row: MeasureRow) => unknown, options: { deleted?: boolean } = {}) {
    const deleted = options.deleted ?? false
    return lockVersioned({
      lock: () => findMeasureForUpdate(tx, id),
      notFound: () => new MeasureNotFoundError(id),
      check: async (row) => {
        await authorize(row)
        if ((row.deletedAt !== null) !== deleted) throw deleted ? new MeasureNotDeletedError(id) : new MeasureNotFoundError(id)
      },
      expected,
      current: () => (deleted ? null : detail(tx, id, systemActor)),
    })
  }
  const asAdmin = (actor: Actor) => (row: MeasureRow) => requireRole(actor, row.cityId, 'admin', () => new MeasureNotFoundError(row.id))
  const currentRow = async (tx: Db, id: number) => (await findMeasureForUpdate(tx, id))!
  const updateMeasure = (tx: Db, row: MeasureRow, values: Partial<typeof measures.$inferInsert>) =>
    updateVersioned(tx, measures, eq(measures.id, row.id), row.version, values)

  /** One status report inside the caller's transaction; returns the new timeline entry's id. */
  async function recordStatusUpdate (tx: Db, announce: Announce, id: number, input: CreateStatusUpdate, expected: number | undefined, actor: Actor) {
    let actingFor: number[] = []
    const current = await lockMeasure(tx, id, expected, async (row) => {
      actingFor = (await requireMeasureEditor(tx, actor, row)).actingFor
    })
    await announce({ planId: current.planId })
    const reason = input.reason?.trim() ? input.reason : null
    if (needsReason(input.status) && !reason) throw new StatusReasonRequiredError(input.status)
    const today = await cityToday(tx, current.cityId)
    const date = input.date ?? today
    if (date > today) throw new StatusDateInFutureError()
    const bodies = [current.leadOrganisationId, ...await involvedIds(tx, id)].filter((body): body is number => body !== null)
    const organisationId = input.organisationId ?? actingFor[0] ?? current.leadOrganisationId
    const allowed = actingFor.length > 0 ? actingFor : bodies
    if (input.organisationId !== undefined && !allowed.includes(input.organisationId)) throw new ReportingOrganisationInvalidError(input.organisationId)
    await updateMeasure(tx, current, { status: input.status, progress: input.progress, statusReason: needsReason(input.status) ? reason : null })
    const [entry] = await tx.insert(statusUpdates).values({
      measureId: id, date, fromStatus: current.status, status: input.status, fromProgress: current.progress, progress: input.progress,
      noteDe: input.noteDe ?? null, noteEn: input.noteEn ?? null, reason,
      evidenceLinks: (input.evidenceLinks ?? []).map((link) => ({ url: link.url, label: link.label ?? null })),
      organisationId, userId: userIdOf(actor),
    }).returning({ id: statusUpdates.id })
    await recordAudit(tx, actor, {
      cityId: current.cityId, action: 'measure.status.update', entityType: 'measure', entityId: id,
      before: current, after: { ...await currentRow(tx, id), statusUpdateId: entry!.id },
    })
    return entry!.id
  }

  return {
    async list (planId: number, query: MeasureListQuery, actor: Actor) {
      const plan = await plans.getVisiblePlan(planId, actor)
      const limit = query.limit ?? Limits.listPageDefault
      const offset = query.offset ?? 0
      const { rows, total } = await listMeasures(db, planId, { ...query, limit, offset }, measureVisibleTo(actor, plan.cityId))
      return { items: rows.map(toMeasureSummary), total, limit, offset }
    },

    get: (id: number, actor: Actor) => detail(db, id, actor),

    /** Only the plan's administrators restore measures, so only they see which ones are hidden. */
    async listHidden (planId: number, actor: Actor): Promise<HiddenMeasureList> {
      const plan = await findPlan(db, planId)
      if (!plan) throw new PlanNotFoundError(planId)
      requireRole(actor, plan.cityId, 'admin', () => new PlanNotFoundError(planId))
      const rows = await listHiddenMeasures(db, planId)
      return { items: rows.map((row) => ({ ...row, hiddenAt: row.hiddenAt!.toISOString() })) }
    },

    /** Which plan's cached answers a measure's page belongs with; null for an unknown id. */
    planIdOf: (id: number) => findMeasurePlanId(db, id),

    async create (planId: number, input: CreateMeasure, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        await announce({ planId })
        const plan = await findPlan(tx, planId, { forUpdate: true })
        if (!plan) throw new PlanNotFoundError(planId)
        requireRole(actor, plan.cityId, 'admin', () => new PlanNotFoundError(planId))
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
          measureId: id, date: await cityToday(tx, plan.cityId), status, progress: fields.progress ?? 0, reason: fields.statusReason ?? null,
          userId: userIdOf(actor), organisationId: fields.leadOrganisationId ?? null,
        }])
        await recordAudit(tx, actor, { cityId: plan.cityId, action: 'measure.create', entityType: 'measure', entityId: id, after: await currentRow(tx, id) })
        return detail(tx, id, actor)
      })
    },

    async update (id: number, input: UpdateMeasure, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        let actingFor: number[] = []
        const current = await lockMeasure(tx, id, expected, async (row) => {
          const access = await requireMeasureEditor(tx, actor, row)
          actingFor = access.actingFor
          if (access.role === 'editor') {
            const forbidden = adminOnlyFields.find((field) => input[field] !== undefined)
            if (forbidden) throw new FieldNotAllowedError(forbidden)
          }
        })
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
        await updateMeasure(tx, current, { ...fields, statusReason })
        await replaceLinks(tx, id, { secondaryCommitments, involvedOrganisationIds, relatedMeasures, exampleActions })
        const progress = fields.progress ?? current.progress
        if (statusChanged || progress !== current.progress) {
          await insertStatusUpdates(tx, [{
            measureId: id, date: await cityToday(tx, current.cityId), fromStatus: current.status, status, fromProgress: current.progress, progress,
            reason: statusReason, userId: userIdOf(actor), organisationId: actingFor[0] ?? current.leadOrganisationId,
          }])
        }
        await recordAudit(tx, actor, { cityId: current.cityId, action: 'measure.update', entityType: 'measure', entityId: id, before: current, after: await currentRow(tx, id) })
        return detail(tx, id, actor)
      })
    },

    /** Hides the measure everywhere; its links and history stay so it can be restored. */
    /**
     * A dated report from the steering group: one timeline entry (old → new, who, which body) and
     * the measure's current status, progress and reason, in one transaction.
     */
    async addStatusUpdate (id: number, input: CreateStatusUpdate, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const entryId = await recordStatusUpdate(tx, announce, id, input, expected, actor)
        const measure = await detail(tx, id, actor)
        return { entry: measure.statusHistory.find((e) => e.id === entryId)!, measure }
      })
    },

    /**
     * The same report inside the caller's transaction, without reading the measure back: for bulk imports,
     * which announce the plan's change themselves. A refused report throws before it writes anything.
     */
    recordStatusUpdate: (tx: Db, id: number, input: CreateStatusUpdate, expected: number, actor: Actor) =>
      recordStatusUpdate(tx, async () => {}, id, input, expected, actor),

    /** Returns the new version: the one a later restore must name. */
    async remove (id: number, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const row = await lockMeasure(tx, id, expected, asAdmin(actor))
        await announce({ planId: row.planId })
        const version = await updateMeasure(tx, row, { deletedAt: new Date() })
        await recordAudit(tx, actor, { cityId: row.cityId, action: 'measure.delete', entityType: 'measure', entityId: id, before: row, after: await currentRow(tx, id) })
        return version
      })
    },

    async restore (id: number, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const row = await lockMeasure(tx, id, expected, asAdmin(actor), { deleted: true })
        await announce({ planId: row.planId })
        if (await codeTaken(tx, row.planId, row.code)) throw new MeasureCodeTakenError(row.code)
        await updateMeasure(tx, row, { deletedAt: null })
        await recordAudit(tx, actor, { cityId: row.cityId, action: 'measure.restore', entityType: 'measure', entityId: id, before: row, after: await currentRow(tx, id) })
        return detail(tx, id, actor)
      })
    },
  }
}

async function currentSecondary (db: Db, id: number) {
  const row = await db.query.measureSecondaryCommitments.findMany({ where: (t, { eq }) => eq(t.measureId, id) })
  return row.map((r) => r.commitmentNumber)
}
