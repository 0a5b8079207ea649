import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client.ts'
import { VersionConflictError } from './versioning.ts'

type VersionedTable = PgTable & { version: PgColumn }

/**
 * Writes the changes and raises the version by one, only where the version is still the one the
 * write was checked against; a row count other than one means someone else got there first.
 * Tables with an `updatedAt` column get it set to now unless the changes name it. Returns the new version.
 */
export async function updateVersioned<T extends VersionedTable> (tx: Db, table: T, where: SQL, expected: number, values: PgUpdateSetSource<T> = {}) {
  const stamp = 'updatedAt' in table ? { updatedAt: new Date() } : {}
  const updated = await tx.update(table)
    .set({ ...stamp, ...values, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>)
    .where(and(where, eq(table.version, expected)))
    .returning({ version: table.version })
  if (updated.length !== 1) throw new VersionConflictError(null)
  return expected + 1
}
