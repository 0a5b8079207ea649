import { addDays, addMonths } from '../../lib/dates.ts'

// The cycle's state machine lives in @eccar/shared, so the web app offers exactly the steps enforced here.
export { isEditable, needsCompleteness, nextStates, transitionRole } from '@eccar/shared'

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


/** An English default title for a default German one ("Umsetzungsbericht 2022–2023"). */
export function defaultTitleEn (period: { periodStart: string, periodEnd: string }) {
  return defaultTitle(period).replace('Umsetzungsbericht', 'Implementation report')
}
