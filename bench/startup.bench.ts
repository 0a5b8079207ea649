/**
 * Start-up, durability and two-instance benchmark (issue 16, items 2, 4 and 7):
 *   1. `npm start` (compiled server) to the first 200 of GET /api/health/ready, on a fresh and on the
 *      same, existing data folder; targets < 5 s and < 2 s on an idle machine;
 *   2. status updates per second on the embedded database with and without durable commits (fsync);
 *   3. two app instances on one PostgreSQL: after a 2xx status update on one, how long until the other
 *      has heard it (the change feed), and whether the other's next read ever shows older data.
 *
 *   npm run bench:startup        (run `npm run build` first if the server changed: npm start runs server/dist)
 *
 * A measurement, not a test: it prints PASS/FAIL per target and exits 0 unless a phase could not run.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { buildApp } from '../server/src/app.ts'
import { testConfig } from '../server/src/config.ts'
import { openDatabase } from '../server/src/db/client.ts'
import { platformAdminHeaders } from '../server/test/helpers/auth.ts'
import { buildMeasure, buildPlan } from '../server/test/helpers/factories.ts'
import { installSignalHandlers, runCleanup } from './cleanup.ts'
import { startupTargets, timeNpmStart } from './startup.ts'
import { benchTwoInstances, twoInstanceTargets } from './two-instances.ts'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const databaseUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const updates = Number(process.env.BENCH_STATUS_UPDATES || 100)
const rounds = Number(process.env.BENCH_INSTANCE_ROUNDS || 50)
const targets = { ...startupTargets, durableCostRatio: 0.5, ...twoInstanceTargets }

const checks: { target: string, value: string, pass: boolean | null }[] = []
const check = (target: string, value: string, pass: boolean | null) => {
  checks.push({ target, value, pass })
}

async function benchStartup () {
  console.log('== npm start (compiled) to the first 200 of /api/health/ready')
  const dir = await mkdtemp(join(tmpdir(), 'eccar-bench-startup-'))
  try {
    const dataDir = join(dir, 'data')
    for (const [label, target] of [['fresh data folder (+ Jena demo)', targets.freshSeconds], ['existing data folder', targets.existingSeconds]] as const) {
      const figures = await timeNpmStart({ repoRoot, dataDir, timeoutSeconds: 120 })
      const value = figures.seconds === null ? `none (${figures.error})` : `${figures.seconds.toFixed(2)} s`
      console.log(`${label}: ${value}`)
      if (figures.seconds === null) console.log(figures.outputTail.map((line) => `  | ${line}`).join('\n'))
      check(`${label} < ${target} s`, value, figures.seconds !== null && figures.seconds < target)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Sequential status updates through the app on an embedded database in a folder. */
async function statusUpdatesPerSecond (durable: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'eccar-bench-durable-'))
  const handle = await openDatabase({ dataDir: join(dir, 'data'), durable })
  try {
    await handle.migrate()
    const app = await buildApp({ config: testConfig(), db: handle.db })
    const plan = await buildPlan(handle.db)
    const measure = await buildMeasure(handle.db, plan)
    const headers = await platformAdminHeaders(handle.db)
    let version = 1
    const start = performance.now()
    for (let i = 0; i < updates; i++) {
      const response = await app.inject({ method: 'POST', url: `/api/measures/${measure.id}/status-updates`, headers, payload: { status: 'in_progress', progress: i % 100, version } })
      if (response.statusCode !== 201) throw new Error(`status update answered ${response.statusCode}: ${response.body}`)
      version = response.json().measure.version
    }
    const perSecond = updates / ((performance.now() - start) / 1000)
    await app.close()
    return perSecond
  } finally {
    await handle.close()
    await rm(dir, { recursive: true, force: true })
  }
}

async function benchDurability () {
  console.log(`\n== embedded database: ${updates} sequential status updates`)
  const relaxed = await statusUpdatesPerSecond(false)
  const durable = await statusUpdatesPerSecond(true)
  console.log(`without fsync: ${relaxed.toFixed(1)}/s; durable (default): ${durable.toFixed(1)}/s (${(durable / relaxed).toFixed(2)} of it)`)
  check(`durable commits keep >= ${targets.durableCostRatio} of the status updates/s`, `${(durable / relaxed).toFixed(2)}`, durable / relaxed >= targets.durableCostRatio)
}

async function twoInstances () {
  console.log(`\n== two instances on one PostgreSQL: ${rounds} status updates, alternating writer`)
  const figures = await benchTwoInstances(databaseUrl, rounds)
  if ('skipped' in figures) {
    console.log(figures.skipped)
    check(`change heard by the other instance, p99 < ${targets.propagationP99Ms} ms`, 'skipped', null)
    return
  }
  const { p50Ms, p99Ms, maxMs, staleReads } = figures
  console.log(`heard by the other instance after the writer's 2xx: p50 ${p50Ms.toFixed(1)} ms, p99 ${p99Ms.toFixed(1)} ms, max ${maxMs.toFixed(1)} ms; stale next reads: ${staleReads} of ${rounds}`)
  check(`change heard by the other instance, p99 < ${targets.propagationP99Ms} ms`, `${p99Ms.toFixed(1)} ms`, p99Ms < targets.propagationP99Ms)
  check('no stale read on the other instance right after a 2xx write', `${staleReads} of ${rounds}`, staleReads === 0)
}

installSignalHandlers(1_200)
let failed = false
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (targets are for an idle machine)`)
for (const phase of [benchStartup, benchDurability, twoInstances]) {
  try {
    await phase()
  } catch (error) {
    failed = true
    console.error(`${phase.name} could not run: ${error instanceof Error ? error.stack : String(error)}`)
  }
}
console.log('\n== targets')
for (const { target, value, pass } of checks) console.log(`${pass === null ? 'SKIP' : pass ? 'PASS' : 'FAIL'}  ${target}: ${value}`)
await runCleanup()
process.exit(failed ? 1 : 0)
