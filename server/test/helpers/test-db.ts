import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { inject } from 'vitest'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, type Db } from '../../src/db/client.ts'

/** Tables that hold data; the reference tables filled by migrations are left alone. */
const dataTables = [
  'city_open_data',
  'cycle_snapshots', 'cycle_narratives', 'reporting_cycles', 'indicator_values', 'indicator_measures', 'indicator_commitments', 'indicators',
  'audit_log', 'incident_releases', 'incident_counts', 'second_factor_challenges', 'recovery_codes', 'second_factors', 'sso_logins', 'city_identity_providers', 'sign_in_attempts', 'invitations', 'city_invitations', 'password_resets', 'password_reset_requests', 'setup_tokens', 'sessions', 'membership_organisations', 'memberships',
  'steering_decision_measures', 'steering_decisions', 'steering_meeting_attendees', 'steering_meetings', 'steering_members',
  'users', 'app_meta', 'status_updates', 'measure_example_actions', 'measure_relations', 'measure_involved_organisations',
  'measure_secondary_commitments', 'measures', 'organisations', 'plan_commitments', 'plans', 'cities',
]

export interface TestDb {
  db: Db
  driver: 'pglite' | 'postgres'
  /** Connection string of the test database, on PostgreSQL only. */
  url?: string
  /** Empties every data table and restarts ids, between tests. */
  reset: () => Promise<void>
  close: () => Promise<void>
}

/**
 * One database per test file. Without TEST_DATABASE_URL it is an in-memory PGlite; with it, a fresh
 * database is created on that PostgreSQL server and dropped afterwards, so the same tests run on both.
 */
export async function useTestDb (): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    const template = inject('pgliteTemplate')
    const loadDataDir = template ? new Blob([await readFile(template)]) : undefined
    const handle = await openDatabase({ dataDir: 'memory://', loadDataDir })
    // A no-op on the migrated template; still run so a stale template can never hide a new migration.
    await handle.migrate()
    return { db: handle.db, driver: 'pglite', reset: () => truncate(handle.db), close: handle.close }
  }

  const name = `eccar_test_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(serverUrl, `create database "${name}"`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({ url: url.toString(), poolSize: 12, applicationName: 'eccar-test' })
  await handle.migrate()
  return {
    db: handle.db,
    driver: 'postgres',
    url: url.toString(),
    reset: () => truncate(handle.db),
    close: async () => {
      await handle.close()
      await adminQuery(serverUrl, `drop database if exists "${name}" with (force)`)
    },
  }
}

async function truncate (db: Db) {
  // The audit trail refuses TRUNCATE through a trigger; tests switch triggers off for their own reset only.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`)
    await tx.execute(sql.raw(`truncate ${dataTables.join(', ')} restart identity cascade`))
  })
}

async function adminQuery (url: string, statement: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** Session bookkeeping that signing in changes; not part of "nothing changed". */
const bookkeeping = new Set(['users', 'sessions', 'sign_in_attempts', 'second_factor_challenges'])

/** Row counts of every data table, audit trail included: a cheap fingerprint to prove a rejected request changed nothing. */
export async function tableCounts (db: Db) {
  const counts: Record<string, number> = {}
  for (const table of dataTables.filter((name) => !bookkeeping.has(name))) {
    // node-postgres and PGlite both answer with `{ rows }`; the shared Db type leaves the result untyped.
    const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`)) as unknown as { rows: { n: number }[] }
    counts[table] = Number(result.rows[0]!.n)
  }
  return counts
}
