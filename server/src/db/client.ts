import { createHash } from 'node:crypto'
import { cpSync, existsSync, fsyncSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite, type PGliteOptions } from '@electric-sql/pglite'
import { NodeFS } from '@electric-sql/pglite/nodefs'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { sql } from 'drizzle-orm'
import type { ClientBase, Pool, PoolClient } from 'pg'
import { repoRoot } from '../lib/repo-root.ts'
import { compilePgliteWasm } from './pglite-wasm.ts'
import * as schema from './schema/index.ts'

/** The one database type the code is written against: node-postgres, PGlite and transactions all satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

export interface DatabaseHandle {
  db: Db
  driver: 'pglite' | 'postgres'
  migrate: () => Promise<void>
  close: () => Promise<void>
  /** PGlite only: the whole database as a tarball, e.g. a migrated template for tests. */
  dump?: () => Promise<Blob>
}

const migrationsFolder = join(repoRoot, 'migrations')

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it an embedded PGlite database is used. */
  url?: string | undefined
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined
  /** Name shown in pg_stat_activity, so operators can tell our connections apart. */
  applicationName?: string
  poolSize?: number
  /** PGlite only: start from this dump instead of an empty database. */
  loadDataDir?: Blob
  /**
   * PGlite in a folder only: make every commit durable (the WAL is fsynced before a commit returns,
   * as on PostgreSQL). Default true; false is PGlite's own default (no sync call at all).
   */
  durable?: boolean
}

/**
 * The migrated empty database (a cleanly shut down data folder) that `npm run build:server` writes; a
 * fresh data folder starts as a copy of it, which takes a fraction of initdb plus every migration.
 */
export const pgliteTemplateDir = join(repoRoot, 'server', 'dist', 'pglite-template')

export async function openDatabase (options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url
    ? openPostgres(options.url, options)
    : openPglite(options.dataDir ?? 'memory://', options.loadDataDir, options.durable ?? true)
}

async function openPostgres (url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  // Loaded only here, so the embedded default does not load the PostgreSQL driver at start-up.
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'), import('drizzle-orm/node-postgres'), import('drizzle-orm/node-postgres/migrator'),
  ])
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 10_000,
    application_name: options.applicationName ?? 'eccar-tracker',
    // Named reads (`prepareReads`) keep their plan: under `auto`, PostgreSQL planned some of them again
    // for every request, because each plan for the given values looked cheaper than the kept one. That
    // planning cost more than running the statement (needs attention 0.38 against 0.33 ms, the measure
    // detail 0.42 against 0.43 ms). The kept (generic) plans are the ones `npm run bench:scale` checks
    // with EXPLAIN at the scale of 500 cities.
    options: '-c plan_cache_mode=force_generic_plan',
    // Awaited before the pool hands the new connection out, so these are the connection's first statements.
    onConnect: async (client) => {
      await raiseMallocThresholds(client)
      await costRandomReadsAsCached(client)
    },
  })
  // Without a listener, an idle client whose backend dies would crash the process.
  pool.on('error', () => {})
  pool.on('connect', prepareReads)
  const db = drizzlePg(pool, { schema, casing: 'snake_case' })
  return {
    db,
    driver: 'postgres',
    migrate: async () => {
      if (!await migrationsCurrent(db)) await withMigrationLock(pool, () => migratePg(db, { migrationsFolder }))
    },
    close: () => pool.end(),
  }
}

/**
 * Our largest answers (the plan, the lists: 35–92 KB of JSON built by the backend) are a few hundred
 * KB that a backend allocates and frees on every read. glibc's malloc, which PostgreSQL uses on Linux,
 * gives the top of its heap back to the system once more than 128 KB is free there, so the next read
 * takes the pages back, one page fault each: about 96 faults per plan read, which made the read
 * 3.5 times as expensive (PostgreSQL's CPU per read 1.4–1.9 against 0.35–0.53 ms, measured on one
 * connection, 2,000 reads). Whether a backend fell into this depended on which statements it had run
 * before. glibc raises both thresholds for good once a block it had mapped separately (one of 128 KB
 * or more) is freed, to that block's size and twice that. This one statement, the first on each new
 * connection, allocates and frees 1 MB, so a backend keeps up to 2 MB of freed heap (20 MB for a
 * pool of ten) and reads no longer fault. It costs a new connection 7–12 ms on this 2-core virtual
 * machine, where a page fault costs about 10 µs (the same faults that made the plan read slow), and
 * nothing where the server's allocator behaves otherwise.
 */
