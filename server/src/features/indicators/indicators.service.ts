import type { CreateIndicator, CreateIndicatorValue, Indicator, UpdateIndicator } from '@eccar/shared'
import { eq } from 'drizzle-orm'
import { canSeeInternal, requireRole, systemActor, userIdOf, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { indicators } from '../../db/schema/index.ts'
import { existingMeasureIds } from '../measures/measures.service.ts'
import { getPlanAs, type PlansService } from '../plans/plans.service.ts'
import { lockRecord, lockVersioned } from '../common/versioned-write.ts'
import { updateVersioned } from '../common/versioned-write.queries.ts'
import { visiblePlanStates } from '../common/visibility.ts'
import {
  IndicatorMeasureInvalidError, IndicatorNotFoundError, IndicatorPeriodInvalidError, IndicatorValueExistsError, IndicatorValueNotFoundError,
} from './indicators.errors.ts'
import { presentIndicator } from './indicators.progress.ts'
import {
  deleteIndicator, deleteIndicatorValue, findIndicator, findIndicatorRow, findValue, findValueForPeriod, insertIndicator, insertIndicatorValue,
  listIndicatorsOfPlan, loadIndicatorLinks, replaceIndicatorLinks,
  type IndicatorLinks, type IndicatorRow,
} from './indicators.queries.ts'

/** Members see every linked measure and who entered a value; the public sees public measures and no persons. */
export function toIndicator (row: IndicatorRow, links: IndicatorLinks, internal: boolean): Indicator {
  const values = links.values.filter(({ value }) => value.indicatorId === row.id).map(({ value, user }) => ({
    id: value.id,
    periodStart: value.periodStart,
    periodEnd: value.periodEnd,
    category: value.category,
    value: value.value,
    sourceNote: value.sourceNote,
    createdAt: value.createdAt.toISOString(),
    ...(internal ? { enteredBy: user ?? null } : {}),
  }))
  return {
    ...presentIndicator(row, links, values),
    planId: row.planId,
    isPublic: row.isPublic,
    measures: links.measures
      .filter((m) => m.indicatorId === row.id && m.deletedAt === null && (m.isPublic || internal))
      .map((m) => ({ id: m.id, code: m.code, titleDe: m.titleDe, titleEn: m.titleEn })),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  }
}

export function createIndicatorsService (db: Db, plans: PlansService, onChange: ChangeListener = () => {}) {
  async function present (tx: Db, row: IndicatorRow, actor: Actor) {
    return toIndicator(row, await loadIndicatorLinks(tx, [row.id]), canSeeInternal(actor, row.cityId))
  }

  async function presentById (tx: Db, id: number, actor: Actor) {
    return present(tx, (await findIndicatorRow(tx, id))!, actor)
  }

  /** The indicator locked for a write by its city's members of at least `minimum` rank. */
  const indicatorRecord = (tx: Db, id: number, actor: Actor, minimum: 'admin' | 'editor') => ({
    lock: async () => (await findIndicator(tx, id, { forUpdate: true }))?.indicator,
    notFound: () => new IndicatorNotFoundError(id),
    check: (row: IndicatorRow) => requireRole(actor, row.cityId, minimum, () => new IndicatorNotFoundError(id)),
  })
  /** Changing the indicator itself is versioned; adding and removing its values is not (values are their own rows). */
  const lockIndicator = (tx: Db, id: number, actor: Actor, expected: number | undefined) => lockVersioned({
    ...indicatorRecord(tx, id, actor, 'admin'),
    expected,
    current: (row) => present(tx, row, systemActor),
  })

  async function checkMeasures (tx: Db, planId: number, ids: number[] | undefined) {
    const known = await existingMeasureIds(tx, planId, ids ?? [])
    const unknown = (ids ?? []).find((id) => !known.has(id))
    if (unknown !== undefined) throw new IndicatorMeasureInvalidError(unknown)
  }

  return {
    async list (planId: number, actor: Actor) {
      const plan = await plans.getVisiblePlan(planId, actor)
      const internal = canSeeInternal(actor, plan.cityId)
      const rows = await listIndicatorsOfPlan(db, plan.id, { publicOnly: !internal })
      const links = await loadIndicatorLinks(db, rows.map((row) => row.id))
      return { items: rows.map((row) => toIndicator(row, links, internal)) }
    },

    async get (id: number, actor: Actor) {
      const found = await findIndicator(db, id)
      const visible = found && visiblePlanStates(actor, found.indicator.cityId).includes(found.planState)
        && (found.indicator.isPublic || canSeeInternal(actor, found.indicator.cityId))
      if (!visible) throw new IndicatorNotFoundError(id)
      return present(db, found.indicator, actor)
    },

    async create (planId: number, input: CreateIndicator, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const plan = await getPlanAs(tx, planId, actor, 'admin')
        const { commitments, measureIds, ...fields } = input
        await checkMeasures(tx, planId, measureIds)
        const created = await insertIndicator(tx, { ...fields, planId, cityId: plan.cityId })
        await replaceIndicatorLinks(tx, created.id, { commitments, measureIds })
        await announce({ planId })
        const after = await present(tx, created, actor)
        await recordAudit(tx, actor, { cityId: plan.cityId, action: 'indicator.create', entityType: 'indicator', entityId: created.id, after })
        return after
      })
    },

    async update (id: number, input: UpdateIndicator, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const current = await lockIndicator(tx, id, actor, expected)
        const { version: _ignored, commitments, measureIds, ...fields } = input
        await checkMeasures(tx, current.planId, measureIds)
        const before = await present(tx, current, systemActor)
        await updateVersioned(tx, indicators, eq(indicators.id, id), current.version, fields)
        await replaceIndicatorLinks(tx, id, { commitments, measureIds })
        await announce({ planId: current.planId })
        const after = await presentById(tx, id, systemActor)
        await recordAudit(tx, actor, { cityId: current.cityId, action: 'indicator.update', entityType: 'indicator', entityId: id, before, after })
        return presentById(tx, id, actor)
      })
    },

    async remove (id: number, expected: number | undefined, actor: Actor) {
      await writeTransaction(db, onChange, async (tx, announce) => {
        const current = await lockIndicator(tx, id, actor, expected)
        const before = await present(tx, current, systemActor)
        // Values and links go with it (cascade); the trail keeps them in `before`.
        await deleteIndicator(tx, id)
        await announce({ planId: current.planId })
        await recordAudit(tx, actor, { cityId: current.cityId, action: 'indicator.delete', entityType: 'indicator', entityId: id, before })
      })
    },

    /** Editors enter figures too: they are the steering group's report on the plan's effect. */
    async addValue (id: number, input: CreateIndicatorValue, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const current = await lockRecord(indicatorRecord(tx, id, actor, 'editor'))
        if (input.periodEnd < input.periodStart) throw new IndicatorPeriodInvalidError()
        const category = input.category ?? null
        if (await findValueForPeriod(tx, id, { periodStart: input.periodStart, periodEnd: input.periodEnd, category })) {
          throw new IndicatorValueExistsError(input.periodStart, input.periodEnd, category === null ? '' : ` (category "${category}")`)
        }
        const created = await insertIndicatorValue(tx, {
          indicatorId: id, periodStart: input.periodStart, periodEnd: input.periodEnd, category, value: input.value,
          sourceNote: input.sourceNote ?? null, enteredBy: userIdOf(actor),
        })
        await announce({ planId: current.planId })
        await recordAudit(tx, actor, { cityId: current.cityId, action: 'indicator.value.create', entityType: 'indicator_value', entityId: created.id, after: created })
        return present(tx, current, actor)
      })
    },

    async removeValue (id: number, valueId: number, actor: Actor) {
      await writeTransaction(db, onChange, async (tx, announce) => {
        const current = await lockRecord(indicatorRecord(tx, id, actor, 'editor'))
        const value = await findValue(tx, id, valueId)
        if (!value) throw new IndicatorValueNotFoundError(valueId)
        await deleteIndicatorValue(tx, valueId)
        await announce({ planId: current.planId })
        await recordAudit(tx, actor, { cityId: current.cityId, action: 'indicator.value.delete', entityType: 'indicator_value', entityId: valueId, before: value })
      })
    },
  }
}

// What other features use of indicators (the import boundary lets them reach indicators only through this file).

/**
 * The indicator for an editor of its city, in a plan the actor may see; to anyone else it does not exist
 * (404 INDICATOR_NOT_FOUND). The spreadsheet import of values starts here.
 */
export async function getIndicatorForEditor (db: Db, id: number, actor: Actor) {
  const found = await findIndicator(db, id)
  if (!found || !visiblePlanStates(actor, found.indicator.cityId).includes(found.planState)) throw new IndicatorNotFoundError(id)
  requireRole(actor, found.indicator.cityId, 'editor', () => new IndicatorNotFoundError(id))
  return found
}

/** The report snapshot presents a cycle's indicators as the indicator pages do. */
export { presentIndicator } from './indicators.progress.ts'
export { loadIndicatorLinks } from './indicators.queries.ts'
