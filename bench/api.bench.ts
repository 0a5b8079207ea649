/**
 * API benchmark: throughput and tail latency of the read endpoints the public web app uses, on the
 * embedded PGlite and on PostgreSQL, each compared with the trivial GET /api/health measured in the
 * same run; on PostgreSQL also the uncached and signed-in reads, reads under writers, and two instances
 * hearing each other's writes; then the time from `npm start` to the first answer. See bench/README.md.
 *
 *   npm run bench                         # everything, ~6 minutes
 *   BENCH_PHASES=uncached BENCH_DATABASES=postgres BENCH_STARTUP=0 npm run bench   # only the uncached reads
 *   BENCH_SECONDS=3 BENCH_WARMUP_SECONDS=1 npm run bench
 *
 * It is a measurement, not a test: it exits 0 when a target is missed (1 only if the benchmark
 * itself could not run a phase).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { buildApp } from '../server/src/app.ts'
import { startChangeFeed } from '../server/src/cache/change-feed.ts'
import { testConfig } from '../server/src/config.ts'
import { defer, installSignalHandlers, killProcessGroupsNow, runCleanup, withTimeout } from './cleanup.ts'
import {
  openPgliteDatabase, openPostgresDatabase, redactUrl, type DatabaseKind, type SeedResult,
} from './databases.ts'
import { measureLoad, timeSingleRequests, type LoadFigures, type LoadSettings, type SingleRequestFigures } from './load.ts'
import { buildServerIfStale, startupTargets, timeNpmStart, type StartupFigures } from './startup.ts'
import { benchTwoInstances, twoInstanceTargets, type TwoInstanceFigures } from './two-instances.ts'
import { benchMixedLoad, mixedTargets, type MixedLoadReport } from './mixed-load.ts'
import { benchUncached, cpuBudgetMs, cpuPerRequest, healthBracketSeconds, uncachedTargets, type UncachedEndpointReport } from './uncached.ts'

// ---------------------------------------------------------------------------------------------
// Settings

function numberFromEnv (name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name}=${raw} is not a number between ${min} and ${max}`)
  }
  return value
}

const settings = {
  seconds: numberFromEnv('BENCH_SECONDS', 10, 1, 300),
  warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 3, 0, 60),
  connections: numberFromEnv('BENCH_CONNECTIONS', 50, 1, 1000),
  workers: numberFromEnv('BENCH_WORKERS', 1, 0, 4),
  startupTimeoutSeconds: numberFromEnv('BENCH_STARTUP_TIMEOUT_SECONDS', 60, 5, 600),
  databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  databases: (process.env.BENCH_DATABASES || 'pglite,postgres').split(',').map((s) => s.trim()).filter((s) => s && s !== 'none') as DatabaseKind[],
  startup: process.env.BENCH_STARTUP !== '0',
  /**
   * Where to run VACUUM ANALYZE after the import. Default `postgres`: a PostgreSQL server with its default
   * autovacuum analyzes freshly imported tables within about a minute and vacuums them once enough rows
   * were inserted or changed, so the steady state has statistics and a visibility map that lets the
   * measure list read its matches from an index alone (this machine's server runs with autovacuum off,
   * hence the explicit VACUUM ANALYZE); PGlite has no autovacuum workers, so there the steady state is
   * "never vacuumed or analyzed". `all` or `none` to compare.
   */
  analyze: (process.env.BENCH_ANALYZE || 'postgres') as 'postgres' | 'all' | 'none',
  /**
   * `cached` (the production configuration), `uncached` (READ_CACHE=false, PostgreSQL only), `mixed` (reads
   * under writes, PostgreSQL only), `instances` (two instances on one PostgreSQL: how soon one hears the other's write).
   */
  phases: new Set((process.env.BENCH_PHASES || 'cached,uncached,mixed,instances').split(',').map((s) => s.trim())),
  instanceRounds: numberFromEnv('BENCH_INSTANCE_ROUNDS', 50, 2, 1000),
}
if (!['postgres', 'all', 'none'].includes(settings.analyze)) throw new Error(`BENCH_ANALYZE=${settings.analyze}: use postgres, all or none`)
for (const kind of settings.databases) {
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`BENCH_DATABASES: unknown database "${kind}" (use pglite, postgres)`)
}
const load: LoadSettings = {
  connections: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds, workers: settings.workers,
}

