/**
 * Two app instances on one PostgreSQL, each with its read cache and change feed, as a round-robin client
 * meets them: a status update on one, then at once a read on the other. Measures how long after the
 * writer's 2xx the other instance has heard the change, and counts reads that showed older data.
 */
import { performance } from 'node:perf_hooks'
import { buildApp } from '../server/src/app.ts'
import { startChangeFeed } from '../server/src/cache/change-feed.ts'
import { testConfig } from '../server/src/config.ts'
import { openDatabase } from '../server/src/db/client.ts'
import { platformAdminHeaders } from '../server/test/helpers/auth.ts'
import { buildMeasure, buildPlan } from '../server/test/helpers/factories.ts'
import { openPostgresDatabase } from './databases.ts'

export const twoInstanceTargets = { propagationP99Ms: 50 } as const

export interface TwoInstanceFigures {
  rounds: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** Reads on the other instance, right after a 2xx write, that did not show it. */
  staleReads: number
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN

/** Null with a reason when PostgreSQL does not answer. */
export async function benchTwoInstances (databaseUrl: string, rounds: number): Promise<TwoInstanceFigures | { skipped: string }> {
  const opened = await openPostgresDatabase(databaseUrl)
  if ('skipped' in opened) return { skipped: opened.skipped }
  const second = await openDatabase({ url: opened.url!, applicationName: 'eccar-bench-2' })
  const stops: (() => Promise<void>)[] = []
  try {
    await opened.handle.migrate()
    const config = testConfig({ READ_CACHE: true, LOG_LEVEL: 'silent' })
    const apps = [await buildApp({ config, db: opened.handle.db, logger: false }), await buildApp({ config, db: second.db, logger: false })]
    for (const app of apps) stops.push(async () => app.close())
    for (const app of apps) stops.push(await startChangeFeed(opened.url!, app.readCache!, app.log))
    const plan = await buildPlan(opened.handle.db)
    const measure = await buildMeasure(opened.handle.db, plan)
    const headers = await platformAdminHeaders(opened.handle.db)
    const delays: number[] = []
    let stale = 0
    let version = 1
    for (let round = 0; round < rounds; round++) {
      const [writer, reader] = round % 2 === 0 ? [apps[0]!, apps[1]!] : [apps[1]!, apps[0]!]
      await reader.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
      const before = reader.readCache!.ticket(plan.id, 'probe')
      const response = await writer.inject({ method: 'POST', url: `/api/measures/${measure.id}/status-updates`, headers, payload: { status: 'in_progress', progress: round % 100, version } })
      if (response.statusCode !== 201) throw new Error(`status update answered ${response.statusCode}`)
      version = response.json().measure.version
      const confirmed = performance.now()
      // The next read on the other instance, at once: it must show the write.
      const read = (await reader.inject({ method: 'GET', url: `/api/measures/${measure.id}` })).json() as { version: number }
      if (read.version !== version) stale++
      // How long the notification took: until the reader's ticket for the plan changed (usually already).
      while (reader.readCache!.ticket(plan.id, 'probe') === before && performance.now() - confirmed < 5_000) await new Promise((resolve) => setImmediate(resolve))
      delays.push(performance.now() - confirmed)
    }
    return { rounds, p50Ms: quantile(delays, 0.5), p99Ms: quantile(delays, 0.99), maxMs: Math.max(...delays), staleReads: stale }
  } finally {
    for (const stop of stops.reverse()) await stop()
    await second.close()
    await opened.dispose()
  }
}
