/** The part of autocannon 9's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    sent?: number
    p1?: number
    p2_5: number
    p50: number
    p75: number
    p90: number
    p97_5: number
    p99: number
    p99_9: number
  }

  export interface Options {
    url: string
    title?: string
    connections?: number
    duration?: number
    amount?: number
    workers?: number
    timeout?: number
    pipelining?: number
    method?: string
    headers?: Record<string, string>
    /** Requests per second over all connections. */
    overallRate?: number
    /** Requests each connection sends in turn (relative paths). */
    requests?: { method?: string, path: string, headers?: Record<string, string> }[]
  }

  export interface Result {
    title?: string
    url: string
    requests: Histogram
    latency: Histogram
    throughput: Histogram
    duration: number
    errors: number
    timeouts: number
    mismatches: number
    non2xx: number
    resets: number
    '1xx': number
    '2xx': number
    '3xx': number
    '4xx': number
    '5xx': number
    statusCodeStats?: Record<string, { count: number }>
    start: Date
    finish: Date
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop: () => void
  }

  function autocannon (options: Options): Instance
  export default autocannon
}
