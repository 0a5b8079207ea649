import type { Db } from '../../db/client.ts'
import { userIdOf, type Actor } from '../../auth/actor.ts'
import { insertAuditRows } from './audit.queries.ts'

export interface AuditEntry {
  cityId: number | null
  action: string
  entityType: string
  entityId: number | string
  before?: unknown
  after?: unknown
}

/** Secrets never enter the trail, whatever row a caller hands over. */
const secretFields = new Set(['passwordHash', 'csrfToken', 'tokenHash', 'secret', 'codeHash'])
function scrub (value: unknown): unknown {
  if (value === null || value === undefined) return null
  return JSON.parse(JSON.stringify(value, (key, inner) => (secretFields.has(key) ? undefined : inner)))
}

/** Appends one audit row; call it inside the write's transaction so both commit or neither does. */
export async function recordAudit (tx: Db, actor: Actor, entry: AuditEntry) {
  await recordAudits(tx, actor, [entry])
}

/** One audit row per entry in one statement, for batch writes (a bulk import writes one per changed record). */
export async function recordAudits (tx: Db, actor: Actor, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return
  await insertAuditRows(tx, entries.map((entry) => ({
    cityId: entry.cityId,
    actorUserId: userIdOf(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: scrub(entry.before),
    after: scrub(entry.after),
    requestId: actor.requestId,
  })))
}