/** Targets, checked on PostgreSQL (the production database). */
const targets = {
  progressRatio: 0.3,
  listRatio: 0.15,
  p99Ms: 50,
  ...startupTargets,
  ...twoInstanceTargets,
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const resultsFile = process.env.BENCH_RESULTS_FILE || fileURLToPath(new URL('./results/latest.json', import.meta.url))

// ---------------------------------------------------------------------------------------------
// Types of the report

type EndpointKind = 'trivial' | 'reference' | 'progress' | 'list'

interface EndpointReport {
  key: string
  label: string
  path: string
  kind: EndpointKind
  single: SingleRequestFigures | null
  check: string | null
  load: LoadFigures | null
  /** Requests/s relative to GET /api/health in the same database run. */
  ratio: number | null
  error: string | null
}

interface DatabaseReport {
  kind: DatabaseKind
  label: string
  location: string | null
  serverSettings: Record<string, string>
  analyzed: boolean
  skipped: string | null
  error: string | null
  setup: (SeedResult['timings'] & { openSeconds: number, analyzeSeconds: number | null }) | null
  generated: SeedResult['generated'] | null
  planIds: { jena: number, generated: number } | null
  endpoints: EndpointReport[]
  /** PostgreSQL only: the same reads with READ_CACHE=false, and the signed-in workspace reads. */
  uncached: UncachedEndpointReport[] | null
  /** PostgreSQL only: public reads at a steady rate while writers post status updates (cache on). */
  mixed: MixedLoadReport | null
}

interface TargetCheck {
  target: string
  subject: string
  value: number | null
  pass: boolean | null
}

// ---------------------------------------------------------------------------------------------
// Helpers

const fmt = {
  int: (n: number | null | undefined) => (n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en-US')),
  // autocannon records whole milliseconds; a 0 there means "under 1 ms".
  ms: (n: number | null | undefined) => (n === null || n === undefined ? '–' : n === 0 ? '<1' : Number.isInteger(n) || n >= 10 ? Math.round(n).toString() : n.toFixed(1)),
  ratio: (n: number | null | undefined) => (n === null || n === undefined ? '–' : n >= 0.1 ? n.toFixed(2) : n.toFixed(3)),
  s: (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${n.toFixed(2)} s`),
  cpu: (c: LoadFigures['cpu'] | undefined) => (c ? `${c.bench.toFixed(2)}/${c.postgres.toFixed(2)}/${c.other.toFixed(2)}` : '–'),
}

function table (headers: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' │ ')
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─')
  return [line(headers), rule, ...rows.map(line)].join('\n')
}

const log = (message: string) => console.log(message)
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** What a correct answer must contain, so a fast error page cannot pass as a fast endpoint. */
function checkBody (endpoint: { kind: EndpointKind }, single: SingleRequestFigures & { body: unknown }, expectedMeasures: number): string | null {
  if (single.status !== 200) return `status ${single.status}: ${JSON.stringify(single.body).slice(0, 200)}`
  const body = single.body as Record<string, unknown>
  if (endpoint.kind === 'progress') {
    const total = (body.total as { measureCount?: number } | undefined)?.measureCount
    const commitments = (body.commitments as unknown[] | undefined)?.length
    if (total !== expectedMeasures) return `progress counts ${total} measures, expected ${expectedMeasures}`
    if (commitments !== 10) return `progress has ${commitments} commitments, expected 10`
  }
  if (endpoint.kind === 'list') {
    const items = (body.items as unknown[] | undefined)?.length
    if (body.total !== expectedMeasures) return `list total is ${String(body.total)}, expected ${expectedMeasures}`
    if (items !== Math.min(50, expectedMeasures)) return `list has ${items} items on the default page, expected ${Math.min(50, expectedMeasures)}`
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// One database: seed, serve, measure

async function benchDatabase (kind: DatabaseKind): Promise<DatabaseReport> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL'
  const report: DatabaseReport = {
    kind, label, location: null, serverSettings: {}, analyzed: false, skipped: null, error: null, setup: null, generated: null, planIds: null, endpoints: [],
    uncached: null, mixed: null,
  }
  log(`\n== ${label} ==`)
  const opened = kind === 'pglite' ? await openPgliteDatabase({ seed: true }) : await openPostgresDatabase(settings.databaseUrl, { seed: true })
  if ('skipped' in opened) {
    report.skipped = opened.skipped
    log(`SKIPPED: ${opened.skipped}`)
    return report
  }
  report.location = opened.location
  report.serverSettings = opened.settings
  log(`database: ${opened.location} (opened in ${fmt.s(opened.openSeconds)}; `
    + `${Object.entries(opened.settings).map(([k, v]) => `${k} ${v}`).join(', ')})`)
  try {
    const seed = opened.seed!
    let analyzeSeconds: number | null = null
    if (settings.analyze === 'all' || settings.analyze === kind) {
      const start = performance.now()
      await opened.handle.db.execute(sql`vacuum analyze`)
      analyzeSeconds = (performance.now() - start) / 1000
      report.analyzed = true
    }
    report.setup = { openSeconds: opened.openSeconds, analyzeSeconds, ...seed.timings }
    report.generated = seed.generated
    report.planIds = { jena: seed.jenaPlanId, generated: seed.generatedPlanId }
    log(`migrate ${fmt.s(seed.timings.migrateSeconds)}, Jena demo ${fmt.s(seed.timings.demoSeconds)}, `
      + `generate ${fmt.s(seed.timings.generateSeconds)}, import Generistadt ${fmt.s(seed.timings.importSeconds)} `
      + `(${seed.generated.measures} measures, ${seed.generated.publicMeasures} public, ${seed.generated.organisations} organisations, `
      + `${seed.generated.statusEntries} status entries, ${seed.generated.relations} relations, `
      + `plan file ${(seed.generated.fileBytes / 1024 / 1024).toFixed(2)} MB)`)
    log(analyzeSeconds === null
      ? 'not vacuumed or analyzed (BENCH_ANALYZE)'
      : `VACUUM ANALYZE after the import (${fmt.s(analyzeSeconds)}), as autovacuum would do in production`)

    // The production configuration (read cache on); on PostgreSQL with the change feed, as server.ts runs it.
    const app = await buildApp({ config: { ...testConfig(), READ_CACHE: true, LOG_LEVEL: 'silent' }, db: opened.handle.db, logger: false })
    const stopFeed = opened.url && app.readCache
      ? await startChangeFeed(opened.url, app.readCache, app.log)
      : async () => {}
    defer('stop the change feed', stopFeed)
    const closeApp = defer(`close the ${label} app`, async () => {
      const closing = app.close()
      // Keep-alive connections of an interrupted load run would otherwise hold the close up.
      app.server.closeAllConnections()
      await closing
    })
    try {
      await app.listen({ port: 0, host: '127.0.0.1' })
      const address = app.server.address()
      if (!address || typeof address === 'string') throw new Error('the app has no TCP address')
      const base = `http://127.0.0.1:${address.port}`
      const endpoints: { key: string, label: string, path: string, kind: EndpointKind, expected: number }[] = [
        { key: 'health', label: 'health', path: '/api/health', kind: 'trivial', expected: 0 },
        { key: 'ready', label: 'ready (1 × select 1)', path: '/api/health/ready', kind: 'reference', expected: 0 },
        { key: 'jena-progress', label: 'Jena progress', path: `/api/plans/${seed.jenaPlanId}/progress`, kind: 'progress', expected: seed.jenaPublicMeasures },
        { key: 'jena-measures', label: 'Jena measures', path: `/api/plans/${seed.jenaPlanId}/measures`, kind: 'list', expected: seed.jenaPublicMeasures },
        { key: 'generated-progress', label: 'Generistadt progress', path: `/api/plans/${seed.generatedPlanId}/progress`, kind: 'progress', expected: seed.generated.publicMeasures },
        { key: 'generated-measures', label: 'Generistadt measures', path: `/api/plans/${seed.generatedPlanId}/measures`, kind: 'list', expected: seed.generated.publicMeasures },
      ]
      let healthRate: number | null = null
      for (const endpoint of settings.phases.has('cached') ? endpoints : []) {
        const entry: EndpointReport = {
          key: endpoint.key, label: endpoint.label, path: endpoint.path, kind: endpoint.kind,
          single: null, check: null, load: null, ratio: null, error: null,
        }
        report.endpoints.push(entry)
        try {
          const { body, ...single } = await timeSingleRequests(`${base}${endpoint.path}`)
          entry.single = single
          entry.check = checkBody(endpoint, { ...single, body }, endpoint.expected)
          if (entry.check) log(`WARNING ${endpoint.label}: ${entry.check}`)
          const maxSeconds = (load.warmupSeconds + load.seconds) + 60
          entry.load = await withTimeout(measureLoad(`${base}${endpoint.path}`, load, opened.postgresDatabase), maxSeconds * 1000, `load on ${endpoint.path}`)
          if (endpoint.kind === 'trivial') healthRate = entry.load.requestsPerSecond
          entry.ratio = healthRate ? entry.load.requestsPerSecond / healthRate : null
          log(`${label.padEnd(10)} ${endpoint.label.padEnd(21)} ${endpoint.path.padEnd(22)} `
            + `${fmt.int(entry.load.requestsPerSecond).padStart(7)} req/s  p99 ${fmt.ms(entry.load.latencyP99Ms).padStart(4)} ms  `
            + `non-2xx ${entry.load.non2xx}  ratio ${fmt.ratio(entry.ratio)}  (1 request alone: ${fmt.ms(single.medianMs)} ms, ${fmt.int(single.bytes)} B; `
            + `cores bench/db/other ${fmt.cpu(entry.load.cpu)})`)
        } catch (error) {
          entry.error = errorMessage(error)
          log(`ERROR ${endpoint.label}: ${entry.error}`)
        }
      }
      if (kind === 'postgres' && settings.phases.has('mixed')) {
        const seconds = Math.max(settings.seconds, 10)
        log(`mixed load: ${mixedTargets.readsPerSecond} public reads/s + ${mixedTargets.writers} writers (1 status update/s each), ${settings.warmupSeconds} s warm-up + ${seconds} s measured …`)
        try {
          report.mixed = await withTimeout(benchMixedLoad(base, opened.handle.db, { jenaPlanId: seed.jenaPlanId }, seconds, settings.warmupSeconds), (settings.warmupSeconds + seconds + 60) * 1000, 'mixed load')
          const m = report.mixed
          log(`mixed load: reads ${fmt.int(m.readsPerSecond)}/s p50 ${fmt.ms(m.readP50Ms)} ms p99 ${fmt.ms(m.readP99Ms)} ms max ${fmt.ms(m.readMaxMs)} ms, `
            + `non-2xx ${m.readNon2xx}, errors ${m.readErrors}; writes ${m.writes} (p99 ${fmt.ms(m.writeP99Ms)} ms), 412 ${m.writeConflicts}, errors ${m.writeErrors}`)
        } catch (error) {
          log(`ERROR mixed load: ${errorMessage(error)}`)
          report.error = `mixed load: ${errorMessage(error)}`
        }
      }
    } finally {
      await closeApp()
    }
    if (kind === 'postgres' && settings.phases.has('uncached')) {
      log('uncached (READ_CACHE=false), public and signed-in reads:')
      report.uncached = await benchUncached(repoRoot, opened.handle.db, opened.url!, { jenaPlanId: seed.jenaPlanId, generatedPlanId: seed.generatedPlanId }, load, opened.postgresDatabase, log)
    }
  } catch (error) {
    report.error = errorMessage(error)
    log(`ERROR (${label}): ${report.error}`)
  } finally {
    await opened.dispose()
  }
  return report
}

// ---------------------------------------------------------------------------------------------
// Startup: `npm start` on a fresh, then on the same data folder

async function benchStartup (): Promise<{ fresh: StartupFigures, restart: StartupFigures | null, error: string | null }> {
  log('\n== npm start ==')
  if (buildServerIfStale(repoRoot)) log('(server/dist was older than the sources: built it first, as `npm start` runs the compiled server)')
  const dir = await mkdtemp(join(tmpdir(), 'eccar-bench-start-'))
  const removeDir = defer(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }))
  const dataDir = join(dir, 'data')
  try {
    const fresh = await timeNpmStart({ repoRoot, dataDir, timeoutSeconds: settings.startupTimeoutSeconds })
    log(`fresh data dir (migrate + Jena demo): ${fresh.seconds === null ? `no answer: ${fresh.error}` : fmt.s(fresh.seconds)}`
      + ` (${fresh.polls} polls; stopped in ${fmt.s(fresh.stopSeconds)})`)
    if (fresh.seconds === null) {
      log(fresh.outputTail.map((line) => `  | ${line}`).join('\n'))
      return { fresh, restart: null, error: null }
    }
    const restart = await timeNpmStart({ repoRoot, dataDir, timeoutSeconds: settings.startupTimeoutSeconds })
    log(`existing data dir:                   ${restart.seconds === null ? `no answer: ${restart.error}` : fmt.s(restart.seconds)}`
      + ` (${restart.polls} polls; stopped in ${fmt.s(restart.stopSeconds)})`)
    if (restart.seconds === null) log(restart.outputTail.map((line) => `  | ${line}`).join('\n'))
    return { fresh, restart, error: null }
  } finally {
    await removeDir()
  }
}

