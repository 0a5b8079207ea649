import { recordAudit, type AuditEntry } from '../audit/audit.writer.ts'
import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { cityIdsOfPerson } from './users.queries.ts'

/**
 * One audit row in every city the person belongs to, so each city's admins see what happened to their
 * member (a password link, a reset); a person without any city gets one row outside all cities.
 */
export async function recordAuditForPerson (tx: Db, actor: Actor, userId: number, entry: Omit<AuditEntry, 'cityId' | 'entityType' | 'entityId'>) {
  const cityIds = await cityIdsOfPerson(tx, userId)
  for (const cityId of cityIds.length ? cityIds : [null]) {
    await recordAudit(tx, actor, { ...entry, cityId, entityType: 'user', entityId: userId })
  }
}
