import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { performance } from 'node:perf_hooks'
import { eq } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, type DatabaseHandle, type Db } from '../server/src/db/client.ts'
import { repoRoot } from '../server/src/lib/repo-root.ts'
import { cities, exampleActions, measures } from '../server/src/db/schema/index.ts'
import { loadDemoData } from '../server/src/demo/load-demo-data.ts'
import { insertCity } from '../server/src/features/cities/cities.queries.ts'
import { parsePlanFile } from '../server/src/features/plan-files/plan-file.check.ts'
import { importPlanFile } from '../server/src/features/plan-files/plan-files.import.ts'
import { defer } from './cleanup.ts'
import { generatedCity, generatePlanFile } from './generate-plan.ts'

export type DatabaseKind = 'pglite' | 'postgres'

export interface OpenedDatabase {
  kind: DatabaseKind
  label: string
  /** Where the data lives, for the report (a folder or a database name; never a password). */
  location: string
  /** The PostgreSQL database's name (to find its backends' CPU time); null for PGlite. */
  postgresDatabase: string | null
  /** Connection string of the PostgreSQL database, for the change feed; absent for PGlite. */
  url?: string
  /** Server settings that change the figures, e.g. whether autovacuum will analyze the imported tables. */
  settings: Record<string, string>
  handle: DatabaseHandle
  /** What `seed: true` put into the database before it was opened; null without it. */
  seed: SeedResult | null
  /** Closes the connection and removes the folder or drops the database. */
  dispose: () => Promise<void>
  openSeconds: number
}

const seconds = (start: number) => (performance.now() - start) / 1000

interface OpenOptions {
  /** Seed it first (`seedDatabase`), in a child process: see `bench/seed-database.ts`. */
  seed?: boolean
}

/** Runs `bench/seed-database.ts` and returns what it seeded; rejects with the end of its error output. */
async function seedInChildProcess (kind: DatabaseKind, target: string): Promise<SeedResult> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/seed-database.ts', kind, target],
      { cwd: repoRoot, maxBuffer: 1024 * 1024, timeout: 300_000 })
    return JSON.parse(stdout) as SeedResult
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? ''
    throw new Error(`seeding the ${kind} database failed: ${stderr.trim().split('\n').slice(-5).join(' / ') || (error as Error).message}`, { cause: error })
  }
}

/** An embedded database in a fresh temporary folder (the setup `npm start` uses without DATABASE_URL). */
export async function openPgliteDatabase (options: OpenOptions = {}): Promise<OpenedDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'eccar-bench-pglite-'))
  const removeDir = defer(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }))
  let handle: DatabaseHandle
  let seed: SeedResult | null = null
  // The folder is locked while open, so the child seeds it before this process opens it.
  if (options.seed) seed = await seedInChildProcess('pglite', join(dir, 'data')).catch(async (error) => { await removeDir(); throw error })
  const start = performance.now()
  try {
    handle = await openDatabase({ dataDir: join(dir, 'data') })
  } catch (error) {
    await removeDir()
    throw error
  }
  const close = defer('close PGlite', () => handle.close())
  return {
    kind: 'pglite',
    label: 'PGlite',
    location: dir,
    postgresDatabase: null,
    // PGlite runs as a standalone backend: no autovacuum workers, so nothing analyzes the tables on its own.
    settings: { backend: 'standalone (no autovacuum workers)' },
    handle,
    seed,
    openSeconds: seconds(start),
    dispose: async () => {
      await close()
      await removeDir()
    },
  }
}

export const redactUrl = (url: string) => {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparseable URL)'
  }
}

