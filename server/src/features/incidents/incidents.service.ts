import {
  discriminationKinds, lifeAreas, reportingChannels, type IncidentPeriod, type IncidentPeriodRef, type ReplaceIncidentPeriod,
} from '@eccar/shared'
import { canReadRawIncidents, ForbiddenError, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { getCityAs } from '../cities/cities.service.ts'
import { IncidentCellDuplicateError, IncidentPeriodOverlapError, IncidentPeriodTooShortError } from './incidents.errors.ts'
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

export function createIncidentsService (db: Db, onChange: ChangeListener = () => {}) {
  return {
    /** Everything entered, unsuppressed: administrators and the anti-discrimination office only. */
    async table (citySlug: string, actor: Actor) {
      const city = await getCityAs(db, citySlug, actor, 'viewer')
      if (!canReadRawIncidents(actor, city.id)) throw new ForbiddenError('needs the admin or incidents role')
      const rows = await listIncidentCounts(db, city.id)
      return { threshold: city.incidentThreshold, periods: periodsOf(rows).map((period) => toIncidentPeriod(period, rows)) }
    },

    async replacePeriod (citySlug: string, input: ReplaceIncidentPeriod, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        // The city's row lock makes the overlap check and the replacement one step for concurrent writers.
        const city = await getCityAs(tx, citySlug, actor, 'viewer', { forUpdate: true })
        if (!canReadRawIncidents(actor, city.id)) throw new ForbiddenError('needs the admin or incidents role')
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
  }
}
