import { VersionConflictError, VersionRequiredError } from './versioning.ts'

/** How a write finds, locks and guards the record it changes. */
export interface LockedRecord<Row> {
  /** Reads the record with a row lock (`FOR UPDATE`), or undefined when there is none. */
  lock: () => Promise<Row | undefined>
  notFound: () => Error
  /** Who may write, then whether the record's state allows the write; nothing is revealed before it passes. */
  check: (row: Row) => unknown
}

export interface VersionedRecord<Row> extends LockedRecord<Row> {
  /** The version the client edited (If-Match or a "version" field); undefined when it sent none. */
  expected: number | undefined
  /** The record as the client may see it now: the body of the 412 answer. */
  current: (row: Row) => unknown
  /** The record's version; `row.version` unless the write guards a part of the record with a version of its own. */
  versionOf?: (row: Row) => number
}

/** Locks the record for a write that is not versioned: 404, then the role and state checks. */
export async function lockRecord<Row> (record: LockedRecord<Row>): Promise<Row> {
  const row = await record.lock()
  if (row === undefined) throw record.notFound()
  await record.check(row)
  return row
}

/**
 * The one order of every versioned write: the record exists (404), the caller may write it and its
 * state allows the write (401/403/404/409), the client named the version it edited (428), the
 * version is still current (412). The row stays locked until the transaction ends, so the check and
 * the write cannot interleave with another writer.
 */
export async function lockVersioned<Row extends { version: number }> (record: VersionedRecord<Row>): Promise<Row>
export async function lockVersioned<Row> (record: VersionedRecord<Row> & { versionOf: (row: Row) => number }): Promise<Row>
export async function lockVersioned<Row> (record: VersionedRecord<Row>): Promise<Row> {
  const row = await lockRecord(record)
  if (record.expected === undefined) throw new VersionRequiredError()
  const version = record.versionOf ? record.versionOf(row) : (row as { version: number }).version
  if (version !== record.expected) throw new VersionConflictError(await record.current(row))
  return row
}