async function raiseMallocThresholds (client: ClientBase) {
  // A failure costs only the speed-up: if the connection itself is broken, the caller's statement reports it.
  await client.query("select length(repeat(repeat('x', 1024), 1024))").catch(() => {})
}

/**
 * PostgreSQL's default `random_page_cost` (4.0) prices a page read by key as four sequential ones, a
 * model of spinning disks. A city's tables are small and stay in memory, so with it the kept generic
 * plans read small tables whole: the measure page scanned all 311 links of the benchmark's two plans,
 * and hashed the 26 ECCAR example actions, to find three of each. PostgreSQL's documentation suggests
 * 1.1 for solid-state drives (and 1.0 for a database held in memory). At 1.1 the page's statement took
 * 167 against 193 µs in a loop of 2,000 executions.
 * Set on the app's connections only, and only where the server keeps the default: an operator's own
 * value (postgresql.conf, ALTER DATABASE or ALTER ROLE) stays. `npm run bench:scale`'s EXPLAIN check
 * plans with the same setting.
 */
export async function costRandomReadsAsCached (client: Pick<ClientBase, 'query'>) {
  await client.query(`select set_config('random_page_cost', '1.1', false) from pg_settings
    where name = 'random_page_cost' and source = 'default'`).catch(() => {})
}

/** Named statements one connection keeps at most; beyond that, further texts run unprepared. */
const preparedPerConnection = 500
/** Longer texts are one-off statements (imports, bulk inserts), not worth a place. */
const preparedTextMax = 16_000

/**
 * Every read runs as a named prepared statement on its connection: PostgreSQL parses and plans a
 * text once per connection instead of once per request (the pool's `plan_cache_mode` keeps the plan).
 * For the reads of a measure list, planning took longer than executing (EXPLAIN ANALYZE: about 7–13 ms
 * planning against 1–3 ms execution under load). The name is a hash of the text, so the same query
 * finds its statement again; writes and long or rare texts run as before.
 */
function prepareReads (client: PoolClient) {
  const names = new Set<string>()
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  client.query = ((config: unknown, ...rest: unknown[]) => {
    if (config && typeof config === 'object' && !('name' in config && (config as { name?: string }).name) && 'text' in config) {
      const text = (config as { text: unknown }).text
      if (typeof text === 'string' && text.length <= preparedTextMax && /^\s*(select|with)\b/i.test(text)) {
        const name = `r${createHash('sha1').update(text).digest('base64url')}`
        if (names.has(name) || names.size < preparedPerConnection) {
          names.add(name)
          // Assigned, not `{ ...config, name }`: V8 adds a property to a spread copy slowly, on every read.
          return query(Object.assign({}, config, { name }), ...rest)
        }
      }
    }
    return query(config, ...rest)
  }) as typeof client.query
}

/**
 * Whether the newest migration in the folder is applied already, by drizzle's own rule (a migration
 * runs when its folder time is newer than the newest applied one's). Then every start but the first
 * after an update skips the migrator, which reads and hashes every file and runs its catalogue
 * statements (about 0.1 s of an embedded start). A database without the table is not current.
 */
export async function migrationsCurrent (db: Db) {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] }
  const newestInFolder = Math.max(...journal.entries.map((entry) => entry.when))
  try {
    const result = await db.execute(sql`select max(created_at) as newest from drizzle.__drizzle_migrations`) as unknown as { rows: { newest: string | number | null }[] }
    const newestApplied = result.rows[0]?.newest
    return newestApplied !== null && newestApplied !== undefined && Number(newestApplied) >= newestInFolder
  } catch {
    return false
  }
}

