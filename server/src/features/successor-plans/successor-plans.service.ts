import type { CreatePlanSuccessor, MeasureStatus, PlanSuccessorResult } from '@eccar/shared'
import { userIdOf, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { cityToday } from '../cities/cities.service.ts'
import { insertMeasureLinks } from '../common/measure-links.queries.ts'
import { existingOrganisationIds, MeasureCodeTakenError, OrganisationUnknownError } from '../measures/measures.service.ts'
import { getPlan, getPlanAs, PlanPeriodInvalidError, toPlanSummary } from '../plans/plans.service.ts'
import { PlanAlreadyContinuedError, PlanNotContinuableError } from './successor-plans.errors.ts'
import {
  closePlan, copyPlanCommitments, endMeasures, findSuccessor, insertMeasures, insertPlan, insertStatusUpdates, loadMeasureLinks,
  lockPlanMeasures, type MeasureRow, type NewStatusUpdate,
} from './successor-plans.queries.ts'
import { resolveDecisions, type Resolved } from './successor-plans.rules.ts'


/** Everything of a measure that continues unchanged into the next plan. */
function carriedFields (old: MeasureRow) {
  const { id: _id, planId: _plan, version: _version, createdAt: _created, updatedAt: _updated, deletedAt: _deleted, origin: _origin, predecessorMeasureId: _predecessor, ...fields } = old
  // A measure someone already marked carried_over by hand continues as planned, not as "carried into the next plan".
  return { ...fields, status: (old.status === 'carried_over' ? 'planned' : old.status) as MeasureStatus }
}

/** Checks the codes of the new plan and the replacement's lead bodies before anything is written. */
async function checkNewMeasures (tx: Db, cityId: number, resolved: Resolved<MeasureRow>[]) {
  const codes = new Set<string>()
  for (const { measure, decision } of resolved) {
    const code = decision.action === 'carry_over' ? measure.code : decision.action === 'replace' ? decision.replacement!.code : null
    if (code === null) continue
    if (codes.has(code)) throw new MeasureCodeTakenError(code)
    codes.add(code)
  }
  const leads = resolved.map(({ decision }) => decision.replacement?.leadOrganisationId).filter((id): id is number => typeof id === 'number')
  const known = await existingOrganisationIds(tx, cityId, leads)
  const unknown = leads.find((id) => !known.has(id))
  if (unknown !== undefined) throw new OrganisationUnknownError(unknown)
}

export function createSuccessorPlansService (db: Db, onChange: ChangeListener = () => {}) {
  return {
    /**
     * The plan update (Fortschreibung) in one transaction: a draft plan continuing the old one, with
     * the council resolution, the old plan's commitment texts, its carried-over measures (same code,
     * linked to their history) and replacements; every old measure ends with its final status and a
     * timeline entry, and an adopted old plan is closed.
     */
    async createSuccessor (planId: number, input: CreatePlanSuccessor, actor: Actor): Promise<PlanSuccessorResult> {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const old = await getPlanAs(tx, planId, actor, 'admin', { forUpdate: true })
        if (old.state === 'draft') throw new PlanNotContinuableError(planId)
        const successor = await findSuccessor(tx, planId)
        if (successor) throw new PlanAlreadyContinuedError(planId, successor.id)
        if (input.periodEnd < input.periodStart) throw new PlanPeriodInvalidError()

        const oldMeasures = await lockPlanMeasures(tx, planId)
        // A measure closed with the status it already has keeps its reason unless a new one is given.
        const resolved = resolveDecisions(oldMeasures, input.decisions).map((entry) => ({
          ...entry, reason: entry.reason ?? (entry.finalStatus === entry.measure.status ? entry.measure.statusReason : null),
        }))
        await checkNewMeasures(tx, old.cityId, resolved)

        const newPlan = await insertPlan(tx, {
          cityId: old.cityId, titleDe: input.titleDe, titleEn: input.titleEn ?? null, periodStart: input.periodStart, periodEnd: input.periodEnd,
          resolutionNumber: input.resolutionNumber, resolutionDate: input.resolutionDate, introDe: input.introDe ?? null, introEn: input.introEn ?? null,
          state: 'draft', predecessorId: old.id,
        })
        await copyPlanCommitments(tx, old.id, newPlan.id)

        // The new plan's measures, in the old plan's order and positions.
        const continuing = resolved.filter(({ decision }) => decision.action !== 'close')
        const inserted = await insertMeasures(tx, continuing.map(({ measure, decision }) => {
          const common = { planId: newPlan.id, cityId: old.cityId, predecessorMeasureId: measure.id, position: measure.position }
          if (decision.action === 'carry_over') return { ...carriedFields(measure), ...common, origin: 'carried_over' as const }
          const replacement = decision.replacement!
          return {
            ...common, origin: 'replacement' as const, code: replacement.code, titleDe: replacement.titleDe, titleEn: replacement.titleEn ?? null,
            descriptionDe: replacement.descriptionDe ?? null, descriptionEn: replacement.descriptionEn ?? null,
            primaryCommitment: replacement.primaryCommitment ?? measure.primaryCommitment, type: replacement.type ?? measure.type,
            leadOrganisationId: replacement.leadOrganisationId !== undefined ? replacement.leadOrganisationId : measure.leadOrganisationId,
            isPublic: measure.isPublic,
          }
        }))
        const newIdOf = new Map(inserted.map((row) => [row.predecessorMeasureId!, row]))

        // Carried-over measures take their links along; relations only where both ends continue as carried over.
        const carried = resolved.filter(({ decision }) => decision.action === 'carry_over').map(({ measure }) => measure.id)
        const links = await loadMeasureLinks(tx, carried)
        const carriedTo = (oldId: number) => (carried.includes(oldId) ? newIdOf.get(oldId)!.id : null)
        await insertMeasureLinks(tx, {
          secondary: links.secondary.map((l) => ({ measureId: carriedTo(l.measureId)!, commitmentNumber: l.commitmentNumber })),
          involved: links.involved.map((l) => ({ measureId: carriedTo(l.measureId)!, organisationId: l.organisationId })),
          exampleActions: links.exampleActions.map((l) => ({ measureId: carriedTo(l.measureId)!, exampleActionKey: l.exampleActionKey })),
          relations: links.relations.filter((l) => carriedTo(l.relatedMeasureId) !== null).map((l) => ({
            measureId: carriedTo(l.measureId)!, relatedMeasureId: carriedTo(l.relatedMeasureId)!, noteDe: l.noteDe, noteEn: l.noteEn,
          })),
        })

        // Every old measure ends with its final status; grouped, since most share one.
        const groups = new Map<string, { status: MeasureStatus, reason: string | null, ids: number[] }>()
        for (const { measure, finalStatus, reason } of resolved) {
          const key = JSON.stringify([finalStatus, reason])
          const group = groups.get(key) ?? { status: finalStatus, reason, ids: [] }
          group.ids.push(measure.id)
          groups.set(key, group)
        }
        for (const group of groups.values()) {
          await endMeasures(tx, old.id, group.ids, group.status, group.reason)
        }

        // Timeline: the old measure's last entry, and the new measure's first, each pointing to the other plan.
        const title = input.titleDe
        const userId = userIdOf(actor)
        const date = await cityToday(tx, old.cityId)
        const entries: NewStatusUpdate[] = []
        for (const { measure, decision, finalStatus, reason } of resolved) {
          const next = newIdOf.get(measure.id)
          const noteDe = decision.action === 'carry_over' ? `In die Fortschreibung „${title}" übernommen`
            : decision.action === 'replace' ? `Ersetzt durch Maßnahme ${next!.code} der Fortschreibung „${title}"`
              : `Mit der Fortschreibung „${title}" abgeschlossen`
          const noteEn = decision.action === 'carry_over' ? 'Carried over into the plan update'
            : decision.action === 'replace' ? `Replaced by measure ${next!.code} of the plan update` : 'Closed with the plan update'
          if (finalStatus !== measure.status || decision.action !== 'close') {
            entries.push({
              measureId: measure.id, date, fromStatus: measure.status, status: finalStatus, fromProgress: measure.progress, progress: measure.progress,
              noteDe, noteEn, reason, userId, organisationId: measure.leadOrganisationId,
            })
          }
          if (next) {
            entries.push({
              measureId: next.id, date, fromStatus: null, status: next.status, progress: next.progress, reason: next.statusReason, userId,
              organisationId: next.leadOrganisationId,
              noteDe: `${decision.action === 'carry_over' ? 'Übernommen' : 'Ersetzt Maßnahme'} ${measure.code} aus „${old.titleDe}"`,
              noteEn: `${decision.action === 'carry_over' ? 'Carried over from' : 'Replaces'} measure ${measure.code} of the earlier plan`,
            })
          }
        }
        await insertStatusUpdates(tx, entries)

        // The update ends the old plan: its measures all have their final status now.
        const oldState = old.state
        if (old.state === 'adopted') {
          await closePlan(tx, old.id)
        }
        await announce({ planId: old.id })
        await announce({ planId: newPlan.id })

        const outcome = resolved.map(({ measure, decision, finalStatus }) => {
          const next = newIdOf.get(measure.id)
          return {
            code: measure.code, action: decision.action, oldMeasureId: measure.id, oldStatus: measure.status, finalStatus,
            newMeasureId: next?.id ?? null, newCode: next?.code ?? null, origin: next?.origin ?? null,
          }
        })
        await recordAudit(tx, actor, {
          cityId: old.cityId, action: 'plan.successor.create', entityType: 'plan', entityId: newPlan.id,
          before: { plan: { id: old.id, state: oldState, version: old.version } },
          after: { plan: newPlan, predecessor: { id: old.id, state: 'closed' }, measures: outcome },
        })
        const summary = await getPlan(tx, newPlan.id)
        return { plan: toPlanSummary(summary, inserted.length), measures: outcome }
      })
    },
  }
}
