import type {
  CreateMeasure, CreateStatusUpdate, HiddenMeasureList, MeasureListQuery, StatusHistoryPage, StatusHistoryQuery, UpdateMeasure,
} from '@eccar/shared'
import { Limits } from '@eccar/shared'
import { eq } from 'drizzle-orm'
import {
  canSeeInternal, FieldNotAllowedError, ForbiddenError, organisationScope, requireRole, systemActor, userIdOf, type Actor,
} from '../../auth/actor.ts'
import { recordAudit, recordAudits } from '../audit/audit.writer.ts'
import { writeTransaction, type Announce, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { SerialisedAnswer } from '../../lib/serialised-answer.ts'
import { cityToday } from '../cities/cities.service.ts'
import { measures } from '../../db/schema/index.ts'
import { getPlanAs, PlanNotFoundError, type PlansService } from '../plans/plans.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { updateVersioned, updateVersionedRows } from '../common/versioned-write.queries.ts'
import { canSeeMeasure, readerValues, visiblePlanStates } from '../common/visibility.ts'
import {
  MeasureCodeTakenError, MeasureNotDeletedError, MeasureNotFoundError, ReportingOrganisationInvalidError, StatusDateInFutureError,
  StatusReasonRequiredError,
} from './measures.errors.ts'
import { timelineNext, toMeasureDetail, toStatusEntry } from './measures.presenters.ts'
import {
  codeTaken, findMeasureDetail, findMeasureForUpdate, findMeasurePlanId, findMeasuresForUpdate, findMeasureVisibility, findPredecessor,
  findStatusEntry, findTimelinePage, insertMeasure, insertStatusUpdate, insertStatusUpdates, insertStatusUpdatesReturning,
  involvedOrganisationsOf, listHiddenMeasures, listMeasuresJson, nextPosition, replaceLinks, secondaryCommitmentsOf,
  type MeasureRow,
} from './measures.queries.ts'
import { checkMeasure, needsReason } from './measures.rules.ts'
import { findMeasurePageJson } from './measure-page.queries.ts'


/** Rows per statement of a batch write, well below PostgreSQL's 65,535 parameters. */
const writeBatchSize = 500

/** What only the plan's owner decides: the measure's identity, ownership and visibility. */
const adminOnlyFields = ['code', 'primaryCommitment', 'isPublic', 'leadOrganisationId', 'involvedOrganisationIds'] as const

/** The bodies involved in one measure besides its lead. */
const involvedIds = async (db: Db, measureId: number) => (await involvedOrganisationsOf(db, [measureId])).get(measureId) ?? []

/**
 * Editors may change the measures they are responsible for: with an organisation scope, only
 * those their bodies lead or join. Returns the bodies the editor acts for on this measure.
 */
export async function requireMeasureEditor (db: Db, actor: Actor, measure: { id: number, cityId: number, leadOrganisationId: number | null }) {
  requireRole(actor, measure.cityId, 'editor', () => new MeasureNotFoundError(measure.id))
  const scoped = organisationScope(actor, measure.cityId) !== null
  return measureEditorAccess(actor, measure, scoped ? await involvedIds(db, measure.id) : [])
}

/** The same rule with the measure's involved bodies already loaded (batch writes load them for all rows at once). */
function measureEditorAccess (actor: Actor, measure: { id: number, cityId: number, leadOrganisationId: number | null }, involved: readonly number[]) {
  const role = requireRole(actor, measure.cityId, 'editor', () => new MeasureNotFoundError(measure.id))
  const scope = organisationScope(actor, measure.cityId)
  if (scope === null) return { role, actingFor: [] as number[] }
  const bodies = [measure.leadOrganisationId, ...involved].filter((id): id is number => id !== null)
  const actingFor = bodies.filter((id) => scope.includes(id))
  if (actingFor.length === 0) throw new ForbiddenError('your organisations are not responsible for this measure')
  return { role, actingFor }
}

/** One report of a batch: which measure, what is reported, and the version it was based on. */
export interface StatusReport { id: number, input: CreateStatusUpdate, expected: number }
/** Per report of a batch: the error that refuses it, or null when it passes. */
export type StatusReportOutcome = { refused: Error & { code?: string } } | { refused: null }

/**
 * The measure's page built from its rows in the server, as the answers of writes carry it (inside their
 * transaction); the read route sends the same page as the database writes it (`findMeasurePageJson`).
 */
export async function presentMeasure (tx: Db, id: number, actor: Actor) {
  const row = await findMeasureDetail(tx, id)
  if (!row || !canSeeMeasure(actor, row, row.plan.state)) throw new MeasureNotFoundError(id)
  const predecessor = row.predecessorMeasureId === null ? undefined : await findPredecessor(tx, row.predecessorMeasureId)
  return toMeasureDetail(row, actor, predecessor)
}

export function createMeasuresService (db: Db, plans: PlansService, onChange: ChangeListener = () => {}) {
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
      current: () => (deleted ? null : presentMeasure(tx, id, systemActor)),
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
    const entry = await insertStatusUpdate(tx, {
      measureId: id, date, fromStatus: current.status, status: input.status, fromProgress: current.progress, progress: input.progress,
      noteDe: input.noteDe ?? null, noteEn: input.noteEn ?? null, reason,
      evidenceLinks: (input.evidenceLinks ?? []).map((link) => ({ url: link.url, label: link.label ?? null })),
      organisationId, userId: userIdOf(actor),
    })
    await recordAudit(tx, actor, {
      cityId: current.cityId, action: 'measure.status.update', entityType: 'measure', entityId: id,
      before: current, after: { ...await currentRow(tx, id), statusUpdateId: entry.id },
    })
    return entry.id
  }

  /**
   * Judges many status reports inside the caller's transaction, each under the rules of `recordStatusUpdate`
   * (404, role and body, 428/412 version, reason, date, reporting body), reading (and locking) the measures in
   * two statements. Writes nothing; the outcomes name each refusal. A batch names each measure at most once.
   */
  async function judgeStatusUpdates (tx: Db, reports: readonly StatusReport[], actor: Actor) {
    const ids = reports.map((report) => report.id)
    if (new Set(ids).size !== ids.length) throw new Error('a batch of status reports names a measure twice')
    const locked = await findMeasuresForUpdate(tx, ids)
    const involved = await involvedOrganisationsOf(tx, ids)
    // "Today" is each city's own date (its time zone); a batch normally names one city.
    const todays = new Map<number, string>()
    for (const row of locked.values()) if (!todays.has(row.cityId)) todays.set(row.cityId, await cityToday(tx, row.cityId))
    const accepted: { report: StatusReport, current: MeasureRow, reason: string | null, date: string, organisationId: number | null }[] = []
    const outcomes: StatusReportOutcome[] = []
    for (const report of reports) {
      const { id, input } = report
      try {
        let actingFor: number[] = []
        const current = await lockVersioned({
          lock: async () => locked.get(id),
          notFound: () => new MeasureNotFoundError(id),
          check: (row) => {
            actingFor = measureEditorAccess(actor, row, involved.get(id) ?? []).actingFor
            if (row.deletedAt !== null) throw new MeasureNotFoundError(id)
          },
          expected: report.expected,
          current: () => null,
        })
        const reason = input.reason?.trim() ? input.reason : null
        if (needsReason(input.status) && !reason) throw new StatusReasonRequiredError(input.status)
        const now = todays.get(current.cityId)!
        if ((input.date ?? now) > now) throw new StatusDateInFutureError()
        const bodies = [current.leadOrganisationId, ...involved.get(id) ?? []].filter((body): body is number => body !== null)
        const allowed = actingFor.length > 0 ? actingFor : bodies
        if (input.organisationId !== undefined && !allowed.includes(input.organisationId)) throw new ReportingOrganisationInvalidError(input.organisationId)
        accepted.push({ report, current, reason, date: input.date ?? now, organisationId: input.organisationId ?? actingFor[0] ?? current.leadOrganisationId })
        outcomes.push({ refused: null })
      } catch (error) {
        outcomes.push({ refused: error as Error })
      }
    }
    return { outcomes, accepted }
  }

  /**
   * Many status reports inside the caller's transaction under the checks of `judgeStatusUpdates`, written in a
   * handful of statements instead of six per report. Writes only when every report passes; otherwise nothing,
   * and the outcomes name each refusal.
   */
  async function recordStatusUpdates (tx: Db, reports: readonly StatusReport[], actor: Actor) {
    const { outcomes, accepted } = await judgeStatusUpdates(tx, reports, actor)
    if (accepted.length !== reports.length) return outcomes

    const after = new Map<number, MeasureRow>()
    const entries = new Map<number, number>()
    for (let start = 0; start < accepted.length; start += writeBatchSize) {
      const chunk = accepted.slice(start, start + writeBatchSize)
      const updated = await updateVersionedRows(tx, measures, ['status', 'progress', 'statusReason'], chunk.map(({ report, current, reason }) => ({
        id: current.id, expected: current.version,
        values: { status: report.input.status, progress: report.input.progress, statusReason: needsReason(report.input.status) ? reason : null },
      })))
      for (const row of updated) after.set(row.id, row)
      const inserted = await insertStatusUpdatesReturning(tx, chunk.map(({ report: { id, input }, current, reason, date, organisationId }) => ({
        measureId: id, date, fromStatus: current.status, status: input.status, fromProgress: current.progress, progress: input.progress,
        noteDe: input.noteDe ?? null, noteEn: input.noteEn ?? null, reason,
        evidenceLinks: (input.evidenceLinks ?? []).map((link) => ({ url: link.url, label: link.label ?? null })),
        organisationId, userId: userIdOf(actor),
      })))
      for (const [measureId, entryId] of inserted) entries.set(measureId, entryId)
    }
    await recordAudits(tx, actor, accepted.map(({ current }) => ({
      cityId: current.cityId, action: 'measure.status.update', entityType: 'measure', entityId: current.id,
      before: current, after: { ...after.get(current.id), statusUpdateId: entries.get(current.id) },
    })))
    return outcomes
  }

  return {
    /** One statement: the page is built together with the plan's visibility check (its city is the measures' own). */
    async list (planId: number, query: MeasureListQuery, actor: Actor) {
      const limit = query.limit ?? Limits.listPageDefault
      const offset = query.offset ?? 0
      const found = await listMeasuresJson(db, planId, { ...query, limit, offset }, readerValues(actor))
      if (!found || !visiblePlanStates(actor, found.cityId).includes(found.state)) throw new PlanNotFoundError(planId)
      return new SerialisedAnswer(found.body)
    },

    /** The measure's page as JSON text written by the database, with its version for the ETag. */
    async get (id: number, actor: Actor): Promise<SerialisedAnswer> {
      const found = await findMeasurePageJson(db, id, readerValues(actor))
      if (!found || !canSeeMeasure(actor, found, found.planState)) throw new MeasureNotFoundError(id)
      return new SerialisedAnswer(found.body, found.version)
    },

    /** Older timeline entries of a measure the actor may see, newest first, page by page. */
    async statusHistory (id: number, query: StatusHistoryQuery, actor: Actor): Promise<StatusHistoryPage> {
      const measure = await findMeasureVisibility(db, id)
      if (!measure || !canSeeMeasure(actor, measure, measure.planState)) throw new MeasureNotFoundError(id)
      const limit = query.limit ?? Limits.timelinePage
      const [date, entryId] = query.before ? query.before.split('~') : []
      const rows = await findTimelinePage(db, id, date && entryId ? { date, id: Number(entryId) } : null, limit)
      const internal = canSeeInternal(actor, measure.cityId)
      return { items: rows.slice(0, limit).map((row) => toStatusEntry(row, internal)), next: timelineNext(id, rows, limit) }
    },

    /** Only the plan's administrators restore measures, so only they see which ones are hidden. */
    async listHidden (planId: number, actor: Actor): Promise<HiddenMeasureList> {
      await getPlanAs(db, planId, actor, 'admin')
      const rows = await listHiddenMeasures(db, planId)
      return { items: rows.map((row) => ({ ...row, hiddenAt: row.hiddenAt!.toISOString() })) }
    },

    /** Which plan's cached answers a measure's page belongs with; null for an unknown id. */
    planIdOf: (id: number) => findMeasurePlanId(db, id),

    async create (planId: number, input: CreateMeasure, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        await announce({ planId })
        const plan = await getPlanAs(tx, planId, actor, 'admin', { forUpdate: true })
        const { secondaryCommitments, involvedOrganisationIds, relatedMeasures, exampleActions, ...fields } = input
        const status = fields.status ?? 'planned'
        await checkMeasure(tx, {
          planId, cityId: plan.cityId, primaryCommitment: fields.primaryCommitment, secondaryCommitments,
          startDate: fields.startDate ?? null, endDate: fields.endDate ?? null, status, statusReason: fields.statusReason ?? null,
          leadOrganisationId: fields.leadOrganisationId ?? null, involvedOrganisationIds,
          relatedMeasureIds: relatedMeasures?.map((r) => r.measureId), exampleActions,
        })
        if (await codeTaken(tx, planId, fields.code)) throw new MeasureCodeTakenError(fields.code)
        const id = await insertMeasure(tx, { ...fields, status, planId, cityId: plan.cityId, position: await nextPosition(tx, planId) })
        await replaceLinks(tx, id, { secondaryCommitments, involvedOrganisationIds, relatedMeasures, exampleActions })
        // The timeline starts with the status the measure was created with.
        await insertStatusUpdates(tx, [{
          measureId: id, date: await cityToday(tx, plan.cityId), status, progress: fields.progress ?? 0, reason: fields.statusReason ?? null,
          userId: userIdOf(actor), organisationId: fields.leadOrganisationId ?? null,
        }])
        await recordAudit(tx, actor, { cityId: plan.cityId, action: 'measure.create', entityType: 'measure', entityId: id, after: await currentRow(tx, id) })
        return presentMeasure(tx, id, actor)
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
          secondaryCommitments: secondaryCommitments ?? (fields.primaryCommitment ? await secondaryCommitmentsOf(tx, id) : undefined),
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
        return presentMeasure(tx, id, actor)
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
        const measure = await presentMeasure(tx, id, actor)
        // A report dated back may fall outside the newest page the measure carries.
        const entry = measure.statusHistory.find((e) => e.id === entryId)
          ?? toStatusEntry((await findStatusEntry(tx, entryId))!, canSeeInternal(actor, (await findMeasureVisibility(tx, id))!.cityId))
        return { entry, measure }
      })
    },

    /**
     * Many reports inside the caller's transaction, without reading the measures back: for bulk imports,
     * which announce the plan's change themselves. Writes all of them or, when one is refused, none.
     */
    recordStatusUpdates,
    /** The checks of `recordStatusUpdates` without its writes: what a preview needs. */
    checkStatusUpdates: async (tx: Db, reports: readonly StatusReport[], actor: Actor) => (await judgeStatusUpdates(tx, reports, actor)).outcomes,

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
        return presentMeasure(tx, id, actor)
      })
    },
  }
}

// What other features use of measures (the import boundary lets them reach measures only through this file).
export { existingMeasureIds, existingOrganisationIds, listMeasures, type MeasureListRow } from './measures.queries.ts'
export { MeasureCodeTakenError, OrganisationUnknownError } from './measures.errors.ts'
