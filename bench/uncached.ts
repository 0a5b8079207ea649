/**
 * The reads the read cache does not cover: every public read with READ_CACHE=false (what the first
 * reader after a write, and every signed-in person, waits for), and the signed-in workspace reads.
 * Each endpoint is compared with GET /api/health of the same server in the same run.
 *
 * The server is the compiled one in a process of its own, as `npm start` runs it. Built inside the
 * benchmark's process after the cached phases, the same app spent up to twice the CPU per answer on
 * the lists (1.0 against 0.5–0.6 ms of the benchmark process's CPU per list of 50, same code, same
 * database, 5 December 2026): that process had served the cached phases and the mixed load before.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm'
import { createSession } from '../server/src/auth/sessions.ts'
import type { Db } from '../server/src/db/client.ts'
import { measures, membershipOrganisations, statusUpdates, users } from '../server/src/db/schema/index.ts'
import { withTimeout } from './cleanup.ts'
import { measureLoad, timeSingleRequests, type LoadFigures, type LoadSettings } from './load.ts'
import { startCompiledServer } from './network/server.ts'
import { buildServerIfStale } from './startup.ts'

/** Targets on PostgreSQL, uncached: requests/s ÷ health requests/s of the same run. */
export const uncachedTargets = { plan: 0.15, progress: 0.15, detail: 0.15, list50: 0.10, workspace: 0.08 } as const
type TargetKind = keyof typeof uncachedTargets | 'reference'

export interface UncachedEndpointReport {
  key: string
  label: string
  path: string
  /** Which session the requests carry. */
  as: 'public' | 'admin' | 'editor'
  target: TargetKind
  status: number | null
  bytes: number | null
  singleMs: number | null
  load: LoadFigures | null
  /**
   * The health rate the ratio divides by: the mean of health's rate measured just before and just
   * after this endpoint (`healthBracketSeconds` each; the first endpoint's "before" is the phase's health row).
   */
  healthRate: number | null
  ratio: number | null
  error: string | null
}

/**
 * How long health is measured after each endpoint. This machine's speed drifts within a phase of two
 * minutes (health alone 14,000–22,000 req/s between runs on one day, and half its rate for a few seconds
 * within one); divided by one health rate from the phase's start, a read measured in a slow minute
 * looked slower than it is, and one in a fast minute faster. Health just before and after cancels that.
 */
export const healthBracketSeconds = 3

interface Seeded { jenaPlanId: number, generatedPlanId: number }

/** The Jena demo's admin and editor, signed in directly (no password hashing in the measurement). */
async function sessions (db: Db) {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@jena.example'))
  const [editor] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'editor@jena.example'))
  if (!admin || !editor) throw new Error('the Jena demo accounts are missing')
  const [scope] = await db.select({ organisationId: membershipOrganisations.organisationId }).from(membershipOrganisations)
    .where(eq(membershipOrganisations.userId, editor.id))
  const adminSession = await createSession(db, admin.id)
  const editorSession = await createSession(db, editor.id)
  return {
    admin: { cookie: `sid=${adminSession.token}`, csrfToken: adminSession.csrfToken },
    editor: { cookie: `sid=${editorSession.token}`, csrfToken: editorSession.csrfToken },
    editorOrganisationId: scope?.organisationId ?? null,
  }
}

/** A public Jena measure with the longest timeline: the heaviest detail page of the demo. */
export async function busiestMeasure (db: Db, planId: number) {
  const rows = await db.select({ id: measures.id, updates: statusUpdates.id }).from(measures)
    .leftJoin(statusUpdates, eq(statusUpdates.measureId, measures.id))
    .where(and(eq(measures.planId, planId), eq(measures.isPublic, true), isNotNull(statusUpdates.id)))
    .orderBy(asc(measures.id))
  const counts = new Map<number, number>()
  for (const row of rows) counts.set(row.id, (counts.get(row.id) ?? 0) + 1)
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])
  if (!best) throw new Error('the Jena demo has no measure with a timeline')
  return best[0]
}

