import type { CreateReportingCycle, ReportingCycleSummary } from '@eccar/shared'
import { validateCyclePeriod } from './narrative-form'

// The form that opens a reporting cycle: its kind, a period of its own and a due date. The period is
// suggested per kind, so the yearly council report and the biennial ECCAR report each follow their own.

export type CycleKind = ReportingCycleSummary['kind']
export const cycleKinds: readonly CycleKind[] = ['eccar', 'council']

export interface CreateCycleFormValues { [key: string]: unknown, title: string, kind: CycleKind, periodStart: string, periodEnd: string, dueDate: string }

function addDays (date: string, days: number) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

function addYears (date: string, years: number) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return d.toISOString().slice(0, 10)
}

/**
 * The next period of a kind: from the day after that kind's latest cycle (or the plan's start) for one
 * year (council) or two (ECCAR), never beyond the plan's end unless the plan's period is already covered.
 */
export function suggestPeriod (plan: { periodStart: string, periodEnd: string }, cycles: Pick<ReportingCycleSummary, 'kind' | 'periodEnd'>[], kind: CycleKind) {
  const latest = cycles.filter((c) => c.kind === kind).map((c) => c.periodEnd).sort().at(-1)
  const periodStart = latest ? addDays(latest, 1) : plan.periodStart
  const full = addDays(addYears(periodStart, kind === 'council' ? 1 : 2), -1)
  const periodEnd = periodStart <= plan.periodEnd && plan.periodEnd < full ? plan.periodEnd : full
  return { periodStart, periodEnd }
}

export const validateCreateCycle = (v: CreateCycleFormValues) => validateCyclePeriod(v)

export function createCycleBody (v: CreateCycleFormValues): CreateReportingCycle {
  return {
    kind: v.kind,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    dueDate: v.dueDate || null,
    ...(v.title.trim() ? { title: v.title.trim() } : {}),
  }
}
