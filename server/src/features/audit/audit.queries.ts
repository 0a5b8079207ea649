import type { AuditQuery } from '@eccar/shared'
import { and, count, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { auditLog, users } from '../../db/schema/index.ts'

export type AuditFilters = Omit<AuditQuery, 'limit' | 'offset'>

/** Escapes LIKE wildcards, so only the trailing `%` we add is a pattern. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

function auditConditions (cityId: number, filters: AuditFilters) {
  const conditions: SQL[] = [eq(auditLog.cityId, cityId)]
  if (filters.entityType !== undefined) conditions.push(eq(auditLog.entityType, filters.entityType))
  if (filters.entityId !== undefined) conditions.push(eq(auditLog.entityId, filters.entityId))
  if (filters.actorId !== undefined) conditions.push(eq(auditLog.actorUserId, filters.actorId))
  if (filters.action !== undefined) {
    // `measure.` names a family of actions; anything else is one action.
    conditions.push(filters.action.endsWith('.') ? like(auditLog.action, `${escapeLike(filters.action)}%`) : eq(auditLog.action, filters.action))
  }
  if (filters.from !== undefined) conditions.push(gte(auditLog.at, new Date(filters.from)))
  if (filters.to !== undefined) conditions.push(lt(auditLog.at, new Date(filters.to)))
  return and(...conditions)!
}

/** A page of a city's audit trail, newest first, with the acting user's name. */
export async function listAuditEntries (db: Db, cityId: number, filters: AuditFilters, page: { limit: number, offset: number }) {
  const where = auditConditions(cityId, filters)
  const [rows, [total]] = await Promise.all([
    db.select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      requestId: auditLog.requestId,
    }).from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      // Rows of one transaction share `at` (the transaction's start), so the id decides among them.
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ value: count() }).from(auditLog).where(where),
  ])
  return { rows, total: total?.value ?? 0 }
}
export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>['rows'][number]

/** Appends rows to the audit trail in one statement (the writer scrubs them first). */
export async function insertAuditRows (db: Db, rows: (typeof auditLog.$inferInsert)[]) {
  await db.insert(auditLog).values(rows)
}