/** Several app instances may start at once against one PostgreSQL; only one may migrate at a time. */
async function withMigrationLock (pool: Pool, run: () => Promise<void>) {
  const client = await pool.connect()
  try {
    await client.query('select pg_advisory_lock(72010001)')
    await run()
  } finally {
    await client.query('select pg_advisory_unlock(72010001)').catch(() => {})
    client.release()
  }
}

/**
 * PGlite's file system for a folder, but with fsync: PGlite's Node file system has no sync call (and
 * PGlite starts PostgreSQL with `-F`, fsync off), so a confirmed commit could be lost to a power cut.
 * With this file system and fsync on, PostgreSQL's own WAL flush at commit reaches the disk.
 */
class DurableNodeFS extends NodeFS {
  override async init (pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, opts)
    const addSync = (mod: { NODEFS: { stream_ops: { fsync?: (stream: { nfd: number }) => number } } }) => {
      mod.NODEFS.stream_ops.fsync = (stream) => {
        fsyncSync(stream.nfd)
        return 0
      }
    }
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...emscriptenOpts.preRun ?? [], addSync as never] } }
  }
}

/**
 * PGlite starts PostgreSQL with its default 128 MB of shared buffers, and zeroes the whole shared memory
 * on every start (memset: about 0.3 s of a 0.9 s start with 128 MB; 150 ms of the compiled server's start
 * with 32 MB, whose shared memory is 42 MB, against 24 MB with 16). One city's plan fits in a few
 * megabytes, and pages beyond the buffers come from the operating system's file cache, so 16 MB lose
 * nothing measurable and start faster: 1.91–2.26 s against 1.98–2.51 s with 32 MB on an existing folder,
 * in alternating starts of the compiled server.
 */
const pgliteSharedBuffers = ['-c', 'shared_buffers=16MB']

async function openPglite (dataDir: string, loadDataDir: Blob | undefined, durable: boolean): Promise<DatabaseHandle> {
  const options: PGliteOptions = { pgliteWasmModule: await compilePgliteWasm(), startParams: [...PGlite.defaultStartParams, ...pgliteSharedBuffers] }
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true })
    // A fresh folder starts from the migrated template instead of running initdb and every migration.
    if (!loadDataDir && !existsSync(join(dataDir, 'PG_VERSION')) && existsSync(join(pgliteTemplateDir, 'PG_VERSION'))) {
      cpSync(pgliteTemplateDir, dataDir, { recursive: true })
    }
    if (durable) {
      options.fs = new DurableNodeFS(dataDir)
      // fsync on (no `-F`), and by fsync(2): emscripten makes fdatasync, PostgreSQL's default, a no-op.
      options.startParams = [...PGlite.defaultStartParams.filter((param) => param !== '-F'), ...pgliteSharedBuffers, '-c', 'wal_sync_method=fsync']
    }
  }
  if (loadDataDir) options.loadDataDir = loadDataDir
  const client = options.fs ? await PGlite.create(options) : await PGlite.create(dataDir, options)
  const db = drizzlePglite(client, { schema, casing: 'snake_case' })
  return {
    db,
    driver: 'pglite',
    migrate: async () => {
      if (!await migrationsCurrent(db)) await migratePglite(db, { migrationsFolder })
    },
    close: () => client.close(),
    dump: async () => client.dumpDataDir('none'),
  }
}

/**
 * ANALYZE the tables of ours whose statistics are missing or whose size moved by more than a tenth (at
 * least a page) since they were gathered, one statement per table, so other queries run in between.
 * The statistics themselves survive a restart (they are catalog rows); only the counters autovacuum
 * would go by do not, on PGlite. The planner scales the row count by a table's current size anyway, so
 * a table of the same size needs nothing, and a restart on an unchanged folder analyzes nothing: each
 * ANALYZE blocks the embedded database, and with it the first requests after start.
 */
export async function analyzeTables (db: Db) {
  const tables = await db.execute(sql`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and (c.reltuples < 0 or abs(pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages) > greatest(c.relpages / 10, 0))
    order by c.relname`) as unknown as { rows: { name: string }[] }
  for (const { name } of tables.rows) await db.execute(sql`analyze ${sql.identifier(name)}`)
  return tables.rows.map((row) => row.name)
}
