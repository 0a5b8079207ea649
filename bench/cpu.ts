import { readdirSync, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

/**
 * Where the machine's CPU time went during a measurement (Linux only; null elsewhere): this
 * process (server + autocannon's worker thread; with a server in a process of its own, that process
 * too), the PostgreSQL backends of the benchmark's own database, and everything else. On a shared
 * 2-core machine "other" explains noisy figures.
 */
export interface CpuSplit {
  /** Cores in use on average, e.g. 1.6 of 2. */
  machine: number
  bench: number
  postgres: number
  other: number
}

interface Snapshot { at: number, busyTicks: number, ownMicros: number, serverTicks: number, backends: Map<number, number> }

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

/** User and system CPU ticks of one process (0 once it is gone). */
function processTicks (pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return 0
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
      result.set(Number(pid), processTicks(Number(pid)))
    } catch {
      // The process ended meanwhile.
    }
  }
  return result
}

/** `serverPid`: a server running in a process of its own, whose CPU counts with this process's. */
export function cpuSnapshot (database: string | null, serverPid: number | null = null): Snapshot | null {
  const busyTicks = machineBusyTicks()
  if (busyTicks === null) return null
  const own = process.cpuUsage()
  const serverTicks = serverPid === null ? 0 : processTicks(serverPid)
  return { at: performance.now(), busyTicks, ownMicros: own.user + own.system, serverTicks, backends: backendTicks(database) }
}

export function cpuSplit (start: Snapshot | null, end: Snapshot | null): CpuSplit | null {
  if (!start || !end) return null
  const seconds = (end.at - start.at) / 1000
  if (seconds <= 0) return null
  let backendTicksUsed = 0
  for (const [pid, ticks] of end.backends) backendTicksUsed += ticks - (start.backends.get(pid) ?? 0)
  const machine = (end.busyTicks - start.busyTicks) / TICKS_PER_SECOND / seconds
  const bench = ((end.ownMicros - start.ownMicros) / 1e6 + (end.serverTicks - start.serverTicks) / TICKS_PER_SECOND) / seconds
  const postgres = backendTicksUsed / TICKS_PER_SECOND / seconds
  return { machine, bench, postgres, other: Math.max(0, machine - bench - postgres) }
}
