import type { IndicatorList } from '@eccar/shared'
import { getJson } from './http'

/** A plan's indicators: the public sees the published ones only. */
export const listIndicators = (planId: number, signal?: AbortSignal) => getJson<IndicatorList>(`/plans/${planId}/indicators`, {}, signal)
