import { readdirSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

/**
 * Where the machine's CPU time went during a measurement (Linux only; null elsewhere): this
 * process (server + autocannon's worker thread), the PostgreSQL backends of the benchmark's own
 * database, and everything else. On a shared 2-core machine "other" explains noisy figures.
 */
export interface CpuSplit {
  /** Cores in use on average, e.g. 1.6 of 2. */
  machine: number
  bench: number
  postgres: number
  other: number
}

interface Snapshot { at: number, busyTicks: number, ownMicros: number, backends: Map<number, number> }

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

function machineBusyTicks (): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number)
    return user! + nice! + system! + irq! + softirq! + steal!
  } catch {
    return null
  }
}

/** CPU ticks of each PostgreSQL backend serving `database` (its process title names the database). */
function backendTicks (database: string | null): Map<number, number> {
  const result = new Map<number, number>()
  if (!database) return result
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return result
  }
  for (const pid of pids) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (!title.startsWith('postgres:') || !title.includes(` ${database} `)) continue
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      result.set(Number(pid), Number(fields[11]) + Number(fields[12]))
    } catch {
      // The process ended meanwhile.
    }
  }
  return result
}

export function cpuSnapshot (database: string | null): Snapshot | null {
  const busyTicks = machineBusyTicks()
  if (busyTicks === null) return null
  const own = process.cpuUsage()
  return { at: performance.now(), busyTicks, ownMicros: own.user + own.system, backends: backendTicks(database) }
}

export function cpuSplit (start: Snapshot | null, end: Snapshot | null): CpuSplit | null {
  if (!start || !end) return null
  const seconds = (end.at - start.at) / 1000
  if (seconds <= 0) return null
  let backendTicksUsed = 0
  for (const [pid, ticks] of end.backends) backendTicksUsed += ticks - (start.backends.get(pid) ?? 0)
  const machine = (end.busyTicks - start.busyTicks) / TICKS_PER_SECOND / seconds
  const bench = (end.ownMicros - start.ownMicros) / 1e6 / seconds
  const postgres = backendTicksUsed / TICKS_PER_SECOND / seconds
  return { machine, bench, postgres, other: Math.max(0, machine - bench - postgres) }
}
