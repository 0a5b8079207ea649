import { performance } from 'node:perf_hooks'
import autocannon, { type Result } from 'autocannon'
import { deferUnlessDone } from './cleanup.ts'
import { cpuSnapshot, cpuSplit, type CpuSplit } from './cpu.ts'

export interface LoadSettings {
  connections: number
  warmupSeconds: number
  seconds: number
  /** autocannon worker threads; 1 keeps the load generator off the server's event loop. 0 runs it in-process. */
  workers: number
}

export interface LoadFigures {
  url: string
  requestsPerSecond: number
  requestsTotal: number
  durationSeconds: number
  latencyAverageMs: number
  latencyP50Ms: number
  latencyP90Ms: number
  latencyP99Ms: number
  latencyMaxMs: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
  /** Cores used during the measured run by this process, the benchmark database's backends, and the rest. */
  cpu: CpuSplit | null
  warmup: { requestsPerSecond: number, latencyP99Ms: number, non2xx: number, errors: number } | null
}

export interface SingleRequestFigures {
  status: number
  bytes: number
  medianMs: number
  minMs: number
  maxMs: number
  samples: number
}

async function run (url: string, settings: LoadSettings, duration: number, headers: Record<string, string> = {}): Promise<Result> {
  const instance = autocannon({
    url,
    headers,
    connections: settings.connections,
    duration,
    timeout: 10,
    ...(settings.workers > 0 ? { workers: settings.workers } : {}),
  })
  // On Ctrl-C the load stops first, so the server can close at once.
  const done = deferUnlessDone(`stop autocannon on ${url}`, () => instance.stop())
  try {
    return await instance
  } finally {
    done()
  }
}

const statusCounts = (result: Result) =>
  Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]))

/**
 * Answers per second: the completed requests over the run's duration. autocannon's `requests.average`
 * is instead the mean of per-second samples that the worker thread relays one message at a time to the
 * main thread, where the server under test runs too; the completed count travels with the worker's own
 * result, so the rate no longer depends on that relay. (A detail run once read 0 req/s on a machine at
 * load 20 while its single requests answered in 57 ms; it could not be reproduced since.)
 */
const completedPerSecond = (result: Result) => (result.duration > 0 ? result.requests.total / result.duration : 0)

/** Warm-up (discarded apart from a summary), then the measured run against one URL (served by `serverPid` when it is not this process). */
export async function measureLoad (
  url: string, settings: LoadSettings, postgresDatabase: string | null = null, headers: Record<string, string> = {},
  serverPid: number | null = null,
): Promise<LoadFigures> {
  const warm = settings.warmupSeconds > 0 ? await run(url, settings, settings.warmupSeconds, headers) : null
  const before = cpuSnapshot(postgresDatabase, serverPid)
  const result = await run(url, settings, settings.seconds, headers)
  const cpu = cpuSplit(before, cpuSnapshot(postgresDatabase, serverPid))
  return {
    url,
    requestsPerSecond: completedPerSecond(result),
    requestsTotal: result.requests.total,
    durationSeconds: result.duration,
    latencyAverageMs: result.latency.average,
    latencyP50Ms: result.latency.p50,
    latencyP90Ms: result.latency.p90,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: statusCounts(result),
    cpu,
    warmup: warm && {
      requestsPerSecond: completedPerSecond(warm),
      latencyP99Ms: warm.latency.p99,
      non2xx: warm.non2xx,
      errors: warm.errors,
    },
  }
}

/**
 * One request at a time, on an idle server: how long the endpoint itself takes, without queueing.
 * The first few answers warm the JIT and the database caches and are not counted.
 */
export async function timeSingleRequests (
  url: string, samples = 30, unmeasured = 5, headers: Record<string, string> = {},
): Promise<SingleRequestFigures & { body: unknown }> {
  const times: number[] = []
  let status = 0
  let bytes = 0
  let body: unknown = null
  for (let i = 0; i < samples + unmeasured; i++) {
    const start = performance.now()
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) })
    const text = await response.text()
    const elapsed = performance.now() - start
    status = response.status
    bytes = Buffer.byteLength(text)
    if (i === 0) body = safeJson(text)
    if (i >= unmeasured) times.push(elapsed)
  }
  times.sort((a, b) => a - b)
  return {
    status,
    bytes,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    minMs: times[0] ?? 0,
    maxMs: times[times.length - 1] ?? 0,
    samples: times.length,
    body,
  }
}

function safeJson (text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text.slice(0, 200)
  }
}
