import { createHash } from 'node:crypto'
import {
  discriminationKinds, lifeAreas, reportingChannels,
  type IncidentDimension, type IncidentPeriod, type IncidentPeriodRef, type PublicIncidentQuery, type PublicIncidentTable, type ReplaceIncidentPeriod,
} from '@eccar/shared'
import { requireRole, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../../auth/audit.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { CityNotFoundError } from '../cities/cities.errors.ts'
import { getCityBySlug } from '../cities/cities.queries.ts'
import { findCityForUpdate } from '../steering/steering.queries.ts'
import {
  IncidentCellDuplicateError, IncidentPeriodIncompleteError, IncidentPeriodNotFoundError, IncidentPeriodOverlapError, IncidentPeriodTooShortError,
} from './incidents.errors.ts'
import { publicFigures, withheldFigures, type IndexedCount } from './incidents.publication.ts'
import { listIncidentCounts, overlappingPeriod, periodCounts, replacePeriodCounts, type IncidentCountRow } from './incidents.queries.ts'
import { coversHalfYear } from './incidents.rules.ts'

const order = (list: readonly string[]) => new Map(list.map((name, index) => [name, index]))
const kindOrder = order(discriminationKinds)
const areaOrder = order(lifeAreas)
const channelOrder = order(reportingChannels)
const positionOf = (row: Pick<IncidentCountRow, 'kind' | 'area' | 'channel'>) =>
  ({ kind: kindOrder.get(row.kind)!, area: areaOrder.get(row.area)!, channel: channelOrder.get(row.channel)! })
const byCategories = (a: IncidentCountRow, b: IncidentCountRow) => {
  const [x, y] = [positionOf(a), positionOf(b)]
  return x.kind - y.kind || x.area - y.area || x.channel - y.channel
}

const periodKey = (period: IncidentPeriodRef) => `${period.periodStart}/${period.periodEnd}`

/** The entered periods, oldest first. */
function periodsOf (rows: IncidentCountRow[]): IncidentPeriodRef[] {
  const periods = new Map(rows.map((row) => [periodKey(row), { periodStart: row.periodStart, periodEnd: row.periodEnd }]))
  return [...periods.values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart))
}

export function toIncidentPeriod (period: IncidentPeriodRef, rows: IncidentCountRow[]): IncidentPeriod {
  const counts = rows.filter((row) => periodKey(row) === periodKey(period)).sort(byCategories)
    .map(({ kind, area, channel, count }) => ({ kind, area, channel, count }))
  return { ...period, counts, total: counts.reduce((sum, cell) => sum + cell.count, 0) }
}

function checkCounts (counts: ReplaceIncidentPeriod['counts']) {
  const seen = new Set<string>()
  for (const { kind, area, channel } of counts) {
    const key = `${kind}/${area}/${channel}`
    if (seen.has(key)) throw new IncidentCellDuplicateError(key)
    seen.add(key)
  }
}

/**
 * Which figures stay withheld depends only on the counts and the threshold, and takes up to a few
 * hundred milliseconds for many periods; answers are kept by a hash of exactly those inputs, so a
 * change of data or threshold simply misses.
 */
function memoised (limit: number) {
  const kept = new Map<string, Set<string>>()
  return (counts: IndexedCount[], periodCount: number, threshold: number) => {
    const key = createHash('sha256').update(JSON.stringify([periodCount, threshold, counts])).digest('base64')
    let withheld = kept.get(key)
    if (withheld === undefined) {
      withheld = withheldFigures(counts, periodCount, threshold)
      kept.set(key, withheld)
      if (kept.size > limit) kept.delete(kept.keys().next().value!)
    }
    return withheld
  }
}

export function createIncidentsService (db: Db, onChange: ChangeListener = () => {}) {
  const withheldFor = memoised(64)
  return {
    /** Everything entered, unsuppressed: for the city's members only. */
    async table (citySlug: string, actor: Actor) {
      const city = await getCityBySlug(db, citySlug)
      requireRole(actor, city.id, 'viewer', () => new CityNotFoundError(citySlug))
      const rows = await listIncidentCounts(db, city.id)
      return { threshold: city.incidentThreshold, periods: periodsOf(rows).map((period) => toIncidentPeriod(period, rows)) }
    },

    async replacePeriod (citySlug: string, input: ReplaceIncidentPeriod, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        // The city's row lock makes the overlap check and the replacement one step for concurrent writers.
        const city = await findCityForUpdate(tx, citySlug)
        if (!city) throw new CityNotFoundError(citySlug)
        requireRole(actor, city.id, 'admin', () => new CityNotFoundError(citySlug))
        const { periodStart, periodEnd, counts } = input
        if (!coversHalfYear(periodStart, periodEnd)) throw new IncidentPeriodTooShortError(periodStart, periodEnd)
        checkCounts(counts)
        const overlap = await overlappingPeriod(tx, city.id, periodStart, periodEnd)
        if (overlap) throw new IncidentPeriodOverlapError(overlap.periodStart, overlap.periodEnd)

        const period = { periodStart, periodEnd }
        const before = await periodCounts(tx, city.id, periodStart, periodEnd)
        await replacePeriodCounts(tx, city.id, periodStart, periodEnd, counts)
        const after = toIncidentPeriod(period, await periodCounts(tx, city.id, periodStart, periodEnd))
        await recordAudit(tx, actor, {
          cityId: city.id,
          action: 'incidents.period.replace',
          entityType: 'incident_period',
          entityId: periodKey(period),
          before: before.length ? toIncidentPeriod(period, before) : null,
          after: after.counts.length ? after : null,
        })
        return after
      })
    },

    /** Aggregated, suppressed figures anyone may read (SECURITY.md goal 41). */
    async publicTable (citySlug: string, query: PublicIncidentQuery): Promise<PublicIncidentTable> {
      const city = await getCityBySlug(db, citySlug)
      if ((query.periodStart === undefined) !== (query.periodEnd === undefined)) throw new IncidentPeriodIncompleteError()
      const rows = await listIncidentCounts(db, city.id)
      const periods = periodsOf(rows)
      const wanted = query.periodStart === undefined ? null : { periodStart: query.periodStart, periodEnd: query.periodEnd! }
      const periodIndex = wanted === null ? null : periods.findIndex((period) => periodKey(period) === periodKey(wanted))
      if (wanted !== null && periodIndex === -1) throw new IncidentPeriodNotFoundError(wanted.periodStart, wanted.periodEnd)

      const indexOfPeriod = new Map(periods.map((period, index) => [periodKey(period), index]))
      // Sorted, so the same data always gives the same memo key whatever order the database returns.
      const counts = rows.map((row) => ({ period: indexOfPeriod.get(periodKey(row))!, ...positionOf(row), count: row.count }))
        .sort((a, b) => a.period - b.period || a.kind - b.kind || a.area - b.area || a.channel - b.channel)
      const dimensions = query.dimensions.split(',') as IncidentDimension[]
      const withheld = withheldFor(counts, periods.length, city.incidentThreshold)
      return {
        threshold: city.incidentThreshold,
        period: wanted,
        periods: wanted === null ? periods : [wanted],
        dimensions,
        figures: publicFigures(counts, withheld, dimensions, periodIndex),
      }
    },
  }
}
