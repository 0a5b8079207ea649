// Fails loudly when the PostgreSQL that the server suite should run against cannot be reached,
// so a missing database never turns into a silently skipped suite.
import pg from 'pg'

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
try {
  await client.connect()
  const { rows } = await client.query('show server_version')
  console.log(`PostgreSQL ${rows[0].server_version} reachable at ${new URL(url).host}`)
} catch (error) {
  console.error(`PostgreSQL is not reachable at ${new URL(url).host}: ${error.message}`)
  console.error('Start it (see README, "Running the tests") or set TEST_DATABASE_URL.')
  process.exitCode = 1
} finally {
  await client.end().catch(() => {})
}
