import type { EasyReadList, EasyReadText } from '@eccar/shared'
import { requireRole, type Actor } from '../../auth/actor.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { VersionConflictError } from '../common/versioning.ts'
import type { PlansService } from '../plans/plans.service.ts'
import { EasyReadNotFoundError } from './brand.errors.ts'
import {
  findEasyReadText, insertEasyReadText, listEasyReadTexts, updateEasyReadText, type EasyReadRow,
} from './brand.queries.ts'

/** `plan` is stored as commitment 0. */
export const targetNumber = (target: string) => (target === 'plan' ? 0 : Number(target))

/**
 * A deleted text keeps its row with an empty body: its version counts on, so a save based on the text as it
 * was before the deletion is refused (412) instead of silently overwriting a text written after it.
 */
const isWritten = (row: EasyReadRow | undefined): row is EasyReadRow => row !== undefined && row.body !== ''

function toText (row: EasyReadRow): EasyReadText {
  const written = isWritten(row)
  return {
    commitment: row.commitment === 0 ? null : row.commitment,
    body: row.body,
    checkedBy: written ? row.checkedBy : null,
    checkedAt: written ? row.checkedAt?.toISOString() ?? null : null,
    updatedAt: written ? row.updatedAt.toISOString() : null,
    version: row.version,
  }
}
const unwritten = (commitment: number): EasyReadText =>
  ({ commitment: commitment === 0 ? null : commitment, body: '', checkedBy: null, checkedAt: null, updatedAt: null, version: 1 })

/**
 * Leichte Sprache texts of a plan and its commitments. The office writes them; they become public only once
 * the office records that a review group (people of the target group) checked them, and a changed text is
 * unchecked again.
 */
export function createEasyReadService (db: Db, onChange: ChangeListener, plans: PlansService) {
  /** The plan, for a write by one of its city's editors; others' plans are "not found". */
  async function planForWrite (planId: number, actor: Actor) {
    const plan = await plans.getVisiblePlan(planId, actor)
    requireRole(actor, plan.cityId, 'editor', () => new EasyReadNotFoundError(planId, 'plan'))
    return plan
  }

  /** A versioned change of a written text (its check, its deletion): one audit row of `action`. */
  async function changeWrittenText (
    planId: number, target: string, expected: number | undefined, actor: Actor, action: string, changes: Parameters<typeof updateEasyReadText>[3],
  ) {
    const commitment = targetNumber(target)
    // Read before the transaction: the plans service reads outside it, and a plan never changes city.
    const plan = await planForWrite(planId, actor)
    return writeTransaction(db, onChange, async (tx, announce) => {
      const before = await lockVersioned({
        lock: () => lockWrittenText(tx, plan.id, commitment),
        notFound: () => new EasyReadNotFoundError(planId, target),
        check: () => undefined,
        expected,
        current: toText,
      })
      await announce({ planId: plan.id })
      if (!await updateEasyReadText(tx, before.id, before.version, changes)) throw new VersionConflictError(toText(before))
      const after = (await findEasyReadText(tx, plan.id, commitment))!
      await recordAudit(tx, actor, {
        cityId: plan.cityId, action, entityType: 'easy-read-text', entityId: `${plan.id}/${target}`, before, after,
      })
      return toText(after)
    })
  }

  return {
    /** What the public sees: checked texts only. */
    async published (planId: number, actor: Actor): Promise<EasyReadList> {
      const plan = await plans.getVisiblePlan(planId, actor)
      const rows = await listEasyReadTexts(db, plan.id, { checkedOnly: true })
      return { planId: plan.id, items: rows.map(toText) }
    },

    /** The office's view: the plan and all ten commitments, written or not, checked or not. */
    async drafts (planId: number, actor: Actor): Promise<EasyReadList> {
      const plan = await planForWrite(planId, actor)
      const rows = await listEasyReadTexts(db, plan.id, { checkedOnly: false })
      const items = Array.from({ length: 11 }, (_, n) => {
        const row = rows.find((r) => r.commitment === n)
        return row ? toText(row) : unwritten(n)
      })
      return { planId: plan.id, items }
    },

    async save (planId: number, target: string, body: string, expected: number | undefined, actor: Actor) {
      const commitment = targetNumber(target)
      // Read before the transaction: the plans service reads outside it, and a plan never changes city.
      const plan = await planForWrite(planId, actor)
      return writeTransaction(db, onChange, async (tx, announce) => {
        // A text not written yet counts as version 1, so two first saves cannot both win.
        const before = await lockVersioned({
          lock: async () => (await findEasyReadText(tx, plan.id, commitment, { forUpdate: true })) ?? null,
          notFound: () => new EasyReadNotFoundError(planId, target),
          check: () => undefined,
          expected,
          current: (row) => (row ? toText(row) : unwritten(commitment)),
          versionOf: (row) => row?.version ?? 1,
        })
        await announce({ planId: plan.id })
        const text = body.trim()
        if (before) {
          const changed = text !== before.body
          const ok = await updateEasyReadText(tx, before.id, before.version, {
            body: text, ...(changed ? { checkedBy: null, checkedAt: null } : {}),
          })
          if (!ok) throw new VersionConflictError(toText(before))
        } else {
          await insertEasyReadText(tx, plan.id, commitment, text)
        }
        const after = (await findEasyReadText(tx, plan.id, commitment))!
        await recordAudit(tx, actor, {
          cityId: plan.cityId, action: 'easy-read.save', entityType: 'easy-read-text', entityId: `${plan.id}/${target}`, before, after,
        })
        return toText(after)
      })
    },

    async check (planId: number, target: string, checkedBy: string, expected: number | undefined, actor: Actor) {
      return changeWrittenText(planId, target, expected, actor, 'easy-read.check', { checkedBy: checkedBy.trim(), checkedAt: new Date() })
    },

    /** Removes the text from the office's list and, if it was checked, from the public page. */
    async remove (planId: number, target: string, expected: number | undefined, actor: Actor) {
      return changeWrittenText(planId, target, expected, actor, 'easy-read.delete', { body: '', checkedBy: null, checkedAt: null })
    },
  }
}

/** The text with a row lock, if it is written (not deleted): a check or a deletion needs one. */
async function lockWrittenText (db: Db, planId: number, commitment: number) {
  const row = await findEasyReadText(db, planId, commitment, { forUpdate: true })
  return isWritten(row) ? row : undefined
}
