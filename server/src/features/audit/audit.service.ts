import { Limits, type AuditEntry, type AuditList, type AuditQuery } from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { getCityAs } from '../cities/cities.service.ts'
import { listAuditEntries, type AuditRow } from './audit.queries.ts'

export function toAuditEntry (row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    // The trail has no foreign keys and outlives accounts: a removed user keeps their id, not "system".
    actor: row.actorUserId === null ? null : { id: row.actorUserId, displayName: row.actorName ?? `#${row.actorUserId}` },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  }
}

export function createAuditService (db: Db) {
  return {
    /** The city's audit trail, for its administrators only. */
    async list (citySlug: string, query: AuditQuery, actor: Actor): Promise<AuditList> {
      const city = await getCityAs(db, citySlug, actor, 'admin', { what: 'only the city\'s administrators read the audit trail' })
      const { limit = Limits.listPageDefault, offset = 0, ...filters } = query
      const { rows, total } = await listAuditEntries(db, city.id, filters, { limit, offset })
      return { items: rows.map(toAuditEntry), total, limit, offset }
    },
  }
}