/** `db` and `databaseUrl`: the benchmark's database, for the sessions and the compiled server. */
export async function benchUncached (
  repoRoot: string, db: Db, databaseUrl: string, seed: Seeded, load: LoadSettings, postgresDatabase: string | null, log: (line: string) => void,
) {
  if (buildServerIfStale(repoRoot)) log('(server/dist was older than the sources: built it first)')
  const server = await startCompiledServer(repoRoot, databaseUrl, 'uncached')
  const reports: UncachedEndpointReport[] = []
  try {
    const base = server.base
    const signedIn = await sessions(db)
    const measureId = await busiestMeasure(db, seed.jenaPlanId)
    const mine = signedIn.editorOrganisationId === null ? '' : `organisation=${signedIn.editorOrganisationId}&`
    const endpoints: Omit<UncachedEndpointReport, 'status' | 'bytes' | 'singleMs' | 'load' | 'healthRate' | 'ratio' | 'error'>[] = [
      { key: 'health', label: 'health', path: '/api/health', as: 'public', target: 'reference' },
      { key: 'plan', label: 'plan', path: `/api/plans/${seed.jenaPlanId}`, as: 'public', target: 'plan' },
      // What a commitment page and the administration read: the plan with its commitments' context texts.
      { key: 'plan-contexts', label: 'plan with context texts', path: `/api/plans/${seed.jenaPlanId}?contexts=true`, as: 'public', target: 'reference' },
      { key: 'progress', label: 'progress', path: `/api/plans/${seed.jenaPlanId}/progress`, as: 'public', target: 'progress' },
      { key: 'list50', label: 'measures (50 rows)', path: `/api/plans/${seed.generatedPlanId}/measures`, as: 'public', target: 'list50' },
      { key: 'list100', label: 'measures (100 rows)', path: `/api/plans/${seed.generatedPlanId}/measures?limit=100`, as: 'public', target: 'reference' },
      { key: 'detail', label: 'measure detail', path: `/api/measures/${measureId}`, as: 'public', target: 'detail' },
      { key: 'my-measures', label: 'my measures (editor)', path: `/api/plans/${seed.jenaPlanId}/measures?${mine}limit=100&offset=0`, as: 'editor', target: 'workspace' },
      { key: 'attention', label: 'needs attention (editor)', path: `/api/plans/${seed.jenaPlanId}/attention${signedIn.editorOrganisationId === null ? '' : `?organisation=${signedIn.editorOrganisationId}`}`, as: 'editor', target: 'workspace' },
      { key: 'admin-list', label: 'admin measure list', path: `/api/plans/${seed.jenaPlanId}/measures?limit=100&offset=0`, as: 'admin', target: 'workspace' },
    ]
    let healthBefore: number | null = null
    for (const endpoint of endpoints) {
      const entry: UncachedEndpointReport = { ...endpoint, status: null, bytes: null, singleMs: null, load: null, healthRate: null, ratio: null, error: null }
      reports.push(entry)
      const headers: Record<string, string> = endpoint.as === 'public' ? {} : { cookie: signedIn[endpoint.as].cookie }
      try {
        const single = await timeSingleRequests(`${base}${endpoint.path}`, 30, 5, headers)
        entry.status = single.status
        entry.bytes = single.bytes
        entry.singleMs = single.medianMs
        if (single.status !== 200) throw new Error(`status ${single.status}: ${JSON.stringify(single.body).slice(0, 200)}`)
        const maxSeconds = load.warmupSeconds + load.seconds + 60
        entry.load = await withTimeout(measureLoad(`${base}${endpoint.path}`, load, postgresDatabase, headers, server.pid), maxSeconds * 1000, `load on ${endpoint.path}`)
        const figures = entry.load
        // A run without a single answer is an error of the run, never a rate of 0 that passes for a measurement.
        if (figures.requestsTotal === 0) {
          throw new Error(`no answer in ${figures.durationSeconds} s: ${figures.errors} errors, ${figures.timeouts} timeouts (10 s each)`)
        }
        let bracket = ''
        if (endpoint.key === 'health') {
          entry.healthRate = figures.requestsPerSecond
          healthBefore = figures.requestsPerSecond
        } else if (healthBefore !== null) {
          const after = await withTimeout(measureLoad(`${base}/api/health`, { ...load, warmupSeconds: 0, seconds: healthBracketSeconds }),
            (healthBracketSeconds + 60) * 1000, 'load on /api/health')
          entry.healthRate = (healthBefore + after.requestsPerSecond) / 2
          bracket = `, health ${Math.round(healthBefore)} before and ${Math.round(after.requestsPerSecond)} after`
          healthBefore = after.requestsPerSecond
        }
        entry.ratio = entry.healthRate ? figures.requestsPerSecond / entry.healthRate : null
        log(`uncached ${endpoint.label.padEnd(26)} ${Math.round(figures.requestsPerSecond).toString().padStart(6)} req/s  `
          + `p99 ${figures.latencyP99Ms} ms  ${figures.requestsTotal} answers, non-2xx ${figures.non2xx}, errors ${figures.errors} (timeouts ${figures.timeouts})  `
          + `ratio ${entry.ratio?.toFixed(3) ?? '–'}${bracket}  (1 request alone: ${single.medianMs.toFixed(1)} ms, ${single.bytes} B)`)
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error)
        log(`ERROR uncached ${endpoint.label}: ${entry.error}`)
      }
    }
  } finally {
    await server.stop()
  }
  return reports
}

/**
 * CPU time per request, in ms: the server's and the benchmark's processes (server and load generator)
 * and the benchmark database's backends, from the cores each used during the measured run.
 */
export function cpuPerRequest (entry: UncachedEndpointReport): { benchMs: number, databaseMs: number } | null {
  const cpu = entry.load?.cpu
  const rate = entry.load?.requestsPerSecond
  if (!cpu || !rate) return null
  return { benchMs: cpu.bench / rate * 1000, databaseMs: cpu.postgres / rate * 1000 }
}

/**
 * The CPU per request (benchmark process and database together) at which the read would reach its
 * target with the cores it used: what a change has to bring the two figures of `cpuPerRequest` down to.
 */
export function cpuBudgetMs (entry: UncachedEndpointReport): number | null {
  const cpu = entry.load?.cpu
  if (!cpu || !entry.healthRate || entry.target === 'reference') return null
  return (cpu.bench + cpu.postgres) / (uncachedTargets[entry.target] * entry.healthRate) * 1000
}
