import type { Db } from '../db/client.ts'
import type { ChangeScope } from './read-cache.ts'
import { notifyChange } from './write-transaction.queries.ts'

/** Receives the scopes a committed transaction changed. */
export type ChangeListener = (scope: ChangeScope) => void

export type Announce = (scope: ChangeScope) => Promise<void>

/**
 * Runs a write in one transaction and tells the read cache what it changed. Other instances hear it
 * through NOTIFY, which PostgreSQL delivers only on commit; this instance is told right after the
 * commit, so a client always reads its own writes.
 */
export async function writeTransaction<T> (db: Db, onChange: ChangeListener, work: (tx: Db, announce: Announce) => Promise<T>): Promise<T> {
  const scopes: ChangeScope[] = []
  const result = await db.transaction((tx) => work(tx, async (scope) => {
    scopes.push(scope)
    await notifyChange(tx, scope)
  }))
  for (const scope of scopes) onChange(scope)
  return result
}
