import type { IndicatorLinks, IndicatorRow } from './indicators.queries.ts'

/** A value as progress is computed from it; `category` null is the total. */
export interface ValuePoint { periodStart: string, periodEnd: string, category: string | null, value: number }

/** The total of the latest period (by end, then start); values broken down by category do not count. */
export function latestTotal (values: readonly ValuePoint[]): number | null {
  let latest: ValuePoint | null = null
  for (const point of values) {
    if (point.category !== null) continue
    if (latest === null || point.periodEnd > latest.periodEnd || (point.periodEnd === latest.periodEnd && point.periodStart > latest.periodStart)) {
      latest = point
    }
  }
  return latest?.value ?? null
}

/**
 * Share of the way from baseline to target: 0 at the baseline, 1 at the target, whichever way the
 * target lies (the formula covers "decrease" without a special case). Beyond the target it exceeds 1,
 * moving away from it gives a negative share. Not computable without a baseline, a target, a total
 * value, or when the target equals the baseline ("maintain" indicators usually).
 */
export function progressToTarget (indicator: { baselineValue: number | null, targetValue: number | null }, latest: number | null): number | null {
  const { baselineValue: baseline, targetValue: target } = indicator
  if (baseline === null || target === null || latest === null || target === baseline) return null
  return Math.round(((latest - baseline) / (target - baseline)) * 10_000) / 10_000
}

/**
 * What every view of an indicator (its page, the API, a cycle's report) states about it, and its
 * values with the latest total and the progress to the target computed from those values alone.
 */
export function presentIndicator<V extends ValuePoint> (row: IndicatorRow, links: IndicatorLinks, values: V[]) {
  const latestValue = latestTotal(values)
  return {
    id: row.id,
    nameDe: row.nameDe,
    nameEn: row.nameEn,
    definitionDe: row.definitionDe,
    definitionEn: row.definitionEn,
    unit: row.unit,
    unitEn: row.unitEn,
    source: row.source,
    direction: row.direction,
    baselineValue: row.baselineValue,
    baselineDate: row.baselineDate,
    targetValue: row.targetValue,
    targetDate: row.targetDate,
    commitments: links.commitments.filter((c) => c.indicatorId === row.id).map((c) => c.commitmentNumber),
    values,
    latestValue,
    progressToTarget: progressToTarget(row, latestValue),
  }
}
