import type {
  IncidentAudit, IncidentCount, IncidentRelease, IncidentReleaseList, IncidentReleaseSummary, PrepareIncidentRelease, PublicIncidentQuery,
  PublicIncidentReleaseRef, PublicIncidents,
} from '@eccar/shared'
import { canReadRawIncidents, ForbiddenError, userIdOf, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { dayInZone } from '../../lib/dates.ts'
import { getCityAs, getCityBySlug } from '../cities/cities.service.ts'
import { protectionTarget } from './incidents.audit.ts'
import {
  IncidentPeriodNotFoundError, IncidentReleaseAuditStaleError, IncidentReleaseNotFoundError, IncidentReleasePendingError,
  IncidentReleasePeriodOpenError, IncidentReleaseStateError, IncidentReleaseUnchangedError,
} from './incidents.errors.ts'
import { fullShape } from './incidents.figures.ts'
import { planRelease } from './incidents.publisher.ts'
import { periodCounts } from './incidents.queries.ts'
import { auditViews, denseCounts, publicViews, publishedVersion } from './incidents.release-views.ts'
import {
  deleteRelease, findRelease, insertRelease, listReleases, periodReleases, publishedSince, updateRelease, type IncidentReleaseRow,
} from './incident-releases.queries.ts'
import { toIncidentPeriod } from './incidents.service.ts'

const iso = (date: Date | null) => (date === null ? null : date.toISOString())
const totalOf = (counts: readonly IncidentCount[]) => counts.reduce((sum, cell) => sum + cell.count, 0)
// jsonb reorders object keys, so counts are compared cell by cell, not as JSON text.
const cellsOf = (counts: readonly IncidentCount[]) => counts.map(({ kind, area, channel, count }) => `${kind}/${area}/${channel}=${count}`).sort().join(',')
const sameCounts = (a: readonly IncidentCount[], b: readonly IncidentCount[]) => cellsOf(a) === cellsOf(b)

function toSummary (row: IncidentReleaseRow, raw: boolean): IncidentReleaseSummary {
  return {
    id: row.id,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    version: row.version,
    state: row.state,
    threshold: row.threshold,
    ...(raw ? { total: totalOf(row.counts) } : {}),
    preparedAt: row.preparedAt.toISOString(),
    checkedAt: iso(row.checkedAt),
    publishedAt: iso(row.publishedAt),
  }
}

export const toRelease = (row: IncidentReleaseRow): IncidentRelease =>
  ({ ...toSummary(row, true), total: totalOf(row.counts), counts: row.counts, audit: row.audit ?? null })

const toRef = (row: IncidentReleaseRow): PublicIncidentReleaseRef =>
  ({ id: row.id, periodStart: row.periodStart, periodEnd: row.periodEnd, version: row.version, publishedAt: row.publishedAt!.toISOString() })


/**
 * Incident releases (issue 10): prepare (freeze the period's counts), audit (the attacker's integer
 * program decides what to withhold), publish (admins; frozen for good), and the public answer, which
 * reads published releases only.
 */
export function createIncidentReleasesService (db: Db, onChange: ChangeListener = () => {}) {
  /** The city, for someone allowed to see raw counts; others get 403, other cities' members 404. */
  async function rawCity (citySlug: string, actor: Actor) {
    const city = await getCityAs(db, citySlug, actor, 'viewer')
    if (!canReadRawIncidents(actor, city.id)) throw new ForbiddenError('needs the admin or incidents role')
    return city
  }
  async function releaseOf (cityId: number, id: number) {
    const row = await findRelease(db, cityId, id)
    if (!row) throw new IncidentReleaseNotFoundError(String(id))
    return row
  }

  return {
    async list (citySlug: string, actor: Actor): Promise<IncidentReleaseList> {
      const city = await getCityBySlug(db, citySlug)
      const raw = canReadRawIncidents(actor, city.id)
      return { releases: (await listReleases(db, city.id, !raw)).map((row) => toSummary(row, raw)) }
    },

    async get (citySlug: string, id: number, actor: Actor) {
      const city = await rawCity(citySlug, actor)
      return toRelease(await releaseOf(city.id, id))
    },

    async prepare (citySlug: string, input: PrepareIncidentRelease, actor: Actor) {
      await rawCity(citySlug, actor)
      return db.transaction(async (tx) => {
        // The city's row lock serialises preparations, so two drafts of one period cannot race.
        const city = await getCityBySlug(tx, citySlug, { forUpdate: true })
        const { periodStart, periodEnd } = input
        if (periodEnd >= dayInZone(new Date(), city.timeZone)) throw new IncidentReleasePeriodOpenError(periodStart, periodEnd)
        const rows = await periodCounts(tx, city.id, periodStart, periodEnd)
        if (rows.length === 0) throw new IncidentPeriodNotFoundError(periodStart, periodEnd)
        const counts = toIncidentPeriod(input, rows).counts.filter((cell) => cell.count > 0)
        const earlier = await periodReleases(tx, city.id, periodStart, periodEnd)
        const pending = earlier.find((row) => row.state !== 'published')
        if (pending) throw new IncidentReleasePendingError(String(pending.id))
        const newest = earlier.at(-1)
        if (newest && sameCounts(newest.counts, counts)) throw new IncidentReleaseUnchangedError(String(newest.version))
        const row = await insertRelease(tx, {
          cityId: city.id, periodStart, periodEnd, version: (newest?.version ?? 0) + 1, threshold: city.incidentThreshold, counts, preparedBy: userIdOf(actor),
        })
        await recordAudit(tx, actor, {
          cityId: city.id, action: 'incidents.release.prepare', entityType: 'incident_release', entityId: row.id, before: null, after: toSummary(row, true),
        })
        return toRelease(row)
      })
    },

    /**
     * Runs the audit outside any transaction (it takes seconds and reads only frozen rows), then
     * stores its result in a short one that checks nothing moved meanwhile.
     */
    async audit (citySlug: string, id: number, actor: Actor) {
      const city = await rawCity(citySlug, actor)
      const row = await releaseOf(city.id, id)
      if (row.state === 'published') throw new IncidentReleaseStateError('published', 'audited again')
      const started = Date.now()
      const published = (await listReleases(db, city.id, true))
      const earlier = published.filter((other) => other.periodStart === row.periodStart && other.periodEnd === row.periodEnd)
        .map((other) => publishedVersion(other.counts, other.threshold, other.views!))
      const counts = denseCounts(row.counts)
      const plan = await planRelease(fullShape, earlier, counts, row.threshold)
      const checkedAt = new Date()
      const audit: IncidentAudit = {
        threshold: row.threshold,
        protection: { lower: 1, upper: protectionTarget(1, row.threshold) },
        views: auditViews(counts, plan),
        droppedViews: plan.dropped,
        releasesConsidered: published.length,
        rounds: plan.rounds,
        solves: plan.solves,
        durationMs: Date.now() - started,
        checkedAt: checkedAt.toISOString(),
      }
      return db.transaction(async (tx) => {
        const updated = await updateRelease(tx, row.id, { state: 'checked', audit, views: publicViews(counts, plan), checkedBy: userIdOf(actor), checkedAt }, ['draft', 'checked'])
        if (!updated) throw new IncidentReleaseStateError('published or deleted', 'audited')
        // A release published while this audit ran is not in it: the stored result says when it was made.
        await recordAudit(tx, actor, {
          cityId: city.id, action: 'incidents.release.audit', entityType: 'incident_release', entityId: row.id,
          before: toSummary(row, true), after: { ...toSummary(updated, true), droppedViews: plan.dropped, withheld: plan.withheld.filter(Boolean).length },
        })
        return toRelease(updated)
      })
    },

    async publish (citySlug: string, id: number, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const city = await getCityAs(tx, citySlug, actor, 'admin', { forUpdate: true, what: 'only administrators publish' })
        const row = await findRelease(tx, city.id, id)
        if (!row) throw new IncidentReleaseNotFoundError(String(id))
        if (row.state !== 'checked') throw new IncidentReleaseStateError(row.state, 'published')
        if (await publishedSince(tx, city.id, row.checkedAt!)) throw new IncidentReleaseAuditStaleError()
        const updated = await updateRelease(tx, row.id, { state: 'published', publishedBy: userIdOf(actor), publishedAt: new Date() }, ['checked'])
        await recordAudit(tx, actor, {
          cityId: city.id, action: 'incidents.release.publish', entityType: 'incident_release', entityId: row.id, before: toSummary(row, true), after: toSummary(updated!, true),
        })
        await announce('everything')
        return toRelease(updated!)
      })
    },

    async remove (citySlug: string, id: number, actor: Actor) {
      await rawCity(citySlug, actor)
      await db.transaction(async (tx) => {
        const city = await getCityBySlug(tx, citySlug, { forUpdate: true })
        const row = await findRelease(tx, city.id, id)
        if (!row) throw new IncidentReleaseNotFoundError(String(id))
        if (row.state === 'published') throw new IncidentReleaseStateError('published', 'deleted')
        await deleteRelease(tx, row.id)
        await recordAudit(tx, actor, {
          cityId: city.id, action: 'incidents.release.delete', entityType: 'incident_release', entityId: row.id, before: toSummary(row, true), after: null,
        })
      })
    },

    /** Published releases only: the newest version of each period, and the figures of one of them. */
    async publicReleases (citySlug: string, query: PublicIncidentQuery): Promise<PublicIncidents> {
      const city = await getCityBySlug(db, citySlug)
      const newest = new Map<string, IncidentReleaseRow>()
      for (const row of await listReleases(db, city.id, true)) newest.set(`${row.periodStart}/${row.periodEnd}`, row)
      const releases = [...newest.values()]
      let chosen: IncidentReleaseRow | undefined
      if (query.release !== undefined) {
        chosen = releases.find((row) => row.id === query.release)
        if (!chosen) throw new IncidentReleaseNotFoundError(String(query.release))
      } else if (query.periodStart !== undefined || query.periodEnd !== undefined) {
        chosen = newest.get(`${query.periodStart}/${query.periodEnd}`)
        if (!chosen) throw new IncidentPeriodNotFoundError(query.periodStart ?? '?', query.periodEnd ?? '?')
      } else chosen = releases.at(-1)
      return {
        releases: releases.map(toRef),
        release: chosen ? { ...toRef(chosen), threshold: chosen.threshold, views: chosen.views! } : null,
      }
    },
  }
}
