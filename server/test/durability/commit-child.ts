/**
 * Run by durability.test.ts under strace: opens the embedded database in a folder (durable unless
 * DURABLE=false), waits until it is up, then commits COMMITS single-row transactions, printing a
 * marker line before the first so the test counts only the sync calls of the commits.
 */
import { sql } from 'drizzle-orm'
import { openDatabase } from '../../src/db/client.ts'

const dataDir = process.argv[2]!
const commits = Number(process.env.COMMITS ?? '10')
const handle = await openDatabase({ dataDir, durable: process.env.DURABLE !== 'false' })
await handle.db.execute(sql`create table if not exists durability_probe (id serial primary key, at timestamptz not null default now())`)
// strace writes this write(2) into its own log, between the start-up's calls and the commits'.
process.stdout.write('commits-start\n')
for (let i = 0; i < commits; i++) await handle.db.execute(sql`insert into durability_probe default values`)
process.stdout.write('commits-end\n')
const { rows } = await handle.db.execute(sql`select count(*)::int as n from durability_probe`) as unknown as { rows: { n: number }[] }
process.stdout.write(`rows ${rows[0]!.n}\n`)
await handle.close()
