import { sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { changeChannel, encodeScope, type ChangeScope } from './read-cache.ts'

/** Tells every instance listening on the change channel what changed; PostgreSQL delivers it only on commit. */
export async function notifyChange (tx: Db, scope: ChangeScope) {
  await tx.execute(sql`select pg_notify(${changeChannel}, ${encodeScope(scope)})`)
}
