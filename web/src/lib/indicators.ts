import type { Indicator } from '@eccar/shared'

/** What the dashboard shows of an indicator's progress: a percentage for the bar (clamped 0–100) and the raw share. */
export interface IndicatorProgress {
  /** 0–100, for the bar. */
  bar: number
  /** The share as the API gives it (may fall below 0 or exceed 1). */
  share: number
}

export function indicatorProgress (indicator: Pick<Indicator, 'progressToTarget'>): IndicatorProgress | null {
  const share = indicator.progressToTarget
  if (share === null || !Number.isFinite(share)) return null
  return { bar: Math.round(Math.min(1, Math.max(0, share)) * 100), share }
}

/** Only published indicators, in the API's order (the public answer has no others; a member's has). */
export const publishedIndicators = <T extends Pick<Indicator, 'isPublic'>>(items: readonly T[]): T[] => items.filter((i) => i.isPublic)