async function adminQuery (url: string, statement: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
  client.on('error', () => {})
  await client.connect()
  try {
    return (await client.query(statement)).rows as Record<string, unknown>[]
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * A temporary database on the given PostgreSQL server, dropped again by `dispose`. Returns the
 * reason instead when the server does not answer, so the benchmark can skip PostgreSQL.
 */
export async function openPostgresDatabase (adminUrl: string, options: OpenOptions = {}): Promise<OpenedDatabase | { skipped: string }> {
  const settings: Record<string, string> = {}
  try {
    const rows = await adminQuery(adminUrl, `select name, setting from pg_settings
      where name in ('server_version', 'autovacuum', 'shared_buffers', 'max_connections', 'jit') order by name`)
    for (const row of rows) settings[String(row.name)] = String(row.setting)
  } catch (error) {
    return { skipped: `PostgreSQL at ${redactUrl(adminUrl)} is not reachable (${(error as Error).message || (error as Error).name})` }
  }
  const name = `eccar_bench_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(adminUrl, `create database "${name}"`)
  const drop = defer(`drop database ${name}`, () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  let seed: SeedResult | null = null
  if (options.seed) seed = await seedInChildProcess('postgres', url.toString()).catch(async (error) => { await drop(); throw error })
  const start = performance.now()
  let handle: DatabaseHandle
  try {
    handle = await openDatabase({ url: url.toString(), applicationName: 'eccar-bench' })
  } catch (error) {
    await drop()
    throw error
  }
  const close = defer('close PostgreSQL pool', () => handle.close())
  return {
    kind: 'postgres',
    label: 'PostgreSQL',
    url: url.toString(),
    location: `${redactUrl(adminUrl).replace(/\/[^/]*$/, '')}/${name}`,
    postgresDatabase: name,
    settings,
    handle,
    seed,
    openSeconds: seconds(start),
    dispose: async () => {
      await close()
      await drop()
    },
  }
}

export interface SeedResult {
  jenaPlanId: number
  generatedPlanId: number
  /** Measures the public sees (what the list's `total` and the progress `measureCount` must say). */
  jenaPublicMeasures: number
  timings: { migrateSeconds: number, demoSeconds: number, generateSeconds: number, importSeconds: number }
  generated: { measures: number, publicMeasures: number, organisations: number, statusEntries: number, relations: number, fileBytes: number }
}

/** Migrates, loads the Jena demo as `npm start` does, then imports the generated Generistadt plan. */
export async function seedDatabase (handle: DatabaseHandle): Promise<SeedResult> {
  let start = performance.now()
  await handle.migrate()
  const migrateSeconds = seconds(start)

  start = performance.now()
  const demo = await loadDemoData(handle.db)
  if (!demo) throw new Error('the Jena demo was not loaded: the fresh database was not empty')
  const demoSeconds = seconds(start)

  start = performance.now()
  const keys = (await handle.db.select({ key: exampleActions.key }).from(exampleActions)).map((row) => row.key)
  // The same structural check the import route runs, so the generated file is one the API would accept.
  const file = parsePlanFile(JSON.parse(JSON.stringify(generatePlanFile({ exampleActionKeys: keys }))))
  const generateSeconds = seconds(start)

  start = performance.now()
  const imported = await handle.db.transaction(async (tx: Db) => {
    const city = await insertCity(tx, generatedCity)
    return importPlanFile(tx, city.id, file)
  })
  const importSeconds = seconds(start)

  const [city] = await handle.db.select({ id: cities.id }).from(cities).where(eq(cities.slug, generatedCity.slug))
  if (!city) throw new Error('the generated city is missing after the import')
  const stored = await handle.db.select({ isPublic: measures.isPublic }).from(measures).where(eq(measures.planId, imported.planId))
  const jena = await handle.db.select({ isPublic: measures.isPublic }).from(measures).where(eq(measures.planId, demo.planId))

  return {
    jenaPlanId: demo.planId,
    generatedPlanId: imported.planId,
    jenaPublicMeasures: jena.filter((row) => row.isPublic).length,
    timings: { migrateSeconds, demoSeconds, generateSeconds, importSeconds },
    generated: {
      measures: stored.length,
      publicMeasures: stored.filter((row) => row.isPublic).length,
      organisations: file.organisations.length,
      statusEntries: file.measures.reduce((sum, m) => sum + (m.statusHistory?.length ?? 0), 0),
      relations: file.measures.reduce((sum, m) => sum + (m.relatedMeasures?.length ?? 0), 0),
      fileBytes: Buffer.byteLength(JSON.stringify(file)),
    },
  }
}
