/**
 * Reads while others write: a steady rate of public reads (autocannon at a fixed overall rate) while
 * a few signed-in writers post status updates to the same plan, on the production configuration
 * (read cache on, change feed). Every write makes the plan's cached answers stale, so the reads show
 * what a reader waits for when the cache is refilled, including a burst of misses.
 */
import { performance } from 'node:perf_hooks'
import autocannon, { type Result } from 'autocannon'
import { and, asc, eq } from 'drizzle-orm'
import { createSession } from '../server/src/auth/sessions.ts'
import type { Db } from '../server/src/db/client.ts'
import { measures, users } from '../server/src/db/schema/index.ts'
import { deferUnlessDone } from './cleanup.ts'

export const mixedTargets = { readsPerSecond: 200, writers: 5, p99Ms: 100 } as const

export interface MixedLoadReport {
  seconds: number
  readRate: number
  readsPerSecond: number
  readP50Ms: number
  readP99Ms: number
  readMaxMs: number
  readNon2xx: number
  readErrors: number
  writers: number
  writes: number
  writeConflicts: number
  writeErrors: number
  writeP99Ms: number
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0

/**
 * Runs the mixed load for `warmupSeconds` unmeasured, then for `seconds` measured. Without the warm-up,
 * a server's first status updates (each route's serialiser and validator compiled on first use, code not
 * yet optimised) took 0.1–0.7 s each, and the reads held up behind them made the p99 of a 10 s run
 * a figure of the first second alone, as the other phases' own warm-up avoids.
 */
export async function benchMixedLoad (base: string, db: Db, plan: { jenaPlanId: number }, seconds: number, warmupSeconds: number): Promise<MixedLoadReport> {
  if (warmupSeconds > 0) await runMixedLoad(base, db, plan, warmupSeconds)
  return runMixedLoad(base, db, plan, seconds)
}

async function runMixedLoad (base: string, db: Db, plan: { jenaPlanId: number }, seconds: number, writesPerSecondEach = 1): Promise<MixedLoadReport> {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@jena.example'))
  if (!admin) throw new Error('the Jena demo admin is missing')
  const session = await createSession(db, admin.id)
  const headers = { cookie: `sid=${session.token}`, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' }
  const targets = await db.select({ id: measures.id }).from(measures)
    .where(and(eq(measures.planId, plan.jenaPlanId), eq(measures.isPublic, true))).orderBy(asc(measures.id))
  if (targets.length < mixedTargets.writers) throw new Error('too few public Jena measures for the writers')
  const written = targets.slice(0, mixedTargets.writers).map((row) => row.id)
  const paths = [
    `/api/plans/${plan.jenaPlanId}`, `/api/plans/${plan.jenaPlanId}/progress`, `/api/plans/${plan.jenaPlanId}/measures`,
    ...written.map((id) => `/api/measures/${id}`),
  ]

  let stop = false
  const writeTimes: number[] = []
  let writeConflicts = 0
  let writeErrors = 0
  async function writer (measureId: number, index: number) {
    const gap = 1000 / writesPerSecondEach
    // Spread the writers over the first interval, as independent people would be.
    await new Promise((resolve) => setTimeout(resolve, (gap / mixedTargets.writers) * index))
    let version: number | null = null
    let n = 0
    while (!stop) {
      const started = performance.now()
      try {
        if (version === null) {
          const current = await fetch(`${base}/api/measures/${measureId}`, { headers: { cookie: headers.cookie } })
          version = ((await current.json()) as { version: number }).version
        }
        const response = await fetch(`${base}/api/measures/${measureId}/status-updates`, {
          method: 'POST',
          headers: { ...headers, 'if-match': `"${version}"` },
          body: JSON.stringify({ status: 'in_progress', progress: (n++ * 7) % 100, noteDe: `Zwischenstand ${n}` }),
        })
        const body = await response.json() as { measure?: { version: number } }
        if (response.status === 201) {
          version = body.measure?.version ?? null
          writeTimes.push(performance.now() - started)
        } else if (response.status === 412) {
          writeConflicts++
          version = null
        } else {
          writeErrors++
          version = null
        }
      } catch {
        writeErrors++
        version = null
      }
      const wait = gap - (performance.now() - started)
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }

  const instance = autocannon({
    url: base,
    connections: 20,
    overallRate: mixedTargets.readsPerSecond,
    duration: seconds,
    timeout: 10,
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  })
  const done = deferUnlessDone('stop the mixed-load readers', () => instance.stop())
  const writers = written.map((id, index) => writer(id, index))
  let result: Result
  try {
    result = await instance
  } finally {
    done()
    stop = true
    await Promise.all(writers)
  }
  writeTimes.sort((a, b) => a - b)
  return {
    seconds,
    readRate: mixedTargets.readsPerSecond,
    readsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
    readP50Ms: result.latency.p50,
    readP99Ms: result.latency.p99,
    readMaxMs: result.latency.max,
    readNon2xx: result.non2xx,
    readErrors: result.errors + result.timeouts,
    writers: written.length,
    writes: writeTimes.length,
    writeConflicts,
    writeErrors,
    writeP99Ms: percentile(writeTimes, 0.99),
  }
}