// ---------------------------------------------------------------------------------------------
// Targets

const verdict = (pass: boolean | null) => (pass === null ? 'N/A' : pass ? 'PASS' : 'FAIL')

/** An uncached row meets its target: measured, no error answer, and the ratio reached. */
function uncachedPass (e: UncachedEndpointReport): boolean | null {
  if (e.target === 'reference' || e.ratio === null) return null
  const clean = e.load && !e.error && e.load.requestsTotal > 0 && e.load.non2xx === 0 && e.load.errors === 0 && e.load.timeouts === 0
  return Boolean(clean) && e.ratio >= uncachedTargets[e.target]
}

function evaluateTargets (
  databases: DatabaseReport[], startup: Awaited<ReturnType<typeof benchStartup>> | null, instances: TwoInstanceFigures | { skipped: string } | null,
): TargetCheck[] {
  const checks: TargetCheck[] = []
  const pgReport = databases.find((d) => d.kind === 'postgres')
  const pgEndpoints = ['health', 'jena-progress', 'jena-measures', 'generated-progress', 'generated-measures']
  const find = (key: string) => pgReport?.endpoints.find((e) => e.key === key)
  const names: Record<string, string> = {
    health: 'health', 'jena-progress': 'Jena progress', 'jena-measures': 'Jena measures',
    'generated-progress': 'Generistadt progress', 'generated-measures': 'Generistadt measures',
  }
  const ok = (e: EndpointReport | undefined) => e?.load && !e.error && !e.check && e.load.non2xx === 0 && e.load.errors === 0

  for (const key of ['jena-progress', 'generated-progress']) {
    const e = find(key)
    const value = e?.ratio ?? null
    checks.push({ target: `progress ratio ≥ ${targets.progressRatio}`, subject: `PostgreSQL ${names[key] ?? key}`, value, pass: value === null ? null : Boolean(ok(e)) && value >= targets.progressRatio })
  }
  for (const key of ['jena-measures', 'generated-measures']) {
    const e = find(key)
    const value = e?.ratio ?? null
    checks.push({ target: `measure list ratio ≥ ${targets.listRatio}`, subject: `PostgreSQL ${names[key] ?? key}`, value, pass: value === null ? null : Boolean(ok(e)) && value >= targets.listRatio })
  }
  for (const key of pgEndpoints) {
    const e = find(key)
    const value = e?.load?.latencyP99Ms ?? null
    checks.push({ target: `p99 < ${targets.p99Ms} ms`, subject: `PostgreSQL ${names[key] ?? key}`, value, pass: value === null ? null : Boolean(ok(e)) && value < targets.p99Ms })
  }
  for (const e of pgReport?.uncached ?? []) {
    if (e.target === 'reference') continue
    checks.push({ target: `uncached ratio ≥ ${uncachedTargets[e.target]}`, subject: `PostgreSQL ${e.label}`, value: e.ratio, pass: uncachedPass(e) })
  }
  if (pgReport?.mixed) {
    const m = pgReport.mixed
    const clean = m.readNon2xx === 0 && m.readErrors === 0 && m.writeErrors === 0
    checks.push({ target: `mixed p99 < ${mixedTargets.p99Ms} ms`, subject: `PostgreSQL reads, ${m.writers} writers, no error`, value: m.readP99Ms, pass: clean && m.readP99Ms < mixedTargets.p99Ms })
  }
  if (instances && !('skipped' in instances)) {
    checks.push({ target: `change heard p99 < ${targets.propagationP99Ms} ms`, subject: 'PostgreSQL, the other instance, after a 2xx', value: instances.p99Ms, pass: instances.p99Ms < targets.propagationP99Ms })
    checks.push({ target: 'no stale read', subject: `the other instance's next read (${instances.rounds} writes)`, value: instances.staleReads, pass: instances.staleReads === 0 })
  }
  const fresh = startup?.fresh.seconds ?? null
  const existing = startup?.restart?.seconds ?? null
  checks.push({ target: `npm start < ${targets.freshSeconds} s`, subject: 'fresh data dir (migrate + demo)', value: fresh, pass: startup ? fresh !== null && fresh < targets.freshSeconds : null })
  checks.push({ target: `npm start < ${targets.existingSeconds} s`, subject: 'existing data dir', value: existing, pass: startup?.restart ? existing !== null && existing < targets.existingSeconds : null })
  return checks
}

