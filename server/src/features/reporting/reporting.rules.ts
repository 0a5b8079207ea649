import type { CycleState, Role } from '@eccar/shared'
import { addDays, addMonths } from '../../lib/dates.ts'

/**
 * The cycle's way to submission and who may take each step. Editors hand a draft in for review and
 * take it back; the steering group's approval, its withdrawal and the submission are the admin's.
 * Nothing follows submission: the report is frozen.
 */
const transitions: Record<CycleState, Partial<Record<CycleState, Role>>> = {
  open: { in_review: 'editor' },
  in_review: { open: 'editor', approved: 'admin' },
  approved: { in_review: 'admin', submitted: 'admin' },
  submitted: {},
}

/** The role a step needs, or null when the step is not allowed at all. */
export const transitionRole = (from: CycleState, to: CycleState): Role | null => transitions[from][to] ?? null

export const nextStates = (from: CycleState) => Object.keys(transitions[from]) as CycleState[]

/** Title, period and narratives can change until the steering group has approved the report. */
export const isEditable = (state: CycleState) => state === 'open' || state === 'in_review'

/** Two years from `start`, the day before the same date two years on (ECCAR's biennial report). */
const biennialEnd = (start: string) => addDays(addMonths(start, 24), -1)

/**
 * The period a new cycle covers when none is given: from the plan's start, or the day after its
 * latest cycle, for two years, but not beyond the plan's end. Null once the cycles cover the plan.
 */
export function defaultPeriod (plan: { periodStart: string, periodEnd: string }, latestCycleEnd: string | null, given: { periodStart?: string | undefined, periodEnd?: string | undefined }) {
  const periodStart = given.periodStart ?? (latestCycleEnd === null ? plan.periodStart : addDays(latestCycleEnd, 1))
  if (given.periodStart === undefined && given.periodEnd === undefined && periodStart > plan.periodEnd) return null
  const twoYears = biennialEnd(periodStart)
  const periodEnd = given.periodEnd ?? (periodStart <= plan.periodEnd && plan.periodEnd < twoYears ? plan.periodEnd : twoYears)
  return { periodStart, periodEnd }
}

export function defaultTitle (period: { periodStart: string, periodEnd: string }) {
  const [from, to] = [period.periodStart.slice(0, 4), period.periodEnd.slice(0, 4)]
  return `Umsetzungsbericht ${from === to ? from : `${from}–${to}`}`
}

const written = (text: string | null | undefined) => typeof text === 'string' && text.trim() !== ''

/**
 * Comply or explain: a commitment is complete with a narrative or a public explanation why there is
 * none, in either language. Returns the commitments (1–10) that have neither.
 */
export function missingNarratives (narratives: { commitmentNumber: number, textDe: string | null, textEn: string | null, noNarrativeReasonDe: string | null, noNarrativeReasonEn: string | null }[]) {
  return Array.from({ length: 10 }, (_, i) => i + 1).filter((number) => {
    const n = narratives.find((row) => row.commitmentNumber === number)
    return !n || !(written(n.textDe) || written(n.textEn) || written(n.noNarrativeReasonDe) || written(n.noNarrativeReasonEn))
  })
}

/** The steps that freeze the report's texts need every commitment complete. */
export const needsCompleteness = (to: CycleState) => to === 'approved' || to === 'submitted'

/** An English default title for a default German one ("Umsetzungsbericht 2022–2023"). */
export function defaultTitleEn (period: { periodStart: string, periodEnd: string }) {
  return defaultTitle(period).replace('Umsetzungsbericht', 'Implementation report')
}
