import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm'
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

type IdentifiedTable = VersionedTable & { id: PgColumn }

/**
 * `updateVersioned` for a batch in one statement: each row gets its own values and its version raised
 * by one, only where the version is still the one it was checked against. The rows should be locked
 * (`FOR UPDATE`) and checked first; a row count other than the batch's means someone else got there
 * first, and the caller's transaction fails with 412. Returns the rows as they are now.
 */
export async function updateVersionedRows<T extends IdentifiedTable, K extends keyof T['$inferInsert'] & keyof T & string> (
  tx: Db, table: T, columns: readonly K[], rows: readonly { id: number, expected: number, values: Pick<T['$inferInsert'], K> }[],
): Promise<T['$inferSelect'][]> {
  if (rows.length === 0) return []
  // The rows arrive as one array per column (unnest), so the statement has a few parameters however long the batch;
  // sent as text arrays, which every driver serialises, and cast in the database to the column's type.
  const list = (values: unknown[], type: string) =>
    sql`${sql.param(values.map((value) => (value === null || value === undefined ? null : String(value))))}::text[]::${sql.raw(type)}[]`
  const arrays = [list(rows.map((row) => row.id), 'integer'), list(rows.map((row) => row.expected), 'integer')]
  const set: Record<string, unknown> = 'updatedAt' in table ? { updatedAt: new Date() } : {}
  columns.forEach((key, index) => {
    const column = table[key] as unknown as PgColumn
    arrays.push(list(rows.map((row) => (row.values[key] === null ? null : column.mapToDriverValue(row.values[key]))), column.getSQLType()))
    set[key] = sql.raw(`batch.c${index}`)
  })
  const names = ['id', 'expected', ...columns.map((_, index) => `c${index}`)].join(', ')
  const updated = await tx.update(table)
    .set({ ...set, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>)
    .from(sql`unnest(${sql.join(arrays, sql`, `)}) as batch(${sql.raw(names)})`)
    .where(sql`${table.id} = batch.id and ${table.version} = batch.expected`)
    .returning(getTableColumns(table)) as unknown as T['$inferSelect'][]
  if (updated.length !== rows.length) throw new VersionConflictError(null)
  return updated
}
