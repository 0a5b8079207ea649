import {
  discriminationKinds, IncidentLimits, lifeAreas, reportingChannels,
  type DiscriminationKind, type IncidentCount, type IncidentPeriodRef, type LifeArea, type ReportingChannel,
} from '@eccar/shared'

/**
 * The entry grid of the anti-discrimination office: one text per cell (kind × area × channel), as
 * typed, so a half-typed or wrong entry stays visible until it is corrected. Pure, no Vue.
 */
export type CellKey = `${DiscriminationKind}|${LifeArea}|${ReportingChannel}`
export type GridValues = Record<CellKey, string>

export const cellKey = (kind: DiscriminationKind, area: LifeArea, channel: ReportingChannel): CellKey => `${kind}|${area}|${channel}`

export function splitKey (key: CellKey): { kind: DiscriminationKind, area: LifeArea, channel: ReportingChannel } {
  const [kind, area, channel] = key.split('|') as [DiscriminationKind, LifeArea, ReportingChannel]
  return { kind, area, channel }
}

/** Every cell, in list order (kind, then area, then channel), with the entered counts or empty. */
export function gridFromCounts (counts: readonly IncidentCount[]): GridValues {
  const values = {} as GridValues
  for (const kind of discriminationKinds) {
    for (const area of lifeAreas) {
      for (const channel of reportingChannels) values[cellKey(kind, area, channel)] = ''
    }
  }
  for (const c of counts) values[cellKey(c.kind, c.area, c.channel)] = c.count === 0 ? '' : String(c.count)
  return values
}

/** Empty means 0; otherwise digits only, at most the API's limit. null when the text is not a count. */
export function parseCount (text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return 0
  if (!/^\d+$/.test(trimmed)) return null
  const value = Number(trimmed)
  return value <= IncidentLimits.maxCount ? value : null
}

export type CellError = 'notCount' | 'tooLarge'

/** The cells whose text is not a count, in grid order, with why. */
export function gridErrors (values: GridValues): { key: CellKey, error: CellError }[] {
  const errors: { key: CellKey, error: CellError }[] = []
  for (const [key, text] of Object.entries(values) as [CellKey, string][]) {
    if (parseCount(text) !== null) continue
    errors.push({ key, error: /^\s*\d+\s*$/.test(text) ? 'tooLarge' : 'notCount' })
  }
  return errors
}

/** The request body's counts: every non-zero cell (zeros are what the API assumes for cells not sent). */
export function countsFromGrid (values: GridValues): IncidentCount[] {
  const counts: IncidentCount[] = []
  for (const [key, text] of Object.entries(values) as [CellKey, string][]) {
    const count = parseCount(text)
    if (count) counts.push({ ...splitKey(key), count })
  }
  return counts
}

const valueOf = (values: GridValues, key: CellKey) => parseCount(values[key] ?? '') ?? 0

/** Totals of one channel's grid (invalid cells count as 0 until corrected). */
export interface ChannelTotals {
  byKind: Record<DiscriminationKind, number>
  byArea: Record<LifeArea, number>
  total: number
}

export function channelTotals (values: GridValues, channel: ReportingChannel): ChannelTotals {
  const byKind = Object.fromEntries(discriminationKinds.map((k) => [k, 0])) as Record<DiscriminationKind, number>
  const byArea = Object.fromEntries(lifeAreas.map((a) => [a, 0])) as Record<LifeArea, number>
  let total = 0
  for (const kind of discriminationKinds) {
    for (const area of lifeAreas) {
      const value = valueOf(values, cellKey(kind, area, channel))
      byKind[kind] += value
      byArea[area] += value
      total += value
    }
  }
  return { byKind, byArea, total }
}

/** The period's total per channel and over all channels. */
export function periodTotals (values: GridValues): { byChannel: Record<ReportingChannel, number>, total: number } {
  const byChannel = Object.fromEntries(reportingChannels.map((c) => [c, channelTotals(values, c).total])) as Record<ReportingChannel, number>
  return { byChannel, total: Object.values(byChannel).reduce((sum, n) => sum + n, 0) }
}

export type PeriodLength = 'firstHalf' | 'secondHalf' | 'year'

/** A half-year or a calendar year as the API's period (the last day inclusive). */
export function periodOf (year: number, length: PeriodLength): IncidentPeriodRef {
  const y = String(year).padStart(4, '0')
  if (length === 'firstHalf') return { periodStart: `${y}-01-01`, periodEnd: `${y}-06-30` }
  if (length === 'secondHalf') return { periodStart: `${y}-07-01`, periodEnd: `${y}-12-31` }
  return { periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` }
}

/** Whether two periods share a day (the API refuses overlapping periods). */
export const overlaps = (a: IncidentPeriodRef, b: IncidentPeriodRef) => a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd

/** A stable key for a period, for lists and addresses. */
export const periodKey = (p: IncidentPeriodRef) => `${p.periodStart}_${p.periodEnd}`

/** Whether the period has ended before `today` (an ISO date): only closed periods can be released. */
export const isClosed = (p: IncidentPeriodRef, today: string) => p.periodEnd < today
