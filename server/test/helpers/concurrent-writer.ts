import pg from 'pg'
import { afterEach } from 'vitest'

/**
 * Second sessions on the test database, as other writers (another request, another instance), each in
 * an open transaction; ended after each test. Row locks between two sessions need PostgreSQL: PGlite has
 * one connection, and no address (`url` undefined): the tests using these skip there.
 */
export function useConcurrentWriters (url: string | undefined) {
  const sessions: pg.Client[] = []
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((client) => client.end().catch(() => {})))
  })

  async function otherWriter () {
    if (url === undefined) throw new Error('a second session needs PostgreSQL (TEST_DATABASE_URL)')
    const client = new pg.Client({ connectionString: url })
    sessions.push(client)
    client.on('error', () => {})
    await client.connect()
    await client.query('begin')
    return client
  }

  /** Resolves once one of the app's statements waits for a lock. */
  async function appWaitsForLock (other: pg.Client) {
    for (let poll = 0; poll < 250; poll++) {
      const { rows } = await other.query(`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`)
      if (rows[0].n > 0) return
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error('the app never waited for a lock')
  }

  /**
   * Runs `first` in another session's open transaction, then `second` in the app's, which must wait for
   * the other to commit; resolves once both are written. `second` must start its statement before it
   * returns (an async function awaiting it): a drizzle query runs only once awaited.
   */
  async function oneAfterTheOther (first: { text: string, values: unknown[] }, second: () => Promise<unknown>) {
    const other = await otherWriter()
    await other.query(first.text, first.values)
    const waiting = second()
    await appWaitsForLock(other)
    await other.query('commit')
    await waiting
  }

  return { otherWriter, appWaitsForLock, oneAfterTheOther }
}
