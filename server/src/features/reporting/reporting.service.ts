import {
  narrativeTextFields,
  type CreateReportingCycle, type CycleState, type ReportingCycle, type ReportingCycleSummary, type UpdateCycleNarrative, type UpdateReportingCycle,
} from '@eccar/shared'
import { eq } from 'drizzle-orm'
import { requireRole, userIdOf, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { reportingCycles } from '../../db/schema/index.ts'
import { recordCycleChangeMails, type MailDesk } from '../notifications/notifications.service.ts'
import { getPlanAs } from '../plans/plans.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { updateVersioned } from '../common/versioned-write.queries.ts'
import { compareSnapshots } from './reporting.compare.ts'
import {
  CycleApprovalMeetingInvalidError, CycleIncompleteError, CycleLockedError, CyclePeriodInvalidError, CyclePeriodRequiredError, CyclesNotComparableError, CycleTransitionInvalidError,
  ReportingCycleNotFoundError,
} from './reporting.errors.ts'
import {
  findCycle, findNarrative, insertCycle, insertSnapshot, latestCycleEnd, listCyclesOfPlan, listNarratives, meetingRefs, userRefs, writeNarrative,
  type CycleRow, type NarrativeTexts,
} from './reporting.queries.ts'
import {
  defaultPeriod, defaultTitle, defaultTitleEn, isEditable, missingNarratives, needsCompleteness, nextStates, transitionRole,
} from './reporting.rules.ts'
import { buildReportSnapshot, loadReportSnapshot } from './reporting.snapshot.ts'

type UserRefs = Awaited<ReturnType<typeof userRefs>>
type MeetingRefs = Awaited<ReturnType<typeof meetingRefs>>

const auditActions: Partial<Record<CycleState, string>> = { approved: 'reporting.cycle.approve', submitted: 'reporting.cycle.submit' }

export function toCycleSummary (row: CycleRow, people: UserRefs, meetings: MeetingRefs): ReportingCycleSummary {
  const ref = (id: number | null) => (id === null ? null : people.get(id) ?? null)
  const meeting = row.approvalMeetingId === null ? undefined : meetings.get(row.approvalMeetingId)
  return {
    id: row.id,
    planId: row.planId,
    title: row.title,
    titleEn: row.titleEn,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    dueDate: row.dueDate,
    kind: row.kind,
    state: row.state,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedBy: ref(row.approvedBy),
    approvalMeeting: meeting ? { id: meeting.id, date: meeting.date } : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedBy: ref(row.submittedBy),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  }
}

export function createReportingService (db: Db, onChange: ChangeListener = () => {}, mail?: MailDesk) {
  async function detail (tx: Db, id: number): Promise<ReportingCycle> {
    const row = (await findCycle(tx, id))!
    const narratives = await listNarratives(tx, id)
    const missing = missingNarratives(narratives)
    return {
      ...toCycleSummary(row, await userRefs(tx, [row.approvedBy, row.submittedBy]), await meetingRefs(tx, [row.approvalMeetingId])),
      narratives: Array.from({ length: 10 }, (_, i) => {
        const narrative = narratives.find((n) => n.commitmentNumber === i + 1)
        const texts = Object.fromEntries(narrativeTextFields.map((field) => [field, narrative?.[field] ?? null])) as Record<(typeof narrativeTextFields)[number], string | null>
        return { number: i + 1, ...texts, version: narrative?.version ?? 1 }
      }),
      completeness: { complete: missing.length === 0, missing },
      nextStates: nextStates(row.state),
    }
  }

  /** A cycle the actor may read: members of its city only; others learn nothing about it. */
  async function readable (tx: Db, id: number, actor: Actor) {
    const row = await findCycle(tx, id)
    if (!row) throw new ReportingCycleNotFoundError(id)
    requireRole(actor, row.cityId, 'viewer', () => new ReportingCycleNotFoundError(id))
    return row
  }

  /** The cycle locked for a versioned write: the role, then whether its state allows the write (`allowed`). */
  const lockCycle = (tx: Db, id: number, actor: Actor, minimum: 'admin' | 'editor', allowed: (row: CycleRow) => void, expected: number | undefined) => lockVersioned({
    lock: () => findCycle(tx, id, { forUpdate: true }),
    notFound: () => new ReportingCycleNotFoundError(id),
    check: (row) => {
      requireRole(actor, row.cityId, minimum, () => new ReportingCycleNotFoundError(id))
      allowed(row)
    },
    expected,
    current: () => detail(tx, id),
  })

  const editable = (row: CycleRow) => {
    if (!isEditable(row.state)) throw new CycleLockedError(row.state)
  }

  async function updateCycle (tx: Db, row: CycleRow, values: Partial<typeof reportingCycles.$inferInsert> = {}) {
    await updateVersioned(tx, reportingCycles, eq(reportingCycles.id, row.id), row.version, values)
    return (await findCycle(tx, row.id))!
  }

  return {
    async list (planId: number, actor: Actor) {
      await getPlanAs(db, planId, actor, 'viewer')
      const rows = await listCyclesOfPlan(db, planId)
      const people = await userRefs(db, rows.flatMap((row) => [row.approvedBy, row.submittedBy]))
      const meetings = await meetingRefs(db, rows.map((row) => row.approvalMeetingId))
      return { items: rows.map((row) => toCycleSummary(row, people, meetings)) }
    },

    async get (id: number, actor: Actor) {
      await readable(db, id, actor)
      return detail(db, id)
    },

    async create (planId: number, input: CreateReportingCycle, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        const plan = await getPlanAs(tx, planId, actor, 'admin', { forUpdate: true })
        const period = defaultPeriod(plan, await latestCycleEnd(tx, planId), input)
        if (!period) throw new CyclePeriodRequiredError()
        if (period.periodEnd < period.periodStart) throw new CyclePeriodInvalidError()
        const created = await insertCycle(tx, {
          cityId: plan.cityId,
          planId,
          ...period,
          title: input.title ?? defaultTitle(period),
          // Only a default German title has an obvious English one; a title of the city's own waits for its translation.
          titleEn: input.titleEn !== undefined ? input.titleEn : (input.title === undefined ? defaultTitleEn(period) : null),
          dueDate: input.dueDate ?? null,
          kind: input.kind ?? 'eccar',
        })
        await recordAudit(tx, actor, { cityId: plan.cityId, action: 'reporting.cycle.create', entityType: 'reporting_cycle', entityId: created.id, after: created })
        return detail(tx, created.id)
      })
    },

    async update (id: number, input: UpdateReportingCycle, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        const before = await lockCycle(tx, id, actor, 'admin', editable, expected)
        const { version: _ignored, ...changes } = input
        if ((changes.periodEnd ?? before.periodEnd) < (changes.periodStart ?? before.periodStart)) throw new CyclePeriodInvalidError()
        const after = await updateCycle(tx, before, changes)
        await recordAudit(tx, actor, { cityId: before.cityId, action: 'reporting.cycle.update', entityType: 'reporting_cycle', entityId: id, before, after })
        return detail(tx, id)
      })
    },

    /**
     * The report's texts on one commitment. Versioned per commitment: the cycle's version stays, so
     * people writing different commitments never collide; the answer's ETag is this narrative's version.
     */
    async putNarrative (id: number, number: number, input: UpdateCycleNarrative, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        const { cycle: row, narrative: before } = await lockVersioned({
          // Shared lock on the cycle: narratives of one cycle are written side by side, a transition waits for them.
          lock: async () => {
            const cycle = await findCycle(tx, id, { forShare: true })
            return cycle && { cycle, narrative: await findNarrative(tx, id, number, { forUpdate: true }) }
          },
          notFound: () => new ReportingCycleNotFoundError(id),
          check: ({ cycle }) => {
            requireRole(actor, cycle.cityId, 'editor', () => new ReportingCycleNotFoundError(id))
            editable(cycle)
          },
          expected,
          // A commitment nobody has written yet is at version 1, as the cycle's answer shows it.
          versionOf: ({ narrative }) => narrative?.version ?? 1,
          current: () => detail(tx, id),
        })
        const { version: _ignored, ...given } = input
        // An empty text counts as none, so completeness cannot be satisfied by a blank.
        const texts: NarrativeTexts = Object.fromEntries(Object.entries(given)
          .filter(([, value]) => value !== undefined)
          .map(([field, value]) => [field, typeof value === 'string' && value.trim() === '' ? null : value]))
        await writeNarrative(tx, id, number, before, texts)
        const after = await findNarrative(tx, id, number)
        await recordAudit(tx, actor, {
          cityId: row.cityId, action: 'reporting.narrative.update', entityType: 'cycle_narrative', entityId: `${id}/${number}`, before: before ?? null, after,
        })
        return { cycle: await detail(tx, id), narrativeVersion: after!.version }
      })
    },

    /**
     * One step of the state machine. Approval records who approved and when; withdrawing it clears
     * both (the trail keeps them). Submission freezes the report built from the live records in
     * this same transaction, so nothing written afterwards can change it.
     */
    async transition (id: number, to: CycleState, expected: number | undefined, actor: Actor, approvalMeetingId: number | null = null) {
      return writeTransaction(db, onChange, async (tx) => {
        const before = await lockCycle(tx, id, actor, 'editor', (row) => {
          const role = transitionRole(row.state, to)
          if (role === null) throw new CycleTransitionInvalidError(row.state, to)
          requireRole(actor, row.cityId, role, () => new ReportingCycleNotFoundError(id), `needs the ${role} role to move a cycle from ${row.state} to ${to}`)
        }, expected)
        if (needsCompleteness(to)) {
          const missing = missingNarratives(await listNarratives(tx, id))
          if (missing.length > 0) throw new CycleIncompleteError(missing)
        }
        if (approvalMeetingId !== null) {
          // The meeting must be one of the cycle's own city; another city's is refused like an unknown one.
          const meeting = (await meetingRefs(tx, [approvalMeetingId])).get(approvalMeetingId)
          if (to !== 'approved' || !meeting || meeting.cityId !== before.cityId) throw new CycleApprovalMeetingInvalidError()
        }
        const now = new Date()
        const values: Partial<typeof reportingCycles.$inferInsert> = { state: to }
        if (to === 'approved') Object.assign(values, { approvedBy: userIdOf(actor), approvedAt: now, approvalMeetingId })
        if (before.state === 'approved' && to === 'in_review') Object.assign(values, { approvedBy: null, approvedAt: null, approvalMeetingId: null })
        if (to === 'submitted') Object.assign(values, { submittedBy: userIdOf(actor), submittedAt: now })
        const after = await updateCycle(tx, before, values)
        let snapshotTakenAt: string | undefined
        if (to === 'submitted') {
          const snapshot = await buildReportSnapshot(tx, after)
          await insertSnapshot(tx, id, snapshot)
          snapshotTakenAt = snapshot.takenAt
        }
        await recordAudit(tx, actor, {
          cityId: before.cityId, action: auditActions[to] ?? 'reporting.cycle.transition',
          entityType: 'reporting_cycle', entityId: id, before, after: { ...after, ...(snapshotTakenAt ? { snapshotTakenAt } : {}) },
        })
        if (mail) await recordCycleChangeMails(tx, mail, id)
        return detail(tx, id)
      })
    },

    async snapshot (id: number, actor: Actor) {
      return loadReportSnapshot(db, await readable(db, id, actor))
    },

    /** Both cycles must be readable by the actor and belong to the same city; plans may differ (plan update). */
    async compare (fromId: number, toId: number, actor: Actor) {
      const from = await readable(db, fromId, actor)
      const to = await readable(db, toId, actor)
      if (from.cityId !== to.cityId) throw new CyclesNotComparableError()
      return compareSnapshots(await loadReportSnapshot(db, from), await loadReportSnapshot(db, to))
    },
  }
}