// ---------------------------------------------------------------------------------------------
// Main

async function main (): Promise<number> {
  // 6 cached endpoints, 9 uncached ones (PostgreSQL) and the mixed load.
  const perDatabase = 15 * (settings.warmupSeconds + settings.seconds + 2) + settings.warmupSeconds + Math.max(settings.seconds, 10) + 240
  const watchdogSeconds = settings.databases.length * perDatabase + (settings.startup ? 2 * (settings.startupTimeoutSeconds + 20) + 120 : 0)
    + (settings.phases.has('instances') ? 120 : 0) + 60
  const stopWatchdog = installSignalHandlers(watchdogSeconds)

  const started = new Date()
  log(`API benchmark — ${started.toISOString()}`)
  log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, `
    + `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`)
  log(`autocannon: ${load.connections} connections, ${load.warmupSeconds} s warm-up + ${load.seconds} s measured per endpoint, `
    + `${load.workers > 0 ? `${load.workers} worker thread(s)` : 'in-process'}; server on 127.0.0.1, as the public`)
  log(`databases: ${settings.databases.join(', ')}${settings.databases.includes('postgres') ? ` (PostgreSQL: ${redactUrl(settings.databaseUrl)})` : ''}`)

  let failed = false
  const databases: DatabaseReport[] = []
  for (const kind of settings.databases) {
    try {
      const report = await benchDatabase(kind)
      if (report.error || report.endpoints.some((e) => e.error)) failed = true
      databases.push(report)
    } catch (error) {
      failed = true
      log(`ERROR (${kind}): ${errorMessage(error)}`)
      databases.push({ kind, label: kind, location: null, serverSettings: {}, analyzed: false, skipped: null, error: errorMessage(error), setup: null, generated: null, planIds: null, endpoints: [], uncached: null, mixed: null })
    }
  }

  let instances: TwoInstanceFigures | { skipped: string } | null = null
  if (settings.databases.includes('postgres') && settings.phases.has('instances')) {
    log(`\n== two instances on one PostgreSQL: ${settings.instanceRounds} status updates, alternating writer; the other instance reads at once ==`)
    try {
      instances = await withTimeout(benchTwoInstances(settings.databaseUrl, settings.instanceRounds), 120_000, 'two instances')
      log('skipped' in instances ? `SKIPPED: ${instances.skipped}`
        : `heard after the writer's 2xx: p50 ${instances.p50Ms.toFixed(1)} ms, p99 ${instances.p99Ms.toFixed(1)} ms, max ${instances.maxMs.toFixed(1)} ms; `
          + `stale next reads: ${instances.staleReads} of ${instances.rounds}`)
    } catch (error) {
      failed = true
      log(`ERROR (two instances): ${errorMessage(error)}`)
    }
  }

  let startup: Awaited<ReturnType<typeof benchStartup>> | null = null
  if (settings.startup) {
    try {
      startup = await benchStartup()
    } catch (error) {
      failed = true
      log(`ERROR (npm start): ${errorMessage(error)}`)
      startup = null
    }
  } else {
    log('\n(npm start timing skipped: BENCH_STARTUP=0)')
  }

  // ---- The table
  log(`\n== Results (${load.connections} connections, ${load.seconds} s per endpoint; ratio = req/s ÷ health req/s of the same database run) ==\n`)
  const rows: string[][] = []
  for (const db of databases) {
    if (db.skipped || (db.error && db.endpoints.length === 0)) {
      rows.push([db.label, db.skipped ? 'skipped (see above)' : `error: ${db.error}`, '', '', '', '', '', '', '', '', ''])
      continue
    }
    for (const e of db.endpoints) {
      rows.push([
        db.label, e.label, e.path,
        fmt.int(e.load?.requestsPerSecond), fmt.ms(e.load?.latencyP50Ms), fmt.ms(e.load?.latencyP99Ms),
        e.load ? String(e.load.non2xx) : '–', e.load ? String(e.load.errors) : '–',
        e.kind === 'trivial' ? '1.00' : fmt.ratio(e.ratio), fmt.ms(e.single?.medianMs), fmt.cpu(e.load?.cpu),
      ])
    }
  }
  log(table(
    ['Database', 'Endpoint', 'Path', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'ratio', '1-req ms', 'cores b/db/other'],
    rows, new Set([3, 4, 5, 6, 7, 8, 9, 10]),
  ))
  log('1-req ms: median of 30 sequential requests on the idle server. cores: CPU cores in use during the measured run by this '
    + 'process (server + load generator) / the PostgreSQL backends of the benchmark database / everything else on the machine.')
  for (const db of databases) {
    if (!db.skipped && !db.error) log(`${db.label}: ${db.analyzed ? 'vacuumed and analyzed after the import' : 'not vacuumed or analyzed'}.`)
  }
  if (startup) {
    log('')
    const fresh = startup.fresh.seconds
    const existing = startup.restart?.seconds ?? null
    log(table(['npm start (compiled)', 'first answer', 'target', ''], [
      ['fresh data dir (migrate + demo)', fresh === null ? `none (${startup.fresh.error})` : fmt.s(fresh), `< ${targets.freshSeconds} s`, verdict(fresh !== null && fresh < targets.freshSeconds)],
      ['existing data dir', existing === null ? (startup.restart ? `none (${startup.restart.error})` : 'not run') : fmt.s(existing), `< ${targets.existingSeconds} s`,
        verdict(startup.restart ? existing !== null && existing < targets.existingSeconds : null)],
    ], new Set([1])))
  }

  for (const db of databases) {
    if (db.uncached?.length) {
      log(`\n== ${db.label}, uncached (READ_CACHE=false; ${load.connections} connections, ${load.seconds} s each; `
        + `ratio = req/s ÷ health req/s of this app, health measured for ${healthBracketSeconds} s before and after each read) ==\n`)
      log(table(
        ['Endpoint', 'as', 'Path', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'health', 'ratio', 'target', '', 'CPU ms/req b+db', 'budget', '1-req ms', 'bytes'],
        db.uncached.map((e) => {
          const cpu = cpuPerRequest(e)
          const budget = cpuBudgetMs(e)
          return [
            e.label, e.as, e.path, fmt.int(e.load?.requestsPerSecond), fmt.ms(e.load?.latencyP50Ms), fmt.ms(e.load?.latencyP99Ms),
            e.load ? String(e.load.non2xx + e.load.errors) : (e.error ?? '–'), fmt.int(e.healthRate), fmt.ratio(e.ratio),
            e.target === 'reference' ? '' : `≥ ${uncachedTargets[e.target]}`, e.target === 'reference' ? '' : verdict(uncachedPass(e)),
            cpu ? `${cpu.benchMs.toFixed(2)}+${cpu.databaseMs.toFixed(2)}` : '–', budget === null ? '' : budget.toFixed(2),
            fmt.ms(e.singleMs), fmt.int(e.bytes),
          ]
        }),
        new Set([3, 4, 5, 6, 7, 8, 11, 12, 13, 14]),
      ))
      log('CPU ms/req: the benchmark process (server and load generator) + the database, per answer; budget: their sum at which the read would reach its target with the cores it used.')
    }
    if (db.mixed) {
      const m = db.mixed
      log(`\n== ${db.label}, mixed load (cache on): ${m.readRate} public reads/s + ${m.writers} writers posting status updates, ${m.seconds} s after ${settings.warmupSeconds} s warm-up ==\n`)
      log(table(['reads/s', 'p50 ms', 'p99 ms', 'max ms', 'read errors', 'writes', 'write p99 ms', '412', 'write errors'], [[
        fmt.int(m.readsPerSecond), fmt.ms(m.readP50Ms), fmt.ms(m.readP99Ms), fmt.ms(m.readMaxMs), String(m.readNon2xx + m.readErrors),
        String(m.writes), fmt.ms(m.writeP99Ms), String(m.writeConflicts), String(m.writeErrors),
      ]], new Set([0, 1, 2, 3, 4, 5, 6, 7, 8])))
    }
  }

  if (instances && !('skipped' in instances)) {
    log(`\n== PostgreSQL, two instances (cache on, change feed): a status update on one, the next read on the other ==\n`)
    log(table(['writes', 'heard p50 ms', 'heard p99 ms', 'max ms', 'target p99', '', 'stale reads'], [[
      String(instances.rounds), instances.p50Ms.toFixed(1), instances.p99Ms.toFixed(1), instances.maxMs.toFixed(1),
      `< ${targets.propagationP99Ms} ms`, verdict(instances.p99Ms < targets.propagationP99Ms), String(instances.staleReads),
    ]], new Set([0, 1, 2, 3, 6])))
  }

  // ---- Targets
  const checks = evaluateTargets(databases, startup, instances)
  log('\n== Targets (checked on PostgreSQL) ==')
  const pg = databases.find((d) => d.kind === 'postgres')
  if (!pg) log('(PostgreSQL was not part of this run: BENCH_DATABASES)')
  else if (pg.skipped) log(`(PostgreSQL skipped: ${pg.skipped})`)
  for (const check of checks) {
    const value = check.value === null ? 'not measured'
      : /^(p99|mixed)/.test(check.target) ? `${fmt.ms(check.value)} ms`
        : check.target.startsWith('change heard') ? `${check.value.toFixed(1)} ms`
          : check.target.startsWith('no stale') ? `${check.value} stale`
            : check.target.startsWith('npm') ? fmt.s(check.value) : fmt.ratio(check.value)
    log(`${verdict(check.pass).padEnd(4)}  ${check.target.padEnd(28)} ${check.subject.padEnd(44)} ${value}`)
  }
  const passed = checks.filter((c) => c.pass === true).length
  const failedTargets = checks.filter((c) => c.pass === false).length
  const notMeasured = checks.filter((c) => c.pass === null).length
  log(`\n${passed} passed, ${failedTargets} failed, ${notMeasured} not measured${failed ? ' — some phases had errors (see above)' : ''}`)

  // ---- Raw figures
  const report = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { node: process.version, platform: process.platform, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, totalMemoryGiB: totalmem() / 2 ** 30, loadAverageAtEnd: loadavg() },
    settings: { ...load, startupTimeoutSeconds: settings.startupTimeoutSeconds, databases: settings.databases, postgres: redactUrl(settings.databaseUrl), startup: settings.startup, analyze: settings.analyze, phases: [...settings.phases] },
    targets,
    databases,
    startup,
    instances,
    checks,
    errors: failed,
  }
  await mkdir(dirname(resultsFile), { recursive: true })
  await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`)
  log(`raw figures: ${resultsFile}`)

  stopWatchdog()
  return failed ? 1 : 0
}

let exitCode = 1
try {
  exitCode = await main()
} catch (error) {
  console.error(`benchmark aborted: ${error instanceof Error ? error.stack : String(error)}`)
} finally {
  killProcessGroupsNow()
  await runCleanup()
}
// autocannon's worker threads and pg's sockets are closed by now; exit explicitly in case a library keeps a handle.
process.exit(exitCode)
